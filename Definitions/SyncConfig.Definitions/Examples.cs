using SyncConfig;

namespace SyncConfig.Definitions;

// The demo's pair: scripts/demo.sh sets both references to folders of its own.
[SyncRepository("$(SYNCCONFIG_DEMO_REPOSITORY)")]
public partial class DemoRepository;

[LocalPathSync("$(SYNCCONFIG_DEMO_TARGET)", Repository = typeof(DemoRepository), FolderName = "Demo")]
public partial class DemoOffsite;

// A repository to an S3-compatible store, both given wholly by the environment: the end-to-end tests point them at
// the S3 test server of scripts/servers (Tests/SyncConfig.Runtime.Tests/Cli/S3EndToEndTests.cs), the S3 benchmark too.
[SyncRepository("$(SYNCTEST_S3_REPOSITORY)")]
public partial class S3TestRepository;

[S3Sync(S3Service.Custom, Endpoint = "$(SYNCCONFIG_S3_ENDPOINT)", UseHttps = false, Bucket = "$(SYNCCONFIG_S3_BUCKET)",
    Region = "$(SYNCCONFIG_S3_REGION)", RootPath = "$(SYNCCONFIG_S3_ROOT)", Repository = typeof(S3TestRepository), FolderName = "Demo",
    AccessKey = "$(SYNCCONFIG_S3_ACCESS_KEY)", SecretKey = "$(SYNCCONFIG_S3_SECRET_KEY)")]
public partial class S3Offsite;

// One definition of every kind, as the definition language describes them. Secrets are references,
// resolved at start-up from configuration; literal ones would draw SYNC0029.
[SyncRepository(@"D:\Backups\Main")]
public partial class MainRepository;

[NetworkShareSync(@"\\nas01\offsite\macrium",
    Repository = typeof(MainRepository), FolderName = "SiteManager1",
    UserName = @"ACME\svc-backup", Password = "$(NAS_PASSWORD)")]
[SyncWindow("22:00", "05:00", Days = SyncDays.Weekdays)]
[PerFolderUpload]
public partial class NasOffsite;

[FileTransferSync(FileTransferProtocol.Sftp, "example.com/home/backups/macrium",
    Repository = typeof(MainRepository), FolderName = "SiteManager1", Port = 2222,
    UserName = "backup", Password = "$(SFTP_PASSWORD)",
    HostKeyFingerprint = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")]
public partial class SftpOffsite;

[FileTransferSync(FileTransferProtocol.Ftps, "ftp.example.com/offsite",
    Repository = typeof(MainRepository), FolderName = "SiteManager1",
    UserName = "backup", Password = "$(FTPS_PASSWORD)",
    CertificateFingerprint = "9F:86:D0:81:88:4C:7D:65:9A:2F:EA:A0:C5:5A:D0:15:A3:BF:4F:1B:2B:0B:82:2C:D1:5D:6C:15:B0:F0:0A:08")]
[SyncWindow("01:00", "06:00", Days = SyncDays.Weekends)]
public partial class FtpsOffsite;

[S3Sync(S3Service.Wasabi, Bucket = "acme-offsite", Region = "eu-central-2",
    RootPath = "site-managers/hq", Repository = typeof(MainRepository),
    FolderName = "SiteManager1", AccessKey = "$(WASABI_KEY)", SecretKey = "$(WASABI_SECRET)")]
[AllowBackupsDuringSync]
public partial class WasabiOffsite;

[S3Sync(S3Service.Custom, Endpoint = "127.0.0.1:9000", UseHttps = false, Bucket = "acme-offsite",
    Region = "local", Repository = typeof(MainRepository), FolderName = "SiteManager1",
    AccessKey = "$(MINIO_KEY)", SecretKey = "$(MINIO_SECRET)")]
public partial class MinioOffsite;

[LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = "SiteManager1")]
public partial class UsbOffsite;

// The SFTP end-to-end test's pair (Tests/SyncConfig.Runtime.Tests/Cli/SftpEndToEndTests.cs): every value is a
// reference the test sets, pointing at the real SFTP server that scripts/servers/start runs on 127.0.0.1:2222.
[SyncRepository("$(SYNCTEST_SFTP_REPOSITORY)")]
public partial class SftpTestRepository;

[FileTransferSync(FileTransferProtocol.Sftp, "$(SYNCTEST_SFTP_SERVER)",
    Repository = typeof(SftpTestRepository), FolderName = "$(SYNCTEST_SFTP_FOLDER)", Port = 2222,
    UserName = "$(SYNCTEST_SFTP_USER)", Password = "$(SYNCTEST_SFTP_PASSWORD)",
    HostKeyFingerprint = "$(SYNCTEST_SFTP_HOST_KEY)")]
public partial class SftpTestOffsite;
