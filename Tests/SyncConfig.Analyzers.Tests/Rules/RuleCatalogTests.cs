using Microsoft.CodeAnalysis;
using SyncConfig.Analyzers.Tests.Infrastructure;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Rules;

/// <summary>The catalog, the analyzer's descriptors and the help pages say the same thing about every ID.</summary>
[TestClass]
public sealed class RuleCatalogTests
{
    [TestMethod]
    public void IdsAreUniqueAndNumberedWithoutGaps()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(1, ids.Count).Select(n => $"SYNC{n:0000}").ToList(), ids);
    }

    [TestMethod]
    public void AnalyzerDescribesEveryRuleAsTheCatalogDoes()
    {
        var descriptors = new SyncDefinitionAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);
        Assert.HasCount(RuleCatalog.All.Count, descriptors);
        foreach (var rule in RuleCatalog.All)
        {
            var descriptor = descriptors[rule.Id];
            Assert.AreEqual(rule.Title, descriptor.Title.ToString());
            Assert.AreEqual(rule.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.AreEqual(rule.Severity == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.AreEqual("docs/diagnostics/" + rule.Id + ".md", descriptor.HelpLinkUri);
        }
    }

    [TestMethod]
    public void EveryRuleHasAHelpPageAndARowInTheDefinitionsGuide()
    {
        var docs = Path.Combine(Repository.Root(), "docs");
        var guide = File.ReadAllText(Path.Combine(docs, "definitions.md"));
        foreach (var rule in RuleCatalog.All)
        {
            var page = File.ReadAllText(Path.Combine(docs, "diagnostics", rule.Id + ".md"));
            Assert.StartsWith("# " + rule.Id + ": " + rule.Title + "\n", page);
            StringAssert.Contains(page, "**Severity:** " + rule.Severity);
            foreach (var section in new[] { "## What", "## Why", "## How to fix", "## How to suppress", "dotnet_diagnostic." + rule.Id + ".severity", "<NoWarn>", "#pragma warning disable " + rule.Id })
            {
                StringAssert.Contains(page, section, rule.Id);
            }

            StringAssert.Contains(guide, $"| [{rule.Id}](diagnostics/{rule.Id}.md) | {rule.Severity} | {rule.Title} |");
        }
    }
}
