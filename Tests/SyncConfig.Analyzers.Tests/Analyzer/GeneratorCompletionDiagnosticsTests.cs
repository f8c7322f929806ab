using Microsoft.CodeAnalysis.Testing;
using SyncConfig.Analyzers.Diagnostics;
using SyncConfig.Analyzers.Tests.Infrastructure;

namespace SyncConfig.Analyzers.Tests.Analyzer;

/// <summary>
/// Classes the generator would leave out without a word (generic, nested in a type it cannot complete,
/// using the name Registration, a record, a repository from another assembly) are errors, so the build
/// cannot pass while the runtime misses a sync.
/// </summary>
[TestClass]
public sealed class GeneratorCompletionDiagnosticsTests
{
    private const string Sync = """[LocalPathSync(@"E:\Offsite", Repository = typeof(MainRepository), FolderName = "Site1")]""";

    private const string SharedRepositories = """
        namespace Shared;

        [SyncConfig.SyncRepository(@"D:\Backups\Shared")]
        public partial class SharedRepository;

        public class NotARepository;
        """;

    [TestMethod]
    [DataRow(Sync, "public partial class {|SYNC0032:Offsite|}<T>;")]
    [DataRow("""[SyncRepository(@"D:\Other")]""", "public partial class {|SYNC0032:OtherRepository|}<TKey, TValue>;")]
    [DataRow("""[NetworkShareSync(@"\\nas01\offsite", Repository = typeof(MainRepository), FolderName = "Site1")]""", "internal partial class {|SYNC0032:Offsite|}<T> where T : class { }")]
    public Task GenericClassIsAnError(string attribute, string declaration) => Verify.Analyzer(attribute + "\n" + declaration);

    [TestMethod]
    [DataRow($$"""
        public class Outer
        {
            {{Sync}}
            public partial class {|SYNC0033:Offsite|};
        }
        """)]
    [DataRow($$"""
        public partial class Outer<T>
        {
            {{Sync}}
            public partial class {|SYNC0033:Offsite|};
        }
        """)]
    [DataRow($$"""
        public static partial class Offsites
        {
            public struct Site
            {
                {{Sync}}
                public partial class {|SYNC0033:Offsite|};
            }
        }
        """)]
    [DataRow("""
        public record Repositories
        {
            [SyncRepository(@"D:\Other")]
            public partial class {|SYNC0033:OtherRepository|};
        }
        """)]
    public Task NestedInATypeTheGeneratorCannotCompleteIsAnError(string source) => Verify.Analyzer(source);

    [TestMethod]
    [DataRow(Sync, """public partial class {|SYNC0034:Offsite|} { public static int Registration => 1; }""")]
    [DataRow(Sync, """public partial class {|SYNC0034:Offsite|} { public void Registration() { } }""")]
    [DataRow(Sync, """public partial class {|SYNC0034:Offsite|} { public sealed class Registration; }""")]
    [DataRow(Sync, "public partial class {|SYNC0034:Registration|};")]
    [DataRow("""[SyncRepository(@"D:\Other")]""", """public partial class {|SYNC0034:OtherRepository|} { internal static string Registration = ""; }""")]
    public Task OwnRegistrationMemberIsAnError(string attribute, string declaration) => Verify.Analyzer(attribute + "\n" + declaration);

    [TestMethod]
    [DataRow(Sync, "public partial record {|SYNC0036:Offsite|};")]
    [DataRow(Sync, "public partial record {|SYNC0036:Offsite|}(string Note);")]
    [DataRow("""[SyncRepository(@"D:\Other")]""", "public sealed partial record class {|SYNC0036:OtherRepository|};")]
    public Task RecordIsAnError(string attribute, string declaration) => Verify.Analyzer(attribute + "\n" + declaration);

    [TestMethod]
    [DataRow("""[LocalPathSync(@"E:\Offsite", Repository = {|SYNC0035:typeof(Shared.SharedRepository)|}, FolderName = "Site1")]""")]
    [DataRow("""[NetworkShareSync(@"\\nas01\offsite", FolderName = "Site1", Repository = {|SYNC0035:typeof(Shared.SharedRepository)|})]""")]
    [DataRow("""[S3Sync(S3Service.Wasabi, Bucket = "acme-offsite", Region = "eu-central-2", Repository = {|SYNC0035:typeof(Shared.SharedRepository)|}, FolderName = "Site1", AccessKey = "$(K)", SecretKey = "$(S)")]""")]
    public Task RepositoryFromAnotherAssemblyIsAnError(string attribute) =>
        Verify.AnalyzerReferencing("Shared", SharedRepositories, attribute + "\npublic partial class Offsite;");

    [TestMethod]
    public Task ANonRepositoryFromAnotherAssemblyIsStillSync0021() =>
        Verify.AnalyzerReferencing("Shared", SharedRepositories, """
            [LocalPathSync(@"E:\Offsite", Repository = {|SYNC0021:typeof(Shared.NotARepository)|}, FolderName = "Site1")]
            public partial class Offsite;
            """);

    [TestMethod]
    public Task ARepositoryOfThisProjectIsFineNextToAReferencedOne() =>
        Verify.AnalyzerReferencing("Shared", SharedRepositories, Sync + "\npublic partial class Offsite;");

    [TestMethod]
    public async Task OtherAssemblyMessageShowsTheDeclarationToAdd()
    {
        var expected = new DiagnosticResult(SyncDiagnostics.All.Single(d => d.Id == "SYNC0035")).WithLocation(0).WithMessage(
            "Repository 'SharedRepository' is declared in assembly 'Shared', but the generator links a sync only to [SyncRepository] classes of this project, "
            + """so the runtime would not know this sync; declare the repository here, e.g. '[SyncRepository(@"D:\Backups\Shared")] partial class SharedRepository'""");
        await Verify.AnalyzerReferencing("Shared", SharedRepositories, """
            [LocalPathSync(@"E:\Offsite", Repository = {|#0:typeof(Shared.SharedRepository)|}, FolderName = "Site1")]
            public partial class Offsite;
            """, expected);
    }

    [TestMethod]
    [DataRow("public class", "not partial", "write 'partial class Outer'")]
    [DataRow("public struct", "not partial", "write 'partial struct Outer'")]
    [DataRow("public partial class", "generic", "move 'Offsite' out of 'Outer'", "<T>")]
    public async Task NestedMessageNamesTheContainerAndTheFix(string container, string problem, string fix, string typeParameters = "")
    {
        var expected = new DiagnosticResult(SyncDiagnostics.All.Single(d => d.Id == "SYNC0033")).WithLocation(0).WithMessage(
            $"Class 'Offsite' is nested in 'Outer', which is {problem}, so the generator cannot register it and the runtime would not know it; {fix}");
        await Verify.AnalyzerSources(
            [Verify.Definitions($$"""
                {{container}} Outer{{typeParameters}}
                {
                    {{Sync}}
                    public partial class {|#0:Offsite|};
                }
                """)],
            expected);
    }

    [TestMethod]
    [DataRow($$"""
        public static partial class Offsites
        {
            public partial struct Site
            {
                public partial record Group
                {
                    {{Sync}}
                    public partial class Offsite;
                }
            }
        }
        """, DisplayName = "nested in partial, non-generic class, struct and record")]
    [DataRow($$"""
        {{Sync}}
        public sealed partial class Offsite
        {
            public static string RegistrationNote => "USB disk";
            public static void Register() { }
            public static T Echo<T>(T value) => value;
        }
        """, DisplayName = "similar names and a generic method")]
    [DataRow($$"""
        public partial class Registrations
        {
            {{Sync}}
            public partial class Offsite;
        }
        """, DisplayName = "container named like the member")]
    public Task ClassesTheGeneratorCanCompleteAreFine(string source) => Verify.Analyzer(source);

    /// <summary>In a real build the analyzer also sees the generator's own Registration members.</summary>
    [TestMethod]
    public Task GeneratedRegistrationIsNotTheUsers() => Verify.AnalyzerSources(
    [
        Verify.Definitions(Sync + "\npublic partial class Offsite;"),
        """
        // <auto-generated/>
        partial class MainRepository { public static int Registration { get; } = 1; }
        partial class Offsite { public static int Registration { get; } = 2; }
        """,
    ]);
}
