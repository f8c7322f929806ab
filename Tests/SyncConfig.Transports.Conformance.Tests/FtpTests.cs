using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>
/// The FTP transport on the real servers, one class each: FTPS to vsftpd (LIST, TLS on every data connection) and
/// plain FTP to pure-ftpd (MLSD). Every fault point costs several logins and passive data connections, so both run the
/// bounded crash matrix; Local Path and the FTP-like restricted target run the engine's matrices in full.
/// </summary>
[TestClass]
public sealed class FtpsVsftpdTests : TargetSuite
{
    protected override TargetUnderTest Target => FtpServerTarget.Vsftpd;

    protected override bool BoundedCrashMatrix => true;
}

/// <inheritdoc cref="FtpsVsftpdTests"/>
[TestClass]
public sealed class FtpPureFtpdTests : TargetSuite
{
    protected override TargetUnderTest Target => FtpServerTarget.PureFtpd;

    protected override bool BoundedCrashMatrix => true;
}
