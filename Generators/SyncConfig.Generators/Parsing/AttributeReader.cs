using System.Linq;
using Microsoft.CodeAnalysis;

namespace SyncConfig.Generators.Parsing;

/// <summary>Reads attribute arguments as plain values, never keeping a symbol.</summary>
internal static class AttributeReader
{
    public static bool Is(this AttributeData attribute, string metadataName) =>
        attribute.AttributeClass is { } type && MetadataName(type) == metadataName;

    public static AttributeData? Find(this ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.Is(metadataName));

    public static bool Has(this ISymbol symbol, string metadataName) => symbol.Find(metadataName) is not null;

    public static string? StringArgument(this AttributeData attribute, int position) =>
        Argument(attribute, position) as string;

    public static string? Named(this AttributeData attribute, string name) => NamedValue(attribute, name) as string;

    public static T NamedOr<T>(this AttributeData attribute, string name, T fallback) =>
        NamedValue(attribute, name) is T value ? value : fallback;

    public static ITypeSymbol? NamedType(this AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value is { Kind: TypedConstantKind.Type, Value: ITypeSymbol type }
            ? type
            : null;

    private static object? Argument(AttributeData attribute, int position) =>
        attribute.ConstructorArguments.Length > position && attribute.ConstructorArguments[position].Kind != TypedConstantKind.Error
            ? attribute.ConstructorArguments[position].Value
            : null;

    private static object? NamedValue(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + type.MetadataName
            : type.MetadataName;
}
