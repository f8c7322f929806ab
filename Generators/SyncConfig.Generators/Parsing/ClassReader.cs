using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SyncConfig.Generators.Models;

namespace SyncConfig.Generators.Parsing;

/// <summary>Decides whether a class can be completed by generated code, and where it lives.</summary>
internal static class ClassReader
{
    /// <summary>
    /// Null when the class cannot be completed: declared in metadata, not partial, generic, nested in a
    /// type that is not partial, or already using a name the generator must add (<paramref name="requiredMembers"/>).
    /// The analyzers report those; the generator only skips them.
    /// </summary>
    public static ClassModel? Describe(INamedTypeSymbol symbol, CancellationToken cancellationToken, params string[] requiredMembers)
    {
        if (symbol.TypeKind != TypeKind.Class
            || requiredMembers.Any(name => name == symbol.Name || symbol.MemberNames.Contains(name))
            || symbol.DeclaringSyntaxReferences.IsEmpty
            || symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration
            || !IsPartialAndNotGeneric(declaration))
        {
            return null;
        }

        var containingTypes = new List<string>();
        for (var parent = declaration.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
        {
            if (!IsPartialAndNotGeneric(parent))
            {
                return null;
            }

            containingTypes.Insert(0, Header(parent));
        }

        return new ClassModel(
            symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            containingTypes.ToEquatableArray(),
            symbol.Name,
            symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            new[] { symbol.Name }.Concat(symbol.MemberNames).Distinct().OrderBy(name => name, System.StringComparer.Ordinal).ToEquatableArray());
    }

    private static bool IsPartialAndNotGeneric(TypeDeclarationSyntax declaration) =>
        declaration.Modifiers.Any(SyntaxKind.PartialKeyword) && declaration.TypeParameterList is null;

    // Accessibility, static and sealed may be left to the user's part; a partial part may omit them.
    private static string Header(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "partial record struct " + record.Identifier.ValueText,
        RecordDeclarationSyntax record => "partial record " + record.Identifier.ValueText,
        _ => "partial " + declaration.Keyword.ValueText + " " + declaration.Identifier.ValueText,
    };
}
