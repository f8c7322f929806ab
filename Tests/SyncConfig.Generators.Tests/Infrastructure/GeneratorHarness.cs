using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SyncConfig.Generators.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does, over an in-memory Definitions compilation.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly MetadataReference[] References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(SyncRepositoryAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Compilation(params string[] sources) => Compilation(sources, References);

    /// <summary>A compilation without the attribute library: what a project that only picked up the generator sees.</summary>
    public static CSharpCompilation CompilationWithoutAbstractions(params string[] sources) => Compilation(sources, [.. Net100.References.All]);

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new SyncCatalogGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(Compilation(sources));

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    public static SyntaxTree Tree(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    private static CSharpCompilation Compilation(string[] sources, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Definitions",
            sources.Select((source, i) => Tree(source, $"Definition{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
}

/// <summary>One generator run: the driver (for incremental re-runs), the compilation with the generated sources, and their text.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, IReadOnlyList<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public IReadOnlyDictionary<string, string> GeneratedSources =>
        Result.Results.Single().GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString());

    public string AllGeneratedText => string.Join("\n", GeneratedSources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));

    /// <summary>
    /// Anything the generator reported (it reports nothing by design; a crash shows up as warning CS8785)
    /// and the errors of the compilation after generation. The definitions' own warnings are allowed.
    /// </summary>
    public IReadOnlyList<Diagnostic> Errors =>
        [.. GeneratorDiagnostics.Concat(Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))];

    /// <summary>Every diagnostic, warnings included, located in generated code: a user must never see one.</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsInGeneratedCode =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && Result.GeneratedTrees.Contains(tree))];
}
