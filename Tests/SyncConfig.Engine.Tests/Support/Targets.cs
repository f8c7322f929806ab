using SyncConfig.Transports;
using SyncConfig.Transports.LocalPath;

namespace SyncConfig.Engine.Tests.Support;

/// <summary>The capability sets the protocol is proven under: each future target's limits, on the Local Path transport.</summary>
public static class Targets
{
    public const string Local = "Local";
    public const string S3 = "S3";
    public const string Smb = "SMB";
    public const string Ftp = "FTP";

    /// <summary>S3 and compatible stores: no rename at all; objects appear whole (an interrupted upload resumes inside the transport).</summary>
    public static TransportCapabilities S3Like { get; } = new() { ServerSideCopy = true, AtomicWrites = true };

    /// <summary>SMB through libsmbclient: rename onto an existing file deletes it first.</summary>
    public static TransportCapabilities SmbLike { get; } = new() { Rename = true, ExclusiveCreate = true, ResumableWrites = true, Folders = true };

    /// <summary>FTP/FTPS: no exclusive create, and RNTO onto an existing file is server-specific.</summary>
    public static TransportCapabilities FtpLike { get; } = new() { Rename = true, ResumableWrites = true, Folders = true };

    public static IRemoteTransport Open(string kind, string targetPath) => kind switch
    {
        Local => new LocalPathTransport(targetPath),
        S3 => new RestrictedTransport(targetPath, S3Like),
        Smb => new RestrictedTransport(targetPath, SmbLike),
        Ftp => new RestrictedTransport(targetPath, FtpLike),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
