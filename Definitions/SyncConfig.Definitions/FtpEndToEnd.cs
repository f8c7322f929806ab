using SyncConfig;

namespace SyncConfig.Definitions;

// The end-to-end tests' FTP targets (Tests/SyncConfig.Runtime.Tests/Cli/FtpEndToEndTests.cs): FTPS to vsftpd and plain
// FTP to pure-ftpd, on the fixed ports scripts/servers gives them; every other value comes from the test's environment.
[SyncRepository("$(SYNCTEST_FTP_REPOSITORY)")]
public partial class FtpTestRepository;

[FileTransferSync(FileTransferProtocol.Ftps, "$(SYNCTEST_FTP_SERVER)", Port = 2990,
    Repository = typeof(FtpTestRepository), FolderName = "FtpsOffsite",
    UserName = "$(SYNCTEST_USER)", Password = "$(SYNCTEST_PASSWORD)", CertificateFingerprint = "$(SYNCTEST_FTPS_CERT_SHA256)")]
public partial class FtpsTestOffsite;

[FileTransferSync(FileTransferProtocol.Ftp, "$(SYNCTEST_FTP_SERVER)", Port = 2122,
    Repository = typeof(FtpTestRepository), FolderName = "FtpOffsite",
    UserName = "$(SYNCTEST_USER)", Password = "$(SYNCTEST_PASSWORD)")]
public partial class FtpTestOffsite;

// The server-trust tests (Tests/SyncConfig.Runtime.Tests/Security/ServerTrustTests.cs): FTPS to pure-ftpd, whose TLS is
// optional, pinned like vsftpd; and FTPS to vsftpd with no pin, so the self-signed certificate meets the machine's
// trusted authorities.
[FileTransferSync(FileTransferProtocol.Ftps, "$(SYNCTEST_FTP_SERVER)", Port = 2122,
    Repository = typeof(FtpTestRepository), FolderName = "PureFtpsOffsite",
    UserName = "$(SYNCTEST_USER)", Password = "$(SYNCTEST_PASSWORD)", CertificateFingerprint = "$(SYNCTEST_FTPS_CERT_SHA256)")]
public partial class PureFtpsTestOffsite;

[FileTransferSync(FileTransferProtocol.Ftps, "$(SYNCTEST_FTP_SERVER)", Port = 2990,
    Repository = typeof(FtpTestRepository), FolderName = "UnpinnedFtpsOffsite",
    UserName = "$(SYNCTEST_USER)", Password = "$(SYNCTEST_PASSWORD)")]
public partial class UnpinnedFtpsTestOffsite;
