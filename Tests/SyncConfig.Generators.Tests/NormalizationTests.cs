using System.Collections;
using SyncConfig.Generators.Tests.Infrastructure;

namespace SyncConfig.Generators.Tests;

/// <summary>Random valid definitions of every kind come out registered with their normalized, typed values.</summary>
[TestClass]
public sealed class NormalizationTests
{
    [TestMethod]
    [DataRow(11)]
    [DataRow(23)]
    [DataRow(37)]
    public void EveryGeneratedDefinitionExposesItsNormalizedValues(int seed)
    {
        var faker = new DefinitionFaker(seed);
        var definitions = Enumerable.Range(0, 40).Select(_ => faker.Next()).ToList();
        var source = Examples.Repository + string.Concat(definitions.Select(d => d.Source));

        var run = GeneratorHarness.Run(source);
        Assert.IsEmpty(run.Errors, string.Join("\n", run.Errors));
        Assert.IsEmpty(run.DiagnosticsInGeneratedCode, string.Join("\n", run.DiagnosticsInGeneratedCode));
        using var catalog = new LoadedCatalog(run.Output);

        Assert.HasCount(definitions.Count, catalog.Registrations);
        foreach (var definition in definitions)
        {
            var type = "Acme.Definitions." + definition.Name;
            Assert.AreEqual(definition.Name, catalog.Registration(definition.Name).FolderName);
            foreach (var (member, expected) in definition.Expected)
            {
                var actual = catalog.Member(type, member);
                if (expected is IEnumerable segments and not string)
                {
                    CollectionAssert.AreEqual(segments.Cast<object>().ToArray(), ((IEnumerable)actual!).Cast<object>().ToArray(), $"{definition.Name}.{member}\n{definition.Source}");
                }
                else
                {
                    Assert.AreEqual(expected, actual, $"{definition.Name}.{member}\n{definition.Source}");
                }
            }
        }
    }
}
