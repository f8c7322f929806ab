using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>Local Path held to the capabilities an FTP/FTPS transport must declare.</summary>
[TestClass]
public sealed class FtpLikeTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = RestrictedTarget.FtpLike;

    /// <summary>
    /// Every other fault point (the first rotating between the runs): the slowest of the in-process targets, whose
    /// engine paths Local Path and S3-like already run at every point.
    /// </summary>
    protected override int FaultPointStride => 2;
}
