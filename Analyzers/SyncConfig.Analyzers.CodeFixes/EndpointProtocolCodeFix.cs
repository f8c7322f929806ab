using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SyncConfig.Analyzers.Diagnostics;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.CodeFixes;

/// <summary>Moves a leading <c>https://</c> or <c>http://</c> out of an S3 endpoint into the <c>UseHttps</c> setting.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EndpointProtocolCodeFix)), Shared]
public sealed class EndpointProtocolCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.ProtocolInEndpoint.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (root == null || !StringLiterals.IsStringLiteral(node)
                || node!.Parent is not AttributeArgumentSyntax argument || argument.Parent is not AttributeArgumentListSyntax list
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var endpoint) || endpoint == null)
            {
                continue;
            }

            var useHttps = ((LiteralExpressionSyntax)node).Token.ValueText.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Write '" + endpoint + "' with UseHttps = " + (useHttps ? "true" : "false"),
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, Fixed(list, argument, endpoint, useHttps)))),
                    diagnostic.Id),
                diagnostic);
        }
    }

    private static AttributeArgumentListSyntax Fixed(AttributeArgumentListSyntax list, AttributeArgumentSyntax endpointArgument, string endpoint, bool useHttps)
    {
        var fixedList = list.ReplaceNode(endpointArgument.Expression, StringLiterals.Replacing(endpointArgument.Expression, endpoint));
        var value = SyntaxFactory.LiteralExpression(useHttps ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
        var existing = fixedList.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == Setting.UseHttps);
        if (existing != null)
        {
            return fixedList.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression));
        }

        // HTTPS is the default: only plain HTTP needs saying.
        if (useHttps)
        {
            return fixedList;
        }

        var index = fixedList.Arguments.IndexOf(a => a.NameEquals?.Name.Identifier.ValueText == Setting.Endpoint);
        var added = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(Setting.UseHttps)), null, value);
        return fixedList.WithArguments(fixedList.Arguments.Insert(index + 1, added));
    }
}
