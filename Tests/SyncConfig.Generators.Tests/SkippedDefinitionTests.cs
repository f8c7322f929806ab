using Microsoft.CodeAnalysis;
using SyncConfig.Catalog;
using SyncConfig.Generators.Tests.Infrastructure;

namespace SyncConfig.Generators.Tests;

/// <summary>
/// What the generator cannot register it skips, silently (the analyzers report it), and what it does
/// emit still compiles: one bad definition never buries the user under follow-on compiler errors.
/// </summary>
[TestClass]
public sealed class SkippedDefinitionTests
{
    private const string Good = """

        [LocalPathSync("/mnt/usb", Repository = typeof(MainRepository), FolderName = "Good")]
        public partial class GoodSync;
        """;

    private static LoadedCatalog LoadWith(string definition)
    {
        var run = GeneratorHarness.Run(Examples.Repository + Good + "\n" + definition);
        Assert.IsEmpty(run.Errors, string.Join("\n", run.Errors));
        return new LoadedCatalog(run.Output);
    }

    [TestMethod]
    [DataRow("""
        [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "A")]
        public class NotPartial;
        """, DisplayName = "class not partial")]
    [DataRow("""
        public class NotARepository;
        [LocalPathSync("/mnt/a", Repository = typeof(NotARepository), FolderName = "A")]
        public partial class Orphan;
        """, DisplayName = "Repository is not a [SyncRepository] class")]
    [DataRow("""
        [LocalPathSync("/mnt/a", FolderName = "A")]
        public partial class NoRepository;
        """, DisplayName = "no Repository")]
    [DataRow("""
        [LocalPathSync("/mnt/a", Repository = typeof(MainRepository))]
        public partial class NoFolder;
        """, DisplayName = "no FolderName")]
    [DataRow("""
        [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "A")]
        [NetworkShareSync(@"\\nas\share", Repository = typeof(MainRepository), FolderName = "A")]
        public partial class TwoDestinations;
        """, DisplayName = "two destination attributes")]
    [DataRow("""
        [S3Sync(S3Service.Amazon, Region = "eu-west-1", Repository = typeof(MainRepository), FolderName = "A", AccessKey = "$(K)", SecretKey = "$(S)")]
        public partial class NoBucket;
        """, DisplayName = "S3 without bucket")]
    [DataRow("""
        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", Repository = typeof(MainRepository), FolderName = "A", AccessKey = "$(K)")]
        public partial class NoSecretKey;
        """, DisplayName = "S3 without secret key")]
    [DataRow("""
        [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "A")]
        [SyncWindow("10pm", "05:00")]
        public partial class BadWindow;
        """, DisplayName = "window time not HH:mm")]
    [DataRow("""
        [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "A")]
        public partial class Generic<T>;
        """, DisplayName = "generic class")]
    [DataRow("""
        public class Outer
        {
            [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "A")]
            public partial class Inner;
        }
        """, DisplayName = "nested in a class that is not partial")]
    [DataRow("""
        [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "A")]
        public partial class OwnRegistration { public static int Registration => 1; }
        """, DisplayName = "class declares Registration itself")]
    [DataRow("""
        [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "A")]
        public partial class Registration;
        """, DisplayName = "class named Registration")]
    [DataRow("""
        public partial class Outer<T>
        {
            [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "A")]
            public partial class Inner;
        }
        """, DisplayName = "nested in a generic partial class")]
    [DataRow("""
        [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "A")]
        public partial record RecordSync;
        """, DisplayName = "a record")]
    public void ADefinitionTheGeneratorCannotRegisterIsLeftOut(string definition)
    {
        using var catalog = LoadWith(definition);

        CollectionAssert.AreEqual(new[] { "GoodSync" }, catalog.Registrations.Select(r => r.Name).ToArray());
    }

    /// <summary>The other project's generator registered its repository there; this one links only its own (SYNC0035).</summary>
    [TestMethod]
    public void ADefinitionWhoseRepositoryIsInAnotherAssemblyIsLeftOut()
    {
        var shared = GeneratorHarness.Run("""
            namespace Shared;

            [SyncConfig.SyncRepository("/srv/shared")]
            public partial class SharedRepository;
            """).Output.WithAssemblyName("Shared");
        using var image = new MemoryStream();
        Assert.IsTrue(shared.Emit(image).Success);

        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(Examples.Repository + Good + """

            [LocalPathSync("/mnt/a", Repository = typeof(Shared.SharedRepository), FolderName = "A")]
            public partial class Elsewhere;
            """).AddReferences(MetadataReference.CreateFromImage(image.ToArray())));

        Assert.IsEmpty(run.Errors, string.Join("\n", run.Errors));
        Assert.IsFalse(run.GeneratedSources.Keys.Any(name => name.Contains("Elsewhere", StringComparison.Ordinal)));
        Assert.DoesNotContain("Elsewhere", run.AllGeneratedText);
        StringAssert.Contains(run.AllGeneratedText, "GoodSync");
    }

    [TestMethod]
    public void ADefinitionNestedInPartialTypesIsRegistered()
    {
        using var catalog = LoadWith("""
            public static partial class Site
            {
                public partial record struct Hq
                {
                    [LocalPathSync("/mnt/hq", Repository = typeof(MainRepository), FolderName = "Hq")]
                    public partial class HqUsb;
                }
            }
            """);

        CollectionAssert.AreEqual(new[] { "GoodSync", "HqUsb" }, catalog.Registrations.Select(r => r.Name).ToArray());
        Assert.AreEqual("/mnt/hq", ((LocalPathSettings)catalog.Registration("HqUsb").Destination).Path);
    }

    [TestMethod]
    public void ADefinitionInTheGlobalNamespaceWithACustomNameIsRegistered()
    {
        var run = GeneratorHarness.Run("""
            using SyncConfig;

            [SyncRepository("/srv/backups")]
            public partial class GlobalRepository;

            [LocalPathSync("/mnt/usb", Repository = typeof(GlobalRepository), FolderName = "Usb", CustomName = "USB disk in the safe")]
            public partial class GlobalUsb;
            """);
        Assert.IsEmpty(run.Errors, string.Join("\n", run.Errors));
        using var catalog = new LoadedCatalog(run.Output);

        var usb = catalog.Registration("GlobalUsb");
        Assert.AreEqual("USB disk in the safe", usb.CustomName);
        Assert.AreEqual("USB disk in the safe", usb.DisplayName);
        Assert.AreEqual("/srv/backups", usb.Repository.Path);
        Assert.AreEqual("/", catalog.Member("GlobalUsb", "PathRoot"));
    }

    [TestMethod]
    public void ATypedMemberYieldsToTheClassNameAndTheUsersOwnMembers()
    {
        using var catalog = LoadWith("""
            [NetworkShareSync(@"\\nas01\offsite\site", Repository = typeof(MainRepository), FolderName = "A")]
            public partial class Share { public static string Server => "mine"; }
            """);

        Assert.AreEqual(@"\\nas01\offsite\site", ((NetworkShareSettings)catalog.Registration("Share").Destination).Path);
        Assert.AreEqual("mine", catalog.Member("Acme.Definitions.Share", "Server"));
        CollectionAssert.AreEqual(new[] { "site" }, ((IReadOnlyList<string>)catalog.Member("Acme.Definitions.Share", "Folders")!).ToArray());
    }

    [TestMethod]
    public void ValuesWithReferencesAreRegisteredAsTextWithoutTypedMembers()
    {
        using var catalog = LoadWith("""
            [FileTransferSync(FileTransferProtocol.Ftp, "$(FTP_HOST)/backups", Repository = typeof(MainRepository), FolderName = "A", UserName = "u", Password = "$(P)")]
            public partial class FtpByReference;

            [S3Sync(S3Service.Backblaze, Bucket = "$(BUCKET)", Region = "us-west-004", RootPath = "$(ROOT)", Repository = typeof(MainRepository), FolderName = "B", AccessKey = "$(K)", SecretKey = "$(S)")]
            public partial class B2ByReference;
            """);

        Assert.AreEqual("$(FTP_HOST)/backups", ((FileTransferSettings)catalog.Registration("FtpByReference").Destination).Server);
        Assert.AreEqual(21, catalog.Member("Acme.Definitions.FtpByReference", "Port"));
        Assert.IsFalse(catalog.HasMember("Acme.Definitions.FtpByReference", "Host"));
        Assert.IsFalse(catalog.HasMember("Acme.Definitions.FtpByReference", "PathSegments"));

        Assert.AreEqual("$(BUCKET)", ((S3Settings)catalog.Registration("B2ByReference").Destination).Bucket);
        Assert.IsFalse(catalog.HasMember("Acme.Definitions.B2ByReference", "Bucket"));
        Assert.IsFalse(catalog.HasMember("Acme.Definitions.B2ByReference", "RootPathSegments"));
        Assert.AreEqual("us-west-004", catalog.Member("Acme.Definitions.B2ByReference", "Region"));
        Assert.AreEqual("https://s3.us-west-004.backblazeb2.com", catalog.Member("Acme.Definitions.B2ByReference", "Endpoint"));
    }

    [TestMethod]
    public void NoDefinitionsStillGiveAnEmptyCatalog()
    {
        var run = GeneratorHarness.Run("namespace Empty; public class Nothing { }");
        Assert.IsEmpty(run.Errors, string.Join("\n", run.Errors));

        using var catalog = new LoadedCatalog(run.Output);
        Assert.IsEmpty(catalog.Registrations);
        Assert.IsEmpty(catalog.Repositories);
    }

    [TestMethod]
    public void AProjectWithoutTheAttributeLibraryGetsNoCatalog()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CompilationWithoutAbstractions("namespace Empty; public class Nothing { }"));

        Assert.IsEmpty(run.GeneratedSources);
        Assert.IsEmpty(run.Errors, string.Join("\n", run.Errors));
    }
}
