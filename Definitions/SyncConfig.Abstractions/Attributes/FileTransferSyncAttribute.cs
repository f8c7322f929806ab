using System;

namespace SyncConfig;

/// <summary>Sync to an SFTP, FTP or FTPS server. The server string is <c>host/path</c> with no scheme.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FileTransferSyncAttribute : SyncDestinationAttribute
{
    public FileTransferSyncAttribute(FileTransferProtocol protocol, string server)
    {
        Protocol = protocol;
        Server = server;
    }

    public FileTransferProtocol Protocol { get; }
    public string Server { get; }

    /// <summary>0 means the protocol's default (21 for FTP/FTPS, 22 for SFTP).</summary>
    public int Port { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>SFTP: the server's host key as <c>SHA256:&lt;base64&gt;</c>.</summary>
    public string? HostKeyFingerprint { get; set; }

    /// <summary>SFTP: a private key file used instead of, or with, the password.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>SFTP: passphrase of <see cref="PrivateKeyFile"/>.</summary>
    public string? PrivateKeyPassphrase { get; set; }

    /// <summary>FTPS: the server certificate's SHA-256 fingerprint to pin.</summary>
    public string? CertificateFingerprint { get; set; }
}
