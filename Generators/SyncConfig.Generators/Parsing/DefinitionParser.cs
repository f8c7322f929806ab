using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SyncConfig.Generators.Models;
using SyncConfig.Roslyn;
using SyncConfig.Rules;

namespace SyncConfig.Generators.Parsing;

/// <summary>
/// Turns an attributed class into a value-equal model, or null when it cannot be registered.
/// Reports nothing: every reason for a null is an analyzer diagnostic already.
/// </summary>
internal static class DefinitionParser
{
    public static RepositoryModel? ParseRepository(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol symbol
            || context.Attributes[0].StringArgument(0) is not { } path
            || ClassReader.Describe(symbol, cancellationToken) is not { } @class)
        {
            return null;
        }

        return new RepositoryModel(@class, path);
    }

    public static DefinitionModel? ParseDefinition(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol symbol || HasSeveralDestinations(symbol))
        {
            return null;
        }

        var attribute = context.Attributes[0];
        if (attribute.Named(Setting.FolderName) is not { } folderName
            || RepositoryOf(attribute, cancellationToken) is not { } repository
            || DestinationParser.Parse(attribute) is not { } destination
            || !TryParseWindow(symbol, out var window)
            || ClassReader.Describe(symbol, cancellationToken) is not { } @class)
        {
            return null;
        }

        return new DefinitionModel(
            @class,
            repository,
            folderName,
            attribute.Named(Setting.CustomName),
            destination,
            window,
            symbol.Has(AttributeNames.AllowBackupsDuringSync),
            symbol.Has(AttributeNames.PerFolderUpload));
    }

    private static bool HasSeveralDestinations(INamedTypeSymbol symbol) =>
        symbol.GetAttributes().Count(attribute => DestinationAttribute.KindOf(attribute) is not null) > 1;

    /// <summary>The repository's fully qualified name, when it is a class the generator completes too.</summary>
    private static string? RepositoryOf(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.NamedType(Setting.Repository) is INamedTypeSymbol repository
        && repository.Find(AttributeNames.SyncRepository)?.StringArgument(0) is not null
        && ClassReader.Describe(repository, cancellationToken) is { } @class
            ? @class.FullyQualifiedName
            : null;

    /// <summary>No window attribute is a valid "all day, every day" (null); a window that does not parse is not.</summary>
    private static bool TryParseWindow(INamedTypeSymbol symbol, out WindowModel? window)
    {
        window = null;
        if (symbol.Find(AttributeNames.SyncWindow) is not { } attribute)
        {
            return true;
        }

        if (!SyncWindowTime.TryParse(attribute.StringArgument(0), out var start)
            || !SyncWindowTime.TryParse(attribute.StringArgument(1), out var end))
        {
            return false;
        }

        window = new WindowModel(start, end, attribute.NamedOr(Setting.Days, (int)SyncDays.Every));
        return true;
    }
}
