using System.Net.Sockets;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace SyncConfig.Transports.Sftp.Connections;

/// <summary>
/// Turns SSH.NET's exceptions into the contract's kinds, with a message that names the setting to fix. SSH.NET's own
/// messages carry no credentials, and these never add one.
/// </summary>
internal static class SftpErrors
{
    /// <summary>The connection itself failed: the operation may well succeed on a new one.</summary>
    public static bool IsDrop(Exception e) => e is SshConnectionException or SshOperationTimeoutException or SocketException or ObjectDisposedException
        || (e is IOException && e.InnerException is SocketException)
        || (e is SftpException { StatusCode: StatusCode.ConnectionLost or StatusCode.NoConnection });

    /// <summary>What went wrong while reaching the server and signing in.</summary>
    public static RemoteException Connecting(Exception e, SftpTarget target, HostKeyPin pin)
    {
        if (pin.Mismatched)
            return new(RemoteErrorKind.AuthenticationFailed, pin.MismatchMessage(Server(target)), e);
        return e switch
        {
            RemoteException remote => remote,
            SshAuthenticationException => new(RemoteErrorKind.AuthenticationFailed, SignInRefused(target), e),
            SocketException socket => new(RemoteErrorKind.Unreachable,
                $"Could not reach {Server(target)} ({socket.SocketErrorCode}). Check the host in the server string and Port, and that the SSH server runs and lets this machine in.", e),
            SshOperationTimeoutException => new(RemoteErrorKind.Unreachable,
                $"{Server(target)} did not answer within {target.ConnectTimeout.TotalSeconds:0} s. Check the host in the server string and Port, and any firewall between.", e),
            _ => new(RemoteErrorKind.Unreachable, $"{Server(target)} closed the connection while it was being set up ({e.Message}). Check that Port is the SSH server's and that it offers SFTP.", e),
        };
    }

    private static string SignInRefused(SftpTarget target)
    {
        var with = (target.Password, target.PrivateKeyFile) switch
        {
            (not null, not null) => "Password and PrivateKeyFile",
            (not null, null) => "Password",
            (null, not null) => $"PrivateKeyFile ('{target.PrivateKeyFile}')",
            _ => "no credentials (set Password or PrivateKeyFile)",
        };
        return $"{Server(target)} refused to sign in UserName '{target.UserName}' with {with}. Check UserName and {(target.PrivateKeyFile is null ? "Password" : "the key's public half in the server's authorized_keys")}.";
    }

    /// <summary>A private key file that cannot be used; its path is not a secret, its passphrase is never shown.</summary>
    public static RemoteException KeyFile(Exception e, SftpTarget target) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => new(RemoteErrorKind.AuthenticationFailed,
            $"PrivateKeyFile '{target.PrivateKeyFile}' does not exist on this machine.", e),
        UnauthorizedAccessException => new(RemoteErrorKind.AuthenticationFailed,
            $"PrivateKeyFile '{target.PrivateKeyFile}' cannot be read by this account.", e),
        SshPassPhraseNullOrEmptyException => new(RemoteErrorKind.AuthenticationFailed,
            $"PrivateKeyFile '{target.PrivateKeyFile}' is protected by a passphrase: set PrivateKeyPassphrase.", e),
        System.Security.Cryptography.CryptographicException => new(RemoteErrorKind.AuthenticationFailed,
            $"PrivateKeyFile '{target.PrivateKeyFile}' could not be decrypted: check PrivateKeyPassphrase.", e),
        _ => new(RemoteErrorKind.AuthenticationFailed,
            $"PrivateKeyFile '{target.PrivateKeyFile}' could not be used ({e.Message}). Check the file and PrivateKeyPassphrase.", e),
    };

    /// <summary>What went wrong in an operation on <paramref name="path"/> (absolute on the server).</summary>
    public static RemoteException Operation(Exception e, SftpTarget target, string path, bool diskFull = false) => e switch
    {
        RemoteException remote => remote,
        _ when IsDrop(e) => new(RemoteErrorKind.ConnectionDropped, $"The connection to {Server(target)} dropped ({e.Message}).", e),
        SftpPathNotFoundException => new(RemoteErrorKind.NotFound, $"'{path}' does not exist on {Server(target)}.", e),
        SftpPermissionDeniedException => new(RemoteErrorKind.PermissionDenied,
            $"Permission denied to UserName '{target.UserName}' on '{path}' at {Server(target)}. Give that account write access there, or choose a target path it owns.", e),
        _ when diskFull => new(RemoteErrorKind.DiskFull, $"The disk of {Server(target)} that holds '{path}' is full.", e),
        _ => new(RemoteErrorKind.Other, $"{Server(target)} failed on '{path}': {e.Message}", e),
    };

    /// <summary>SFTP reports a full disk only as the generic failure: worth asking the server how much room is left.</summary>
    public static bool MayBeDiskFull(Exception e) => e is SftpException { StatusCode: StatusCode.Failure } and not SftpPathNotFoundException;

    public static string Server(SftpTarget target) => $"{target.Host}:{target.Port}";
}
