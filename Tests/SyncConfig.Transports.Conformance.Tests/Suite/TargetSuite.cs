using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests.Suite;

/// <summary>
/// Everything every target is held to: the transport contract, capability by capability (TargetSuite.Contract.cs),
/// and the engine's invariants on it, observed through its transport (the crash matrix and ownership). A transport
/// joins by one small [TestClass] that derives from this and supplies its <see cref="TargetUnderTest"/>.
/// </summary>
public abstract partial class TargetSuite
{
    public TestContext TestContext { get; set; } = null!;

    protected abstract TargetUnderTest Target { get; }

    /// <summary>A transport onto <paramref name="target"/>, connected.</summary>
    protected static async Task<IRemoteTransport> ConnectedAsync(TestTarget target)
    {
        var transport = target.Open();
        await transport.ConnectAsync(CancellationToken.None);
        return transport;
    }

    /// <summary>A test of a capability the target does not claim is skipped, with the reason, instead of passing silently.</summary>
    protected void Require(bool claimed, string capability)
    {
        if (!claimed)
            Assert.Inconclusive($"{Target.Name} does not claim {capability}.");
    }
}
