using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.CodeFixes;

/// <summary>Removes <c>Domain = …</c> when the user name already carries the domain (the seed's wizard disables the field then).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DomainGivenTwiceCodeFix)), Shared]
public sealed class DomainGivenTwiceCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.DomainGivenTwice.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (root == null || node?.Parent is not AttributeArgumentSyntax argument || argument.NameEquals?.Name.Identifier.ValueText != Setting.Domain
                || argument.Parent is not AttributeArgumentListSyntax list)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove Domain (the user name names it)",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, list.WithArguments(list.Arguments.Remove(argument))))),
                    diagnostic.Id),
                diagnostic);
        }
    }
}
