using SyncConfig.Analyzers.CodeFixes;
using SyncConfig.Analyzers.Tests.Infrastructure;

namespace SyncConfig.Analyzers.Tests.CodeFixes;

/// <summary>Each mechanical fix, before and after; the fixed code must be free of diagnostics.</summary>
[TestClass]
public sealed class CodeFixTests
{
    private const string Common = """Repository = typeof(MainRepository), FolderName = "Site1" """;

    [TestMethod]
    [DataRow("""NetworkShareSync({|SYNC0002:"//nas01/offsite/macrium"|}""", """NetworkShareSync(@"\\nas01\offsite\macrium" """)]
    [DataRow("""NetworkShareSync({|SYNC0002:@"\\nas01/offsite"|}""", """NetworkShareSync(@"\\nas01\offsite" """)]
    [DataRow("""LocalPathSync({|SYNC0002:"E:/Offsite/usb"|}""", """LocalPathSync(@"E:\Offsite\usb" """)]
    [DataRow("""FileTransferSync(FileTransferProtocol.Ftp, {|SYNC0002:@"example.com\srv\backups"|}""", """FileTransferSync(FileTransferProtocol.Ftp, "example.com/srv/backups" """)]
    public Task SlashDirection(string before, string after) => Verify.CodeFix<ReplaceWithSuggestionCodeFix>(
        Definition(before), Definition(after.TrimEnd()));

    [TestMethod]
    public Task SlashDirectionInS3RootPath() => Verify.CodeFix<ReplaceWithSuggestionCodeFix>(
        $$"""
        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", RootPath = {|SYNC0002:@"sites\hq\"|}, {{Common}}, AccessKey = "$(K)", SecretKey = "$(S)")]
        public partial class Offsite;
        """,
        $$"""
        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", RootPath = "sites/hq/", {{Common}}, AccessKey = "$(K)", SecretKey = "$(S)")]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("sftp://", "Sftp")]
    [DataRow("ftp://", "Ftp")]
    [DataRow("ftps://", "Ftps")]
    public Task SchemeOnServer(string scheme, string protocol) => Verify.CodeFix<ReplaceWithSuggestionCodeFix>(
        $$"""
        [FileTransferSync(FileTransferProtocol.{{protocol}}, {|SYNC0003:"{{scheme}}example.com/home/backups"|}, {{Common}}, UserName = "backup"{{Fingerprint(protocol)}})]
        public partial class Offsite;
        """,
        $$"""
        [FileTransferSync(FileTransferProtocol.{{protocol}}, "example.com/home/backups", {{Common}}, UserName = "backup"{{Fingerprint(protocol)}})]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("""Endpoint = {|SYNC0004:"https://s3.example.com"|}, Bucket""", """Endpoint = "s3.example.com", Bucket""")]
    [DataRow("""Endpoint = {|SYNC0004:"http://127.0.0.1:9000"|}, Bucket""", """Endpoint = "127.0.0.1:9000", UseHttps = false, Bucket""")]
    [DataRow("""Endpoint = {|SYNC0004:"https://minio.local"|}, UseHttps = false, Bucket""", """Endpoint = "minio.local", UseHttps = true, Bucket""")]
    [DataRow("""UseHttps = true, Endpoint = {|SYNC0004:"http://minio.local"|}, Bucket""", """UseHttps = false, Endpoint = "minio.local", Bucket""")]
    public Task ProtocolOnEndpointMovesIntoUseHttps(string before, string after) => Verify.CodeFix<EndpointProtocolCodeFix>(
        S3(before), S3(after));

    [TestMethod]
    [DataRow("""UserName = @"ACME\backup", Password = "$(P)", Domain = {|SYNC0005:"ACME"|})]""", """UserName = @"ACME\backup", Password = "$(P)")]""")]
    [DataRow("""UserName = "backup@acme.local", Domain = {|SYNC0005:"ACME"|}, Password = "$(P)")]""", """UserName = "backup@acme.local", Password = "$(P)")]""")]
    [DataRow("""Domain = {|SYNC0005:"OTHER"|}, UserName = @"ACME\backup")]""", """UserName = @"ACME\backup")]""")]
    public Task DomainGivenTwiceIsRemoved(string before, string after) => Verify.CodeFix<DomainGivenTwiceCodeFix>(
        $$"""
        [NetworkShareSync(@"\\nas01\offsite", {{Common}}, {{before}}
        public partial class Offsite;
        """,
        $$"""
        [NetworkShareSync(@"\\nas01\offsite", {{Common}}, {{after}}
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("/sites/hq", "sites/hq")]
    [DataRow("sites//hq/", "sites/hq")]
    [DataRow("sites/../hq", "sites/hq")]
    public Task S3RootPath(string before, string after) => Verify.CodeFix<ReplaceWithSuggestionCodeFix>(
        $$"""
        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", RootPath = {|SYNC0018:"{{before}}"|}, {{Common}}, AccessKey = "$(K)", SecretKey = "$(S)")]
        public partial class Offsite;
        """,
        $$"""
        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", RootPath = "{{after}}", {{Common}}, AccessKey = "$(K)", SecretKey = "$(S)")]
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("9:00", "09:00")]
    [DataRow("2200", "22:00")]
    [DataRow("21.30", "21:30")]
    public Task WindowTime(string before, string after) => Verify.CodeFix<ReplaceWithSuggestionCodeFix>(
        $$"""
        [LocalPathSync(@"E:\Offsite", {{Common}})]
        [SyncWindow({|SYNC0025:"{{before}}"|}, "05:00")]
        public partial class Offsite;
        """,
        $$"""
        [LocalPathSync(@"E:\Offsite", {{Common}})]
        [SyncWindow("{{after}}", "05:00")]
        public partial class Offsite;
        """);

    private static string Definition(string start) => $$"""
        [{{start}}, {{Common}}, UserName = "backup")]
        public partial class Offsite;
        """;

    private static string S3(string endpoint) => $$"""
        [S3Sync(S3Service.Custom, {{endpoint}} = "acme-offsite", Region = "local", {{Common}}, AccessKey = "$(K)", SecretKey = "$(S)")]
        public partial class Offsite;
        """;

    private static string Fingerprint(string protocol) =>
        protocol == "Sftp" ? """, HostKeyFingerprint = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU" """.TrimEnd() : "";
}
