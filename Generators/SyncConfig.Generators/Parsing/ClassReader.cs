using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SyncConfig.Generators.Models;
using SyncConfig.Roslyn;

namespace SyncConfig.Generators.Parsing;

/// <summary>Where a class the generator completes lives, so the emitter can reopen it.</summary>
internal static class ClassReader
{
    /// <summary>
    /// Null when the class cannot be completed (<see cref="RegistrationTarget"/> says why: the analyzers
    /// report it, the generator only skips the class) or is declared in metadata.
    /// </summary>
    public static ClassModel? Describe(INamedTypeSymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol.DeclaringSyntaxReferences.IsEmpty
            || symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration
            || RegistrationTarget.Problems(symbol, cancellationToken).Any())
        {
            return null;
        }

        return new ClassModel(
            symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            declaration.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().Select(Header).ToEquatableArray(),
            symbol.Name,
            symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            new[] { symbol.Name }.Concat(symbol.MemberNames).Distinct().OrderBy(name => name, System.StringComparer.Ordinal).ToEquatableArray());
    }

    // Accessibility, static and sealed may be left to the user's part; a partial part may omit them.
    private static string Header(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "partial record struct " + record.Identifier.ValueText,
        RecordDeclarationSyntax record => "partial record " + record.Identifier.ValueText,
        _ => "partial " + declaration.Keyword.ValueText + " " + declaration.Identifier.ValueText,
    };
}
