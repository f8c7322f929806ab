using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SyncConfig.Analyzers.Diagnostics;
using SyncConfig.Analyzers.Tests.Infrastructure;

namespace SyncConfig.Analyzers.Tests.Analyzer;

/// <summary>Rules about the definition as a whole: its repository, window, class shape and uniqueness of its target.</summary>
[TestClass]
public sealed class DefinitionDiagnosticsTests
{
    [TestMethod]
    [DataRow("""[LocalPathSync(@"E:\Offsite", Repository = {|SYNC0021:typeof(string)|}, FolderName = "Site1")]""")]
    [DataRow("""[LocalPathSync(@"E:\Offsite", Repository = {|SYNC0021:typeof(NotARepository)|}, FolderName = "Site1")]""")]
    [DataRow("""[{|SYNC0021:LocalPathSync|}(@"E:\Offsite", FolderName = "Site1")]""")]
    [DataRow("""[LocalPathSync(@"E:\Offsite", Repository = {|SYNC0021:null|}, FolderName = "Site1")]""")]
    public Task RepositoryMustBeASyncRepositoryClass(string attribute) =>
        Verify.Analyzer(attribute + "\npublic partial class Offsite;\n\npublic class NotARepository;");

    [TestMethod]
    [DataRow("""@"\\nas01\offsite" """, """@"\\NAS01\Offsite\" """)]
    [DataRow("""@"\\nas01\offsite\x" """, """@"\\nas01\\offsite\\x\\" """)]
    [DataRow("\"$(NAS_PATH)\"", "\"$(NAS_PATH)\"")]
    public Task TwoSyncsIntoTheSameFolderAreBothErrors(string first, string second) => Verify.Analyzer($$"""
        [NetworkShareSync({{first}}, Repository = typeof(MainRepository), FolderName = {|SYNC0022:"Site1"|})]
        public partial class FirstOffsite;

        [NetworkShareSync({{second}}, Repository = typeof(MainRepository), FolderName = {|SYNC0022:"site1"|})]
        public partial class SecondOffsite;
        """);

    [TestMethod]
    public Task DuplicatesAreFoundAcrossFilesAndKinds() => Verify.AnalyzerSources(
    [
        Verify.Definitions("""
            [FileTransferSync(FileTransferProtocol.Sftp, "example.com/home/backups", Repository = typeof(MainRepository), FolderName = {|SYNC0022:"Site1"|},
                UserName = "backup", HostKeyFingerprint = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")]
            public partial class SftpOffsite;
            """),
        """
        using SyncConfig;

        [FileTransferSync(FileTransferProtocol.Ftps, "EXAMPLE.com/home//backups/", Repository = typeof(MainRepository), FolderName = {|SYNC0022:"Site1"|}, UserName = "backup")]
        public partial class FtpsOffsite;
        """,
    ]);

    [TestMethod]
    public Task SameTargetWithDifferentFolderNamesIsFine() => Verify.Analyzer("""
        [S3Sync(S3Service.Wasabi, Bucket = "acme-offsite", Region = "eu-central-2", RootPath = "sites", Repository = typeof(MainRepository), FolderName = "Site1", AccessKey = "$(K)", SecretKey = "$(S)")]
        public partial class FirstOffsite;

        [S3Sync(S3Service.Wasabi, Bucket = "acme-offsite", Region = "eu-central-2", RootPath = "sites", Repository = typeof(MainRepository), FolderName = "Site2", AccessKey = "$(K)", SecretKey = "$(S)")]
        public partial class SecondOffsite;

        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-central-2", RootPath = "sites", Repository = typeof(MainRepository), FolderName = "Site1", AccessKey = "$(K)", SecretKey = "$(S)")]
        public partial class ThirdOffsite;
        """);

    [TestMethod]
    public async Task DuplicateMessageNamesTheOtherDefinitionAndTheTarget()
    {
        var first = new DiagnosticResult(SyncDiagnostics.All.Single(d => d.Id == "SYNC0022")).WithLocation(0)
            .WithMessage(@"FirstOffsite and SecondOffsite both write into 'local:E:\Offsite' with folder name 'Site1'; give one of them another FolderName, e.g. 'Site1-FirstOffsite'");
        await Verify.AnalyzerSources(
            [Verify.Definitions("""
                [LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = {|#0:"Site1"|})]
                public partial class FirstOffsite;

                [LocalPathSync(@"e:\offsite\", Repository = typeof(MainRepository), FolderName = {|SYNC0022:"Site1"|})]
                public partial class SecondOffsite;
                """)],
            first);
    }

    [TestMethod]
    [DataRow("""[{|SYNC0023:S3Sync|}(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", Repository = typeof(MainRepository), FolderName = "Site2", AccessKey = "$(K)", SecretKey = "$(S)")]""")]
    [DataRow("""[{|SYNC0023:NetworkShareSync|}(@"\\nas01\offsite", Repository = typeof(MainRepository), FolderName = "Site2")]""")]
    [DataRow("""[{|SYNC0023:FileTransferSync|}(FileTransferProtocol.Ftp, "example.com/srv", Repository = typeof(MainRepository), FolderName = "Site2", UserName = "u")]""")]
    public Task OneDestinationPerClass(string second) => Verify.Analyzer($$"""
        [LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = "Site1")]
        {{second}}
        public partial class Offsite;
        """);

    [TestMethod]
    [DataRow("""[LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = "Site1")]""", "public class {|SYNC0024:Offsite|};")]
    [DataRow("""[SyncRepository(@"D:\Other")]""", "public sealed class {|SYNC0024:Offsite|} { }")]
    [DataRow("""[NetworkShareSync(@"\\nas01\offsite", Repository = typeof(MainRepository), FolderName = "Site1")]""", "internal class {|SYNC0024:Offsite|} { }")]
    public Task DefinitionMustBePartial(string attribute, string declaration) => Verify.Analyzer(attribute + "\n" + declaration);

    [TestMethod]
    [DataRow("""[SyncWindow({|SYNC0025:"9:00"|}, "05:00")]""")]
    [DataRow("""[SyncWindow("22:00", {|SYNC0025:"24:00"|})]""")]
    [DataRow("""[SyncWindow({|SYNC0025:"22h"|}, "05:00", Days = SyncDays.Weekdays)]""")]
    [DataRow("""[SyncWindow(end: {|SYNC0025:"5"|}, start: "22:00")]""")]
    public Task InvalidWindowTime(string window) => WithWindow(window);

    [TestMethod]
    [DataRow("""[SyncWindow("22:00", {|SYNC0026:"22:00"|})]""")]
    [DataRow("""[SyncWindow("00:00", {|SYNC0026:"00:00"|}, Days = SyncDays.Monday)]""")]
    [DataRow("""[SyncWindow("05:30", {|SYNC0026:"05:30"|})]""")]
    public Task WindowStartEqualsEnd(string window) => WithWindow(window);

    [TestMethod]
    [DataRow("""[SyncWindow("22:00", "05:00", Days = {|SYNC0027:SyncDays.None|})]""")]
    [DataRow("""[SyncWindow("22:00", "05:00", Days = {|SYNC0027:0|})]""")]
    [DataRow("""[SyncWindow("22:00", "05:00", Days = {|SYNC0027:(SyncDays)128|})]""")]
    public Task WindowWithoutDays(string window) => WithWindow(window);

    [TestMethod]
    [DataRow("""[SyncWindow("22:00", "05:00", Days = SyncDays.Weekdays)]""")]
    [DataRow("""[SyncWindow("08:00", "17:30", Days = SyncDays.Saturday | SyncDays.Sunday)]""")]
    [DataRow("""[SyncWindow("23:59", "00:00")]""")]
    public Task ValidWindows(string window) => WithWindow(window);

    [TestMethod]
    [DataRow("{|SYNC0030:\"Backups\"|}")]
    [DataRow("{|SYNC0030:\"\"|}")]
    [DataRow("{|SYNC0030:\"D:Backups\"|}")]
    [DataRow("{|SYNC0030:@\".\\Backups\"|}")]
    [DataRow("{|SYNC0002:\"D:/Backups/Other\"|}")]
    [DataRow("{|SYNC0028:\"$(OTHER REPO)\"|}")]
    public Task InvalidRepositoryPath(string path) => Verify.Analyzer($$"""
        [SyncRepository({{path}})]
        public partial class OtherRepository;
        """);

    [TestMethod]
    public Task OtherClassesAndAttributesAreIgnored() => Verify.Analyzer("""
        [System.Obsolete("x")]
        public class Unrelated { public string Path = "relative"; }
        """);

    private static Task WithWindow(string window) => Verify.Analyzer($$"""
        [LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = "Site1")]
        {{window}}
        public partial class Offsite;
        """);

    [TestMethod]
    public async Task RepositoryMessageNamesARepositoryOfTheCompilation()
    {
        var expected = new DiagnosticResult(SyncDiagnostics.All.Single(d => d.Id == "SYNC0021")).WithLocation(0)
            .WithMessage("Repository 'NotARepository' is not a class marked [SyncRepository]; write Repository = typeof(MainRepository)");
        await Verify.AnalyzerSources(
            [Verify.Definitions("""
                [LocalPathSync(@"E:\Offsite", Repository = {|#0:typeof(NotARepository)|}, FolderName = "Site1")]
                public partial class Offsite;

                public class NotARepository;
                """)],
            expected);
    }

    [TestMethod]
    public Task PragmaSuppressesAWarning() => Verify.Analyzer("""
        #pragma warning disable SYNC0029
        [NetworkShareSync(@"\\nas01\offsite", Repository = typeof(MainRepository), FolderName = "Site1", UserName = "backup", Password = "hunter2")]
        public partial class Offsite;
        #pragma warning restore SYNC0029
        """);
}
