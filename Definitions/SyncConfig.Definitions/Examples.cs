using SyncConfig;

namespace SyncConfig.Definitions;

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
