using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SyncConfig.Analyzers.Diagnostics;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.CodeFixes;

/// <summary>
/// Slash direction in UNC, local, server and root paths, a scheme on a server string, a leading slash or
/// empty segment in an S3 root path, a window time written as 9:00 or 2200: the rule has computed the
/// corrected value, and the fix writes it in place of the literal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceWithSuggestionCodeFix)), Shared]
public sealed class ReplaceWithSuggestionCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleCatalog.WrongPathSeparator.Id, RuleCatalog.SchemeInServer.Id, RuleCatalog.InvalidRootPath.Id, RuleCatalog.InvalidWindowTime.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (root == null || !StringLiterals.IsStringLiteral(node)
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion) || suggestion == null)
            {
                continue;
            }

            var literal = (ExpressionSyntax)node!;
            var title = "Write '" + suggestion + "'";
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, StringLiterals.Replacing(literal, suggestion)))), diagnostic.Id),
                diagnostic);
        }
    }
}
