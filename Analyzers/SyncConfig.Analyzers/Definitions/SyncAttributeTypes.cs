using Microsoft.CodeAnalysis;

namespace SyncConfig.Analyzers.Definitions;

/// <summary>The definition language's attribute types in one compilation; null where the compilation lacks them.</summary>
internal sealed class SyncAttributeTypes
{
    private SyncAttributeTypes(Compilation compilation)
    {
        Repository = compilation.GetTypeByMetadataName("SyncConfig.SyncRepositoryAttribute");
        Destination = compilation.GetTypeByMetadataName("SyncConfig.SyncDestinationAttribute");
        Window = compilation.GetTypeByMetadataName("SyncConfig.SyncWindowAttribute");
    }

    public INamedTypeSymbol? Repository { get; }
    public INamedTypeSymbol? Destination { get; }
    public INamedTypeSymbol? Window { get; }

    public static SyncAttributeTypes? From(Compilation compilation)
    {
        var types = new SyncAttributeTypes(compilation);
        return types.Repository == null || types.Destination == null ? null : types;
    }

    public bool IsDestination(INamedTypeSymbol? attribute)
    {
        for (var type = attribute?.BaseType; type != null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, Destination))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsRepository(ITypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, Repository))
            {
                return true;
            }
        }

        return false;
    }
}
