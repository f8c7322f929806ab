using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>
/// The SMB transport on the real Samba smbd: the contract for the capabilities it declares (those of
/// <see cref="SmbLikeTests"/> plus case-insensitive names), and the bounded crash matrix (every fault point makes new
/// transports, each a fresh SMB session setup).
/// </summary>
[TestClass]
public sealed class SmbTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = new SmbServerTarget();

    protected override bool BoundedCrashMatrix => true;

    protected override int FaultPointStride => 2;
}
