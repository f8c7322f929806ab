using SyncConfig.Generators.Tests.Infrastructure;

namespace SyncConfig.Generators.Tests;

/// <summary>The same definitions give the same generated text, whatever the order of files and classes.</summary>
[TestClass]
public sealed class DeterminismTests
{
    [TestMethod]
    public void FileAndDeclarationOrderDoNotChangeTheOutput()
    {
        var faker = new DefinitionFaker(5);
        var definitions = Enumerable.Range(0, 25).Select(_ => faker.Next().Source).ToList();
        var files = definitions.Chunk(5).Select(chunk => "using SyncConfig;\nnamespace Acme.Definitions;\n" + string.Concat(chunk)).Prepend(Examples.Repository).ToArray();
        var shuffled = new Bogus.Randomizer(9).Shuffle(definitions).ToList();
        var reordered = shuffled.Chunk(7).Select(chunk => "using SyncConfig;\nnamespace Acme.Definitions;\n" + string.Concat(chunk)).Append(Examples.Repository).Reverse().ToArray();
        CollectionAssert.AreNotEqual(definitions, shuffled);

        var first = GeneratorHarness.Run(files).GeneratedSources;
        var second = GeneratorHarness.Run(reordered).GeneratedSources;

        CollectionAssert.AreEquivalent(first.Keys.ToArray(), second.Keys.ToArray());
        foreach (var (hintName, text) in first)
        {
            Assert.AreEqual(text, second[hintName], hintName);
        }
    }

    [TestMethod]
    public void CatalogOrderIsOrdinalByName()
    {
        var run = GeneratorHarness.Run(Examples.Repository + """

            [LocalPathSync("/mnt/b", Repository = typeof(MainRepository), FolderName = "b")] public partial class beta;
            [LocalPathSync("/mnt/a", Repository = typeof(MainRepository), FolderName = "a")] public partial class alpha;
            [LocalPathSync("/mnt/c", Repository = typeof(MainRepository), FolderName = "c")] public partial class Gamma;
            [LocalPathSync("/mnt/d", Repository = typeof(MainRepository), FolderName = "d")] public partial class Alpha;
            """);
        Assert.IsEmpty(run.Errors, string.Join("\n", run.Errors));
        using var catalog = new LoadedCatalog(run.Output);

        CollectionAssert.AreEqual(new[] { "Alpha", "Gamma", "alpha", "beta" }, catalog.Registrations.Select(r => r.Name).ToArray());
    }
}
