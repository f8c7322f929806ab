using SyncConfig.Engine.Transports;

namespace SyncConfig.Engine.Tests.Support;

/// <summary>The capability sets the protocol is proven under: each future target's limits, on the Local Path transport.</summary>
public static class Targets
{
    public const string Local = "Local";
    public const string S3 = "S3";
    public const string Smb = "SMB";
    public const string Ftp = "FTP";

    public static IRemoteTransport Open(string kind, string targetPath) => kind switch
    {
        Local => new LocalPathTransport(targetPath),
        S3 => new RestrictedTransport(targetPath, TransportCapabilities.S3),
        Smb => new RestrictedTransport(targetPath, TransportCapabilities.NetworkShare),
        Ftp => new RestrictedTransport(targetPath, TransportCapabilities.FileTransfer),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
