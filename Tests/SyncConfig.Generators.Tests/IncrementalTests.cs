using Microsoft.CodeAnalysis;
using SyncConfig.Generators.Tests.Infrastructure;

namespace SyncConfig.Generators.Tests;

/// <summary>The pipeline caches: an edit that changes no definition re-emits nothing.</summary>
[TestClass]
public sealed class IncrementalTests
{
    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    private static GeneratorRunResult Rerun(Func<Compilation, Compilation> edit)
    {
        var compilation = GeneratorHarness.Compilation(Examples.Repository, Examples.Syncs);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        return driver.RunGenerators(edit(compilation)).GetRunResult().Results.Single();
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason);

    private static void AssertEveryStepReused(GeneratorRunResult result)
    {
        foreach (var step in TrackingNames.All)
        {
            Assert.IsTrue(result.TrackedSteps.ContainsKey(step), $"step {step} did not run at all");
            var reasons = Reasons(result, step).ToList();
            Assert.IsTrue(reasons.All(Reused.Contains), $"step {step} re-ran: {string.Join(", ", reasons)}");
        }

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(run => run.Outputs).Select(o => o.Reason).ToList();
        Assert.IsNotEmpty(outputs);
        Assert.IsTrue(outputs.All(reason => reason == IncrementalStepRunReason.Cached), "a source was re-emitted: " + string.Join(", ", outputs));
    }

    [TestMethod]
    public void AddingAnUnrelatedTypeLeavesEveryStepCached()
    {
        var result = Rerun(c => c.AddSyntaxTrees(GeneratorHarness.Tree("namespace Acme; public class Unrelated { public int Value => 42; }", "Unrelated.cs")));

        AssertEveryStepReused(result);
    }

    [TestMethod]
    public void EditingACommentInTheDefinitionsFileLeavesEveryStepCached()
    {
        var result = Rerun(c =>
        {
            var tree = c.SyntaxTrees.Single(t => t.ToString().Contains("NasOffsite", StringComparison.Ordinal));
            return c.ReplaceSyntaxTree(tree, GeneratorHarness.Tree("// reviewed by ops\n" + tree, tree.FilePath));
        });

        AssertEveryStepReused(result);
    }

    [TestMethod]
    public void ChangingOnePathRerunsThatDefinitionOnlyAndKeepsTheCatalog()
    {
        var result = Rerun(c =>
        {
            var tree = c.SyntaxTrees.Single(t => t.ToString().Contains("NasOffsite", StringComparison.Ordinal));
            return c.ReplaceSyntaxTree(tree, GeneratorHarness.Tree(tree.ToString().Replace(@"\\nas01\offsite\macrium", @"\\nas02\offsite\macrium", StringComparison.Ordinal), tree.FilePath));
        });

        var shares = Reasons(result, TrackingNames.NetworkShareSyncs).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, shares);
        Assert.IsTrue(Reasons(result, TrackingNames.S3Syncs).All(Reused.Contains));
        Assert.IsTrue(Reasons(result, TrackingNames.CatalogSyncs).All(Reused.Contains), "the catalog holds names only");
        var sources = result.GeneratedSources.Single(s => s.HintName.StartsWith("Acme.Definitions.NasOffsite.", StringComparison.Ordinal)).SourceText.ToString();
        StringAssert.Contains(sources, "\"nas02\"");
    }

    [TestMethod]
    public void AddingADefinitionChangesTheCatalog()
    {
        var result = Rerun(c => c.AddSyntaxTrees(GeneratorHarness.Tree("""
            using SyncConfig;
            namespace Acme.Definitions;
            [LocalPathSync("/mnt/usb", Repository = typeof(MainRepository), FolderName = "Second")]
            public partial class SecondUsb;
            """, "Second.cs")));

        Assert.Contains(IncrementalStepRunReason.New, Reasons(result, TrackingNames.LocalPathSyncs).ToList());
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.CatalogSyncs).ToList());
        StringAssert.Contains(result.GeneratedSources.Single(s => s.HintName.Contains("SyncCatalog", StringComparison.Ordinal)).SourceText.ToString(), "SecondUsb.Registration");
    }
}
