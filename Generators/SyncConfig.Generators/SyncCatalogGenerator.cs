using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SyncConfig.Generators.Emitting;
using SyncConfig.Generators.Models;
using SyncConfig.Generators.Parsing;
using SyncConfig.Rules;

namespace SyncConfig.Generators;

/// <summary>
/// Completes every <c>[SyncRepository]</c> and sync definition class with its typed registration,
/// and emits <c>SyncConfig.Generated.SyncCatalog</c>, the one list the runtime loads.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SyncCatalogGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var repositories = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.SyncRepository, IsClass, DefinitionParser.ParseRepository)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Repositories);

        // One pipeline per destination kind, so editing one kind's definitions leaves the others cached.
        var syncs = DestinationKinds.All.Select(kind => Definitions(context, kind.AttributeName, TrackingNames.Syncs(kind))).ToList();

        context.RegisterSourceOutput(repositories, static (output, model) =>
            output.AddSource(RegistrationEmitter.HintName(model.Class), RegistrationEmitter.EmitRepository(model)));
        foreach (var definitions in syncs)
        {
            context.RegisterSourceOutput(definitions, static (output, model) =>
                output.AddSource(RegistrationEmitter.HintName(model.Class), RegistrationEmitter.EmitDefinition(model)));
        }

        // The catalog needs names only, so editing a definition's values leaves it untouched.
        var syncNames = syncs
            .Select(Names)
            .Aggregate((all, next) => all.Combine(next).Select(static (pair, _) => pair.Left.AddRange(pair.Right)))
            .Select(static (classes, _) => classes.ToEquatableArray())
            .WithTrackingName(TrackingNames.CatalogSyncs);
        var repositoryNames = repositories
            .Select(static (model, _) => model.Class)
            .Collect()
            .Select(static (classes, _) => classes.ToEquatableArray())
            .WithTrackingName(TrackingNames.CatalogRepositories);

        // Without the catalog types (a project that references the generator but not the
        // attribute library) the catalog would not compile; a bool keeps this step cheap to cache.
        var catalogTypesAvailable = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(CatalogEmitter.RegistrationMetadataName) is not null)
            .WithTrackingName(TrackingNames.CatalogTypesAvailable);

        context.RegisterSourceOutput(
            syncNames.Combine(repositoryNames).Combine(catalogTypesAvailable),
            static (output, input) =>
            {
                if (input.Right)
                {
                    output.AddSource(CatalogEmitter.HintName, CatalogEmitter.Emit(input.Left.Left, input.Left.Right));
                }
            });
    }

    private static IncrementalValuesProvider<DefinitionModel> Definitions(
        IncrementalGeneratorInitializationContext context, string attributeName, string trackingName) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(attributeName, IsClass, DefinitionParser.ParseDefinition)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(trackingName);

    private static IncrementalValueProvider<ImmutableArray<ClassModel>> Names(IncrementalValuesProvider<DefinitionModel> definitions) =>
        definitions.Select(static (model, _) => model.Class).Collect();

    private static bool IsClass(SyntaxNode node, System.Threading.CancellationToken _) => node is ClassDeclarationSyntax;
}
