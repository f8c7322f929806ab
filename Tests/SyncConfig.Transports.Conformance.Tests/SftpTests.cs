using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>The SFTP transport on the real OpenSSH server.</summary>
[TestClass]
public sealed class SftpTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = new SftpServerTarget();

    /// <summary>
    /// Every fault point costs about five SSH connections (0.3-1 s each here, most of it the post-quantum key exchange),
    /// so SFTP runs the richest case alone: a first sync, every upload staged, committed and promoted, 48 fault points
    /// in both fault modes. The other scenarios exercise the engine, which Local Path runs in full.
    /// </summary>
    protected override bool BoundedCrashMatrix => true;

    /// <summary>Every third fault point, the first rotating between the runs, to keep the suite short.</summary>
    protected override int FaultPointStride => 3;
}
