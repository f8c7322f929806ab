using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>Local Path held to the capabilities an FTP/FTPS transport must declare.</summary>
[TestClass]
public sealed class FtpLikeTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = RestrictedTarget.FtpLike;
}
