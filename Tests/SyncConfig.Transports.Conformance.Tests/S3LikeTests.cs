using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>Local Path held to the capabilities an S3 transport must declare.</summary>
[TestClass]
public sealed class S3LikeTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = RestrictedTarget.S3Like;
}
