using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>Local Path held to the capabilities an SMB transport must declare.</summary>
[TestClass]
public sealed class SmbLikeTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = RestrictedTarget.SmbLike;
}
