using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>
/// The FTP transport, plain, against vsftpd: the contract, and the bounded crash matrix (every fault point costs
/// several logins and passive data connections). The other FTP classes leave the crash matrix to this one.
/// </summary>
[TestClass]
public sealed class FtpVsftpdTests : TargetSuite
{
    protected override TargetUnderTest Target => FtpServerTarget.Vsftpd;

    protected override bool BoundedCrashMatrix => true;

    protected override int FaultPointStride => 3;
}

/// <summary>The FTP transport with explicit TLS against vsftpd (LIST, TLS on every data connection): the contract.</summary>
[TestClass]
public sealed class FtpsVsftpdTests : TargetSuite
{
    protected override TargetUnderTest Target => FtpServerTarget.VsftpdTls;

    protected override bool BoundedCrashMatrix => true;

    protected override bool CrashMatrixRunsInAnotherClass => true;
}

/// <summary>The FTP transport, plain, against pure-ftpd (MLSD): the contract.</summary>
[TestClass]
public sealed class FtpPureFtpdTests : TargetSuite
{
    protected override TargetUnderTest Target => FtpServerTarget.PureFtpd;

    protected override bool BoundedCrashMatrix => true;

    protected override bool CrashMatrixRunsInAnotherClass => true;
}

/// <summary>The FTP transport with explicit TLS against pure-ftpd: the contract.</summary>
[TestClass]
public sealed class FtpsPureFtpdTests : TargetSuite
{
    protected override TargetUnderTest Target => FtpServerTarget.PureFtpdTls;

    protected override bool BoundedCrashMatrix => true;

    protected override bool CrashMatrixRunsInAnotherClass => true;
}
