using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace SyncConfig.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs the analyzer (and a code fix) over definitions written with the real attribute library. Expected
/// diagnostics are marked inline: <c>{|SYNC0001:@"\\nas"|}</c> puts SYNC0001 exactly on that literal.
/// </summary>
internal static class Verify
{
    /// <summary>The repository every test definition points at.</summary>
    public const string Repository = """
        [SyncRepository(@"D:\Backups\Main")]
        public partial class MainRepository;
        """;

    // The default reference packs would be downloaded at test time; the machine is offline.
    private static readonly ReferenceAssemblies References = new ReferenceAssemblies("net10.0").WithAssemblies([]);

    private static readonly MetadataReference[] Libraries =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(SyncRepositoryAttribute).Assembly.Location),
    ];

    /// <summary>Wraps class declarations in a file with the usings and the repository.</summary>
    public static string Definitions(string body) => "using SyncConfig;\n\n" + Repository + "\n\n" + body + "\n";

    public static Task Analyzer(string body) => AnalyzerSources([Definitions(body)]);

    /// <summary>Code as it is mid-edit: the compiler's own errors are not what is under test.</summary>
    public static async Task AnalyzerOnBrokenCode(string body)
    {
        var test = new CSharpAnalyzerTest<SyncDefinitionAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = References,
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = Definitions(body),
        };
        test.TestState.AdditionalReferences.AddRange(Libraries);
        await test.RunAsync();
    }

    public static async Task AnalyzerSources(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<SyncDefinitionAnalyzer, DefaultVerifier> { ReferenceAssemblies = References };
        test.TestState.AdditionalReferences.AddRange(Libraries);
        test.ExpectedDiagnostics.AddRange(expected);
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        await test.RunAsync();
    }

    /// <summary>Definitions in a project that references another, already compiled assembly built from <paramref name="referencedSource"/>.</summary>
    public static async Task AnalyzerReferencing(string assemblyName, string referencedSource, string body, params DiagnosticResult[] expected)
    {
        var referenced = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(referencedSource)],
            Libraries,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = referenced.Emit(image);
        Assert.IsTrue(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var test = new CSharpAnalyzerTest<SyncDefinitionAnalyzer, DefaultVerifier> { ReferenceAssemblies = References, TestCode = Definitions(body) };
        test.TestState.AdditionalReferences.AddRange(Libraries);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static async Task CodeFix<TFix>(string body, string fixedBody)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<SyncDefinitionAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = References,
            TestCode = Definitions(body),
            FixedCode = Definitions(fixedBody),
        };
        test.TestState.AdditionalReferences.AddRange(Libraries);
        test.FixedState.AdditionalReferences.AddRange(Libraries);
        await test.RunAsync();
    }
}
