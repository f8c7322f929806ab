using SyncConfig.Analyzers.Tests.Infrastructure;

namespace SyncConfig.Analyzers.Tests.Analyzer;

/// <summary>
/// Each rule's diagnostic lands on the literal that breaks it, with its ID and severity (the markup
/// <c>{|ID:…|}</c> fixes both the span and the ID; the framework compares the severity too).
/// </summary>
[TestClass]
public sealed class DestinationDiagnosticsTests
{
    private const string Common = """Repository = typeof(MainRepository), FolderName = "Site1" """;
    private const string Fingerprint = """HostKeyFingerprint = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU" """;
    private const string Keys = """AccessKey = "$(S3_KEY)", SecretKey = "$(S3_SECRET)" """;

    [TestMethod]
    [DataRow("""[NetworkShareSync({|SYNC0001:@"nas01\offsite"|}, Repository = typeof(MainRepository), FolderName = "Site1")]""")]
    [DataRow("""[NetworkShareSync({|SYNC0001:@"\\nas01"|}, Repository = typeof(MainRepository), FolderName = "Site1")]""")]
    [DataRow("""[NetworkShareSync(path: {|SYNC0001:@"\\bad host\offsite"|}, Repository = typeof(MainRepository), FolderName = "Site1")]""")]
    [DataRow("""[NetworkShareSync({|SYNC0001:""|}, Repository = typeof(MainRepository), FolderName = "Site1")]""")]
    public Task InvalidNetworkSharePath(string attribute) => Verify.Analyzer(attribute + "\npublic partial class Offsite;");

    [TestMethod]
    [DataRow("""[NetworkShareSync({|SYNC0002:"//nas01/offsite"|}, Repository = typeof(MainRepository), FolderName = "Site1")]""")]
    [DataRow("""[LocalPathSync({|SYNC0002:"E:/Offsite"|}, Repository = typeof(MainRepository), FolderName = "Site1")]""")]
    [DataRow("""[FileTransferSync(FileTransferProtocol.Ftp, {|SYNC0002:@"example.com\backups\x"|}, Repository = typeof(MainRepository), FolderName = "Site1", UserName = "u")]""")]
    [DataRow("""[S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", RootPath = {|SYNC0002:@"sites\hq"|}, Repository = typeof(MainRepository), FolderName = "Site1", AccessKey = "$(K)", SecretKey = "$(S)")]""")]
    public Task WrongPathSeparator(string attribute) => Verify.Analyzer(attribute + "\npublic partial class Offsite;");

    [TestMethod]
    [DataRow("sftp://")]
    [DataRow("ftp://")]
    [DataRow("ftps://")]
    public Task SchemeInServer(string scheme) => Verify.Analyzer($$"""
        [FileTransferSync(FileTransferProtocol.Sftp, {|SYNC0003:"{{scheme}}example.com/home/backups"|}, {{Common}}, UserName = "backup", {{Fingerprint}})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("https://s3.example.com")]
    [DataRow("http://127.0.0.1:9000")]
    [DataRow("HTTPS://minio.local")]
    public Task ProtocolInEndpoint(string endpoint) => Verify.Analyzer($$"""
        [S3Sync(S3Service.Custom, Endpoint = {|SYNC0004:"{{endpoint}}"|}, Bucket = "acme-offsite", Region = "local", {{Common}}, {{Keys}})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("NetworkShareSync", """@"\\nas01\offsite" """, """@"ACME\backup" """, "\"ACME\"")]
    [DataRow("LocalPathSync", """@"E:\Offsite" """, "\"backup@acme.local\"", "\"ACME\"")]
    [DataRow("NetworkShareSync", """@"\\nas01\offsite" """, "\"backup@acme.local\"", "\"OTHER\"")]
    public Task DomainGivenTwice(string attribute, string path, string user, string domain) => Verify.Analyzer($$"""
        [{{attribute}}({{path}}, {{Common}}, UserName = {{user}}, Password = "$(PASSWORD)", Domain = {|SYNC0005:{{domain}}|})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("""[NetworkShareSync(@"\\nas01\offsite", Repository = typeof(MainRepository), FolderName = "Site1", Password = {|SYNC0006:"$(NAS_PASSWORD)"|})]""")]
    [DataRow("""[LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = "Site1", Password = {|SYNC0006:"$(USB_PASSWORD)"|})]""")]
    [DataRow("""[LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = "Site1", UserName = "", Domain = "ACME", Password = {|SYNC0006:"$(USB_PASSWORD)"|})]""")]
    public Task PasswordWithoutUserName(string attribute) => Verify.Analyzer(attribute + "\npublic partial class Offsite;");

    [TestMethod]
    [DataRow("\"Offsite\"")]
    [DataRow("\"E:Offsite\"")]
    [DataRow("""@".\Offsite" """)]
    [DataRow("""@"E:\Off|site" """)]
    public Task InvalidLocalPath(string path) => Verify.Analyzer($$"""
        [LocalPathSync({|SYNC0007:{{path.Trim()}}|}, {{Common}})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("""@"\\nas01\offsite" """)]
    [DataRow("\"//nas01/offsite\"")]
    [DataRow("""@"\\192.168.0.1\backups\x" """)]
    public Task NetworkShareInLocalPath(string path) => Verify.Analyzer($$"""
        [LocalPathSync({|SYNC0008:{{path.Trim()}}|}, {{Common}})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("bad host/backups")]
    [DataRow("example.com:2222/backups")]
    [DataRow("")]
    public Task InvalidServer(string server) => Verify.Analyzer($$"""
        [FileTransferSync(FileTransferProtocol.Ftps, {|SYNC0009:"{{server}}"|}, {{Common}}, UserName = "backup")]
        public partial class Offsite;
        """);

    [TestMethod]
    public Task PortLeftOutIsTheDefault() => Verify.Analyzer($$"""
        [FileTransferSync(FileTransferProtocol.Ftp, "example.com/backups", {{Common}}, UserName = "backup")]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("FileTransferProtocol.Ftp", "HostKeyFingerprint", "\"SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\"")]
    [DataRow("FileTransferProtocol.Ftps", "HostKeyFingerprint", "\"$(HOST_KEY)\"")]
    [DataRow("FileTransferProtocol.Ftp", "PrivateKeyFile", "\"/etc/syncconfig/id_ed25519\"")]
    [DataRow("FileTransferProtocol.Ftps", "PrivateKeyPassphrase", "\"$(KEY_PASSPHRASE)\"")]
    [DataRow("FileTransferProtocol.Ftp", "CertificateFingerprint", "\"$(CERT)\"")]
    public Task ASettingTheProtocolIgnoresIsAWarning(string protocol, string setting, string value) => Verify.Analyzer($$"""
        [FileTransferSync({{protocol}}, "example.com/backups", {{Common}}, UserName = "backup", {{setting}} = {|SYNC0040:{{value}}|})]
        public partial class Offsite;
        """);

    [TestMethod]
    public Task ACertificateFingerprintOnSftpIsAWarning() => Verify.Analyzer($$"""
        [FileTransferSync(FileTransferProtocol.Sftp, "example.com/home/backups", {{Common}}, UserName = "backup",
            HostKeyFingerprint = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", CertificateFingerprint = {|SYNC0040:"$(CERT)"|})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("S3Service.Amazon", "Region = \"eu-west-1\"")]
    [DataRow("S3Service.Wasabi", "Region = \"eu-central-2\"")]
    public Task UseHttpsWithAServiceOfFixedEndpointIsAWarning(string service, string region) => Verify.Analyzer($$"""
        [S3Sync({{service}}, Bucket = "acme-offsite", {{region}}, UseHttps = {|SYNC0040:false|}, {{Common}}, {{Keys}})]
        public partial class Offsite;
        """);

    [TestMethod]
    public Task AnS3CertificateFingerprintOverPlainHttpIsAWarning() => Verify.Analyzer($$"""
        [S3Sync(S3Service.Custom, Endpoint = "minio.local:9000", UseHttps = false, Bucket = "acme-offsite", Region = "local", {{Common}}, {{Keys}},
            CertificateFingerprint = {|SYNC0040:"$(CERT)"|})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("9F86D081")]
    [DataRow("not-a-fingerprint")]
    public Task AnInvalidS3CertificateFingerprint(string fingerprint) => Verify.Analyzer($$"""
        [S3Sync(S3Service.Custom, Endpoint = "minio.local:9000", Bucket = "acme-offsite", Region = "local", {{Common}}, {{Keys}},
            CertificateFingerprint = {|SYNC0031:"{{fingerprint}}"|})]
        public partial class Offsite;
        """);

    [TestMethod]
    public Task SettingsTheirProtocolReadsAreFine() => Verify.Analyzer($$"""
        [FileTransferSync(FileTransferProtocol.Sftp, "example.com/home/backups", {{Common}}, UserName = "backup",
            HostKeyFingerprint = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", PrivateKeyFile = "/etc/syncconfig/id_ed25519", PrivateKeyPassphrase = "$(P)")]
        public partial class SftpOffsite;

        [FileTransferSync(FileTransferProtocol.Ftps, "example.com/backups", Repository = typeof(MainRepository), FolderName = "Site2", UserName = "backup",
            CertificateFingerprint = "$(CERT)")]
        public partial class FtpsOffsite;

        [S3Sync(S3Service.Custom, Endpoint = "minio.local:9000", UseHttps = false, Bucket = "acme-offsite", Region = "local", Repository = typeof(MainRepository), FolderName = "Site3", {{Keys}})]
        public partial class MinioOffsite;

        [S3Sync(S3Service.Custom, Endpoint = "s3.internal.example:9000", Bucket = "acme-offsite", Region = "local", Repository = typeof(MainRepository), FolderName = "Site4", {{Keys}},
            CertificateFingerprint = "9F:86:D0:81:88:4C:7D:65:9A:2F:EA:A0:C5:5A:D0:15:A3:BF:4F:1B:2B:0B:82:2C:D1:5D:6C:15:B0:F0:0A:08")]
        public partial class PinnedOffsite;

        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", Repository = typeof(MainRepository), FolderName = "Site5", {{Keys}},
            CertificateFingerprint = "$(CERT)")]
        public partial class PinnedAmazon;
        """);

    [TestMethod]
    [DataRow("-1")]
    [DataRow("65536")]
    [DataRow("100_000")]
    [DataRow("0")]
    public Task PortOutOfRange(string port) => Verify.Analyzer($$"""
        [FileTransferSync(FileTransferProtocol.Ftp, "example.com/backups", {{Common}}, UserName = "backup", Port = {|SYNC0010:{{port}}|})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("example.com/macrium")]
    [DataRow("example.com")]
    [DataRow("10.0.0.5/")]
    public Task SftpPathRelativeToHome(string server) => Verify.Analyzer($$"""
        [FileTransferSync(FileTransferProtocol.Sftp, {|SYNC0011:"{{server}}"|}, {{Common}}, UserName = "backup", {{Fingerprint}})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("Sftp", ", " + Fingerprint)]
    [DataRow("Ftp", "")]
    [DataRow("Ftps", ", UserName = \"\"")]
    public Task UserNameRequired(string protocol, string more)
    {
        var attribute = more.Contains("UserName", StringComparison.Ordinal)
            ? $$"""[FileTransferSync(FileTransferProtocol.{{protocol}}, "example.com/srv/backups", {{Common}}, UserName = {|SYNC0012:""|})]"""
            : $$"""[{|SYNC0012:FileTransferSync|}(FileTransferProtocol.{{protocol}}, "example.com/srv/backups", {{Common}}{{more}})]""";
        return Verify.Analyzer(attribute + "\npublic partial class Offsite;");
    }

    [TestMethod]
    [DataRow("MD5:aa:bb")]
    [DataRow("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")]
    [DataRow("SHA256:tooShort")]
    public Task InvalidHostKeyFingerprint(string fingerprint) => Verify.Analyzer($$"""
        [FileTransferSync(FileTransferProtocol.Sftp, "example.com/home/backups", {{Common}}, UserName = "backup", HostKeyFingerprint = {|SYNC0013:"{{fingerprint}}"|})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("example.com/home/backups")]
    [DataRow("10.0.0.5/srv/offsite")]
    [DataRow("$(SFTP_SERVER)")]
    public Task MissingHostKeyFingerprint(string server) => Verify.Analyzer($$"""
        [{|SYNC0014:FileTransferSync|}(FileTransferProtocol.Sftp, "{{server}}", {{Common}}, UserName = "backup")]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("Custom", "", "")]
    [DataRow("Amazon", "Endpoint = {|SYNC0015:\"s3.amazonaws.com\"|}, ", "")]
    [DataRow("Custom", "Endpoint = {|SYNC0015:\"s3.example.com/bucket\"|}, ", "")]
    [DataRow("Custom", "Endpoint = {|SYNC0015:\"\"|}, ", "")]
    public Task InvalidEndpoint(string service, string endpoint, string unused)
    {
        var name = endpoint.Length == 0 ? "{|SYNC0015:S3Sync|}" : "S3Sync";
        var region = service == "Amazon" ? "eu-west-1" : "local";
        return Verify.Analyzer($$"""
            [{{name}}(S3Service.{{service}}, {{endpoint}}Bucket = "acme-offsite", Region = "{{region}}", {{Common}}, {{Keys}})]
            public partial class Offsite{{unused}};
            """);
    }

    [TestMethod]
    [DataRow("ab")]
    [DataRow("Acme_Offsite")]
    [DataRow("acme..offsite")]
    [DataRow("192.168.5.4")]
    [DataRow("acme-s3alias")]
    public Task InvalidBucketName(string bucket) => Verify.Analyzer($$"""
        [S3Sync(S3Service.Wasabi, Bucket = {|SYNC0016:"{{bucket}}"|}, Region = "eu-central-2", {{Common}}, {{Keys}})]
        public partial class Offsite;
        """);

    [TestMethod]
    public Task MissingBucketIsReportedOnTheAttribute() => Verify.Analyzer($$"""
        [{|SYNC0016:S3Sync|}(S3Service.Wasabi, Region = "eu-central-2", {{Common}}, {{Keys}})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("Amazon", "eu-central-3")]
    [DataRow("Wasabi", "us-gov-west-1")]
    [DataRow("Backblaze", "us-east-1")]
    [DataRow("Custom", "")]
    public Task UnknownRegion(string service, string region)
    {
        var endpoint = service == "Custom" ? "Endpoint = \"s3.example.com\", " : "";
        return Verify.Analyzer($$"""
            [S3Sync(S3Service.{{service}}, {{endpoint}}Bucket = "acme-offsite", Region = {|SYNC0017:"{{region}}"|}, {{Common}}, {{Keys}})]
            public partial class Offsite;
            """);
    }

    [TestMethod]
    [DataRow("/sites/hq")]
    [DataRow("sites//hq")]
    [DataRow("sites/../hq")]
    public Task InvalidRootPath(string rootPath) => Verify.Analyzer($$"""
        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", RootPath = {|SYNC0018:"{{rootPath}}"|}, {{Common}}, {{Keys}})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("""[{|SYNC0019:S3Sync|}(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", Repository = typeof(MainRepository), FolderName = "Site1", SecretKey = "$(S)")]""")]
    [DataRow("""[{|SYNC0019:S3Sync|}(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", Repository = typeof(MainRepository), FolderName = "Site1", AccessKey = "$(K)")]""")]
    [DataRow("""[S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", Repository = typeof(MainRepository), FolderName = "Site1", AccessKey = {|SYNC0019:""|}, SecretKey = "$(S)")]""")]
    public Task AccessKeyRequired(string attribute) => Verify.Analyzer(attribute + "\npublic partial class Offsite;");

    [TestMethod]
    [DataRow("Site/1")]
    [DataRow("CON")]
    [DataRow("Site1.")]
    [DataRow("")]
    public Task InvalidFolderName(string folderName) => Verify.Analyzer($$"""
        [LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = {|SYNC0020:"{{folderName}}"|})]
        public partial class Offsite;
        """);

    [TestMethod]
    public Task MissingFolderNameIsReportedOnTheAttribute() => Verify.Analyzer("""
        [{|SYNC0020:LocalPathSync|}(@"E:\Offsite", Repository = typeof(MainRepository))]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("$(1ABC)")]
    [DataRow("$(NAS_PASSWORD")]
    [DataRow("${NAS_PASSWORD}")]
    public Task MalformedReference(string reference) => Verify.Analyzer($$"""
        [NetworkShareSync(@"\\nas01\offsite", {{Common}}, UserName = "backup", Password = {|SYNC0028:"{{reference}}"|})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("NetworkShareSync(@\"\\\\nas01\\offsite\", ", "UserName = \"backup\", Password = {|SYNC0029:\"hunter2\"|}")]
    [DataRow("FileTransferSync(FileTransferProtocol.Ftp, \"example.com/srv\", ", "UserName = \"backup\", Password = {|SYNC0029:\"hunter2\"|}")]
    [DataRow("S3Sync(S3Service.Amazon, Bucket = \"acme-offsite\", Region = \"eu-west-1\", ", "AccessKey = {|SYNC0029:\"AKIAIOSFODNN7EXAMPLE\"|}, SecretKey = {|SYNC0029:\"wJalrXUtnFEMI\"|}")]
    public Task LiteralSecret(string start, string credentials) => Verify.Analyzer($$"""
        [{{start}}{{Common}}, {{credentials}})]
        public partial class Offsite;
        """);

    [TestMethod]
    public Task ReferencesSkipValueRulesAtBuildTime() => Verify.Analyzer($$"""
        [NetworkShareSync("$(NAS_PATH)", Repository = typeof(MainRepository), FolderName = "$(FOLDER)", UserName = "$(USER)", Password = "$(PASSWORD)")]
        public partial class NasOffsite;

        [S3Sync(S3Service.Custom, Endpoint = "$(S3_ENDPOINT)", Bucket = "$(BUCKET)", Region = "$(REGION)", RootPath = "$(ROOT)", {{Common}}, {{Keys}})]
        public partial class S3Offsite;

        [FileTransferSync(FileTransferProtocol.Sftp, "$(SFTP_HOST)/home/backup", {{Common}}, UserName = "backup", HostKeyFingerprint = "$(SFTP_KEY)")]
        public partial class SftpOffsite;
        """);

    [TestMethod]
    public Task MalformedReferenceInCustomName() => Verify.Analyzer($$"""
        [LocalPathSync(@"E:\Offsite", {{Common}}, CustomName = {|SYNC0028:"USB $(SITE"|})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("9F86D081")]
    [DataRow("A94A8FE5CCB19BA61C4C0873D391E987982FBBD3")]
    [DataRow("not a fingerprint")]
    public Task InvalidCertificateFingerprint(string fingerprint) => Verify.Analyzer($$"""
        [FileTransferSync(FileTransferProtocol.Ftps, "ftp.example.com/offsite", {{Common}}, UserName = "backup", CertificateFingerprint = {|SYNC0031:"{{fingerprint}}"|})]
        public partial class Offsite;
        """);
}
