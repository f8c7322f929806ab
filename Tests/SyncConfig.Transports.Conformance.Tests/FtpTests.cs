using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>The FTP transport, plain, against vsftpd: the contract, and the crash matrix sampled (one fault point a run: its middle operation).</summary>
[TestClass]
public sealed class FtpVsftpdTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = new FtpTarget("vsftpd", tls: false, crashPointsPerRun: 1);
}

/// <summary>The FTP transport with explicit TLS, against vsftpd: the contract (the crash matrix runs on plain vsftpd).</summary>
[TestClass]
public sealed class FtpsVsftpdTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = new FtpTarget("vsftpd", tls: true, crashPointsPerRun: 0);
}

/// <summary>The FTP transport, plain, against pure-ftpd: the contract (the crash matrix runs on plain vsftpd).</summary>
[TestClass]
public sealed class FtpPureFtpdTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = new FtpTarget("pure-ftpd", tls: false, crashPointsPerRun: 0);
}

/// <summary>The FTP transport with explicit TLS, against pure-ftpd: the contract (the crash matrix runs on plain vsftpd).</summary>
[TestClass]
public sealed class FtpsPureFtpdTests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = new FtpTarget("pure-ftpd", tls: true, crashPointsPerRun: 0);
}
