using SyncConfig.Analyzers.Tests.Infrastructure;

namespace SyncConfig.Analyzers.Tests.Analyzer;

[TestClass]
public sealed class ExamplesTests
{
    /// <summary>The definition language's own examples build without a diagnostic.</summary>
    [TestMethod]
    public Task DesignExamplesAreClean() => Verify.Analyzer("""
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

        [S3Sync(S3Service.Wasabi, Bucket = "acme-offsite", Region = "eu-central-2",
            RootPath = "site-managers/hq", Repository = typeof(MainRepository),
            FolderName = "SiteManager1", AccessKey = "$(WASABI_KEY)", SecretKey = "$(WASABI_SECRET)")]
        [AllowBackupsDuringSync]
        public partial class WasabiOffsite;

        [LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = "SiteManager1")]
        public partial class UsbOffsite;
        """);

    /// <summary>Half-typed attributes draw the compiler's errors, not an analyzer crash (AD0001) or a guess.</summary>
    [TestMethod]
    [DataRow("[LocalPathSync()]")]
    [DataRow("[LocalPathSync(42, FolderName = 7)]")]
    [DataRow("""[S3Sync(Bucket = "acme-offsite")]""")]
    [DataRow("""[FileTransferSync(FileTransferProtocol.Sftp, )]""")]
    [DataRow("""[SyncWindow("22:00")]""")]
    [DataRow("""[NetworkShareSync(@"\\nas01\offsite", Repository = typeof(Missing), FolderName = "Site1")]""")]
    public Task IncompleteDefinitionsAreLeftToTheCompiler(string attribute) =>
        Verify.AnalyzerOnBrokenCode(attribute + "\npublic partial class Offsite;");
}
