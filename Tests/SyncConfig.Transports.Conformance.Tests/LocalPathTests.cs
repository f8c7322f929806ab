using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>The Local Path transport.</summary>
[TestClass]
public sealed class LocalPathTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = new LocalPathTarget();
}
