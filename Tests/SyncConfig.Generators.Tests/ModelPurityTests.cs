using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SyncConfig.Generators.Tests.Infrastructure;

namespace SyncConfig.Generators.Tests;

/// <summary>
/// Models hold plain values only: a model that kept a symbol, syntax node or compilation would
/// never compare equal across runs (no caching) and would keep whole compilations alive in the IDE.
/// </summary>
[TestClass]
public sealed class ModelPurityTests
{
    private static readonly Type[] Forbidden =
        [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location), typeof(AttributeData)];

    [TestMethod]
    public void NoTrackedStepOutputHoldsACompilationSymbolOrSyntaxNode()
    {
        var compilation = GeneratorHarness.Compilation(Examples.Repository, Examples.Syncs);
        var first = GeneratorHarness.Driver().RunGenerators(compilation);
        var second = first.RunGenerators(compilation.AddSyntaxTrees(GeneratorHarness.Tree("class Other { }", "Other.cs")));

        var checkedValues = 0;
        foreach (var result in new[] { first.GetRunResult().Results.Single(), second.GetRunResult().Results.Single() })
        {
            foreach (var step in TrackingNames.All)
            {
                foreach (var output in result.TrackedSteps[step].SelectMany(run => run.Outputs))
                {
                    AssertPure(output.Value, step + " output", new HashSet<object>(ReferenceEqualityComparer.Instance));
                    checkedValues++;
                }
            }
        }

        Assert.IsGreaterThan(10, checkedValues);
    }

    [TestMethod]
    public void TheWalkerFindsASymbolHiddenInAModel()
    {
        var compilation = GeneratorHarness.Compilation(Examples.Repository);
        var leaky = new { Name = "x", Inner = new object[] { compilation.GetTypeByMetadataName("Acme.Definitions.MainRepository")! } };

        Assert.ThrowsExactly<AssertFailedException>(() => AssertPure(leaky, "leaky", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    private static void AssertPure(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.IsFalse(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
        if (value is IEnumerable items and not string)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertPure(item, $"{path}[{i++}]", visited);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertPure(field.GetValue(value), path + "." + field.Name, visited);
            }
        }
    }
}
