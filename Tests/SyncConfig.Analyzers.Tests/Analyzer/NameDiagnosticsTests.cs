using Microsoft.CodeAnalysis.Testing;
using SyncConfig.Analyzers.Diagnostics;
using SyncConfig.Analyzers.Tests.Infrastructure;

namespace SyncConfig.Analyzers.Tests.Analyzer;

/// <summary>Names a user calls a sync by: class names and custom names must each mean one sync.</summary>
[TestClass]
public sealed class NameDiagnosticsTests
{
    [TestMethod]
    public Task EqualClassNamesInDifferentNamespacesAreBothErrors() => Verify.AnalyzerSources(
    [
        Verify.Definitions("""
            namespace Head
            {
                [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "Head")]
                public partial class {|SYNC0037:UsbOffsite|};
            }
            """),
        """
        using SyncConfig;

        namespace Branch;

        [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "Branch")]
        public partial class {|SYNC0037:UsbOffsite|};
        """,
    ]);

    [TestMethod]
    public Task ClassNamesDifferingOnlyInCaseAreErrors() => Verify.Analyzer("""
        [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "One")]
        public partial class {|SYNC0037:UsbOffsite|};

        [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "Two")]
        public partial class {|SYNC0037:USBOffsite|};
        """);

    [TestMethod]
    public async Task EqualClassNameMessageNamesBothNamespacesAndARename()
    {
        var expected = new DiagnosticResult(SyncDiagnostics.All.Single(d => d.Id == "SYNC0037")).WithLocation(0)
            .WithMessage("Sync 'Branch.UsbOffsite' has the same class name as 'Head.UsbOffsite' (compared ignoring case); " +
                "the command line and the status and lock files know a sync by its class name, so rename one, e.g. 'BranchUsbOffsite'");
        await Verify.AnalyzerSources(
            [Verify.Definitions("""
                namespace Head
                {
                    [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "Head")]
                    public partial class {|SYNC0037:UsbOffsite|};
                }

                namespace Branch
                {
                    [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "Branch")]
                    public partial class {|#0:UsbOffsite|};
                }
                """)],
            expected);
    }

    [TestMethod]
    public Task NestedClassesWithOneNameAreErrors() => Verify.Analyzer("""
        public partial class Head
        {
            [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "Head")]
            public partial class {|SYNC0037:UsbOffsite|};
        }

        public partial class Branch
        {
            [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "Branch")]
            public partial class {|SYNC0037:UsbOffsite|};
        }
        """);

    [TestMethod]
    [DataRow("Nightly copy", "nightly COPY")]
    [DataRow("Offsite", "Offsite")]
    [DataRow("$(SITE)", "$(SITE)")]
    public Task EqualCustomNamesIgnoringCaseAreBothErrors(string first, string second) => Verify.Analyzer($$"""
        [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "One", CustomName = {|SYNC0038:"{{first}}"|})]
        public partial class UsbOffsite;

        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", Repository = typeof(MainRepository), FolderName = "Two",
            AccessKey = "$(K)", SecretKey = "$(S)", CustomName = {|SYNC0038:"{{second}}"|})]
        public partial class S3Offsite;
        """);

    [TestMethod]
    [DataRow("UsbOffsite")]
    [DataRow("usboffsite")]
    public Task CustomNameEqualToAnotherSyncsClassNameIsAnError(string customName) => Verify.Analyzer($$"""
        [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "One")]
        public partial class UsbOffsite;

        [LocalPathSync("/mnt/nas/offsite", Repository = typeof(MainRepository), FolderName = "Two", CustomName = {|SYNC0039:"{{customName}}"|})]
        public partial class NasOffsite;
        """);

    [TestMethod]
    public async Task CustomNameMessageNamesTheOtherSync()
    {
        var expected = new DiagnosticResult(SyncDiagnostics.All.Single(d => d.Id == "SYNC0039")).WithLocation(0)
            .WithMessage("CustomName 'UsbOffsite' of NasOffsite is the class name of another sync, UsbOffsite (compared ignoring case), " +
                "so a command given that name could mean either; choose another CustomName, e.g. 'UsbOffsite (NasOffsite)'");
        await Verify.AnalyzerSources(
            [Verify.Definitions("""
                [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "One")]
                public partial class UsbOffsite;

                [LocalPathSync("/mnt/nas/offsite", Repository = typeof(MainRepository), FolderName = "Two", CustomName = {|#0:"UsbOffsite"|})]
                public partial class NasOffsite;
                """)],
            expected);
    }

    [TestMethod]
    public Task DistinctNamesAndACustomNameEqualToItsOwnClassAreFine() => Verify.Analyzer("""
        [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "One", CustomName = "usboffsite")]
        public partial class UsbOffsite;

        [LocalPathSync("/mnt/nas/offsite", Repository = typeof(MainRepository), FolderName = "Two", CustomName = "Nightly copy")]
        public partial class NasOffsite;

        [LocalPathSync("/mnt/tape/offsite", Repository = typeof(MainRepository), FolderName = "Three")]
        public partial class TapeOffsite;
        """);

    [TestMethod]
    public Task RepositoriesAreNotSyncNames() => Verify.Analyzer("""
        [LocalPathSync("/mnt/usb/offsite", Repository = typeof(MainRepository), FolderName = "One", CustomName = "MainRepository")]
        public partial class UsbOffsite;
        """);
}
