using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SyncConfig.Analyzers.CodeFixes;

internal static class StringLiterals
{
    /// <summary>
    /// A literal for <paramref name="value"/> that keeps the trivia of the one it replaces; verbatim when
    /// the value holds backslashes, as paths on Windows are written.
    /// </summary>
    public static LiteralExpressionSyntax Replacing(ExpressionSyntax original, string value)
    {
        var token = value.IndexOf('\\') >= 0
            ? SyntaxFactory.Literal(default, "@\"" + value.Replace("\"", "\"\"") + "\"", value, default)
            : SyntaxFactory.Literal(value);
        return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, token).WithTriviaFrom(original);
    }

    public static bool IsStringLiteral(SyntaxNode? node) =>
        node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression);
}
