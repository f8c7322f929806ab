using SyncConfig.Analyzers.Tests.Infrastructure;

namespace SyncConfig.Analyzers.Tests.Analyzer;

[TestClass]
public sealed class ExamplesTests
{
    /// <summary>The shipped examples (one definition of every kind, as the definition language describes them) build without a diagnostic.</summary>
    [TestMethod]
    public Task ShippedExamplesAreClean() =>
        Verify.AnalyzerSources([File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples.cs"))]);

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
