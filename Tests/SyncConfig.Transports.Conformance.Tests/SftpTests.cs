using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>The SFTP transport on the real OpenSSH server.</summary>
[TestClass]
public sealed class SftpTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = new SftpServerTarget();
}
