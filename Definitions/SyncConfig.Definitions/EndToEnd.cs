using SyncConfig;

namespace SyncConfig.Definitions;

// A repository to an S3-compatible store, both given wholly by the environment: the end-to-end tests point them at
// the S3 test server of scripts/servers (Tests/SyncConfig.Runtime.Tests/Cli/S3EndToEndTests.cs), the S3 benchmark too.
[SyncRepository("$(SYNCTEST_S3_REPOSITORY)")]
public partial class S3TestRepository;

[S3Sync(S3Service.Custom, Endpoint = "$(SYNCCONFIG_S3_ENDPOINT)", UseHttps = false, Bucket = "$(SYNCCONFIG_S3_BUCKET)",
    Region = "$(SYNCCONFIG_S3_REGION)", RootPath = "$(SYNCCONFIG_S3_ROOT)", Repository = typeof(S3TestRepository), FolderName = "Demo",
    AccessKey = "$(SYNCCONFIG_S3_ACCESS_KEY)", SecretKey = "$(SYNCCONFIG_S3_SECRET_KEY)")]
public partial class S3Offsite;

// The server-trust tests (Tests/SyncConfig.Runtime.Tests/Security/ServerTrustTests.cs): the same store over HTTPS, through
// a TLS front with the FTPS test certificate (self-signed): pinned by its fingerprint, and left to the machine's
// trusted authorities.
[S3Sync(S3Service.Custom, Endpoint = "$(SYNCCONFIG_S3_ENDPOINT)", Bucket = "$(SYNCCONFIG_S3_BUCKET)",
    Region = "$(SYNCCONFIG_S3_REGION)", RootPath = "$(SYNCCONFIG_S3_ROOT)", Repository = typeof(S3TestRepository), FolderName = "PinnedDemo",
    AccessKey = "$(SYNCCONFIG_S3_ACCESS_KEY)", SecretKey = "$(SYNCCONFIG_S3_SECRET_KEY)", CertificateFingerprint = "$(SYNCTEST_FTPS_CERT_SHA256)")]
public partial class S3PinnedTestOffsite;

[S3Sync(S3Service.Custom, Endpoint = "$(SYNCCONFIG_S3_ENDPOINT)", Bucket = "$(SYNCCONFIG_S3_BUCKET)",
    Region = "$(SYNCCONFIG_S3_REGION)", RootPath = "$(SYNCCONFIG_S3_ROOT)", Repository = typeof(S3TestRepository), FolderName = "HttpsDemo",
    AccessKey = "$(SYNCCONFIG_S3_ACCESS_KEY)", SecretKey = "$(SYNCCONFIG_S3_SECRET_KEY)")]
public partial class S3HttpsTestOffsite;

// The SFTP end-to-end test's pair (Tests/SyncConfig.Runtime.Tests/Cli/SftpEndToEndTests.cs): every value is a
// reference the test sets, pointing at the real SFTP server that scripts/servers/start runs on 127.0.0.1:2222.
[SyncRepository("$(SYNCTEST_SFTP_REPOSITORY)")]
public partial class SftpTestRepository;

[FileTransferSync(FileTransferProtocol.Sftp, "$(SYNCTEST_SFTP_SERVER)",
    Repository = typeof(SftpTestRepository), FolderName = "$(SYNCTEST_SFTP_FOLDER)", Port = 2222,
    UserName = "$(SYNCTEST_SFTP_USER)", Password = "$(SYNCTEST_SFTP_PASSWORD)",
    HostKeyFingerprint = "$(SYNCTEST_SFTP_HOST_KEY)")]
public partial class SftpTestOffsite;
