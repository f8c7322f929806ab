namespace SyncConfig.Transports.Conformance.Tests.Targets;

/// <summary>
/// The Local Path transport held to another target's limits, before that target's transport exists. The three sets
/// below are the declarations those transports must make (or justify changing): the protocol is proven under them
/// here, so a transport that claims more than it keeps, or less than the protocol needs, shows up in this suite.
/// </summary>
public sealed class RestrictedTarget(string name, TransportCapabilities capabilities) : TargetUnderTest
{
    /// <summary>S3 and compatible stores: no rename at all; objects appear whole (an interrupted upload resumes inside the transport).</summary>
    public static RestrictedTarget S3Like { get; } = new("S3-like", new() { ServerSideCopy = true, AtomicWrites = true });

    /// <summary>SMB through libsmbclient: rename onto an existing file deletes it first, so it is not atomic.</summary>
    public static RestrictedTarget SmbLike { get; } = new("SMB-like", new() { Rename = true, ExclusiveCreate = true, ResumableWrites = true, Folders = true });

    /// <summary>FTP/FTPS: no exclusive create, and what RNTO does onto an existing file is the server's choice.</summary>
    public static RestrictedTarget FtpLike { get; } = new("FTP-like", new() { Rename = true, ResumableWrites = true, Folders = true });

    public override string Name => name;

    public override Task<TestTarget> CreateAsync() =>
        Task.FromResult<TestTarget>(new LocalFolder(path => new RestrictedTransport(path, capabilities)));
}
