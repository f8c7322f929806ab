using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Diagnostics;

/// <summary>The Roslyn face of <see cref="RuleCatalog"/>: one descriptor per rule, same ID, title and message.</summary>
public static class SyncDiagnostics
{
    public const string Category = "SyncConfig";

    // Before ById: Describe reads it while ById is built.
    private static readonly HashSet<string> CompilationEnd = new HashSet<string>
    {
        RuleCatalog.DuplicateTarget.Id, RuleCatalog.DuplicateSyncName.Id, RuleCatalog.DuplicateCustomName.Id, RuleCatalog.CustomNameIsAnotherClassName.Id,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ById =
        RuleCatalog.All.ToDictionary(rule => rule.Id, Describe);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ById.Values.OrderBy(d => d.Id).ToImmutableArray();

    internal static DiagnosticDescriptor Of(RuleDescriptor rule) => ById[rule.Id];

    internal static Diagnostic Create(RuleViolation violation, Location location)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (violation.Suggestion != null)
        {
            properties = properties.Add(DiagnosticProperties.Suggestion, violation.Suggestion);
        }

        return Diagnostic.Create(Of(violation.Rule), location, properties, violation.Arguments.Cast<object>().ToArray());
    }

    private static DiagnosticDescriptor Describe(RuleDescriptor rule)
    {
        // The duplicate-target and name rules compare definitions across the compilation, so they are only known at its end.
        var tags = CompilationEnd.Contains(rule.Id) ? new[] { WellKnownDiagnosticTags.CompilationEnd } : new string[0];
        return new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            rule.MessageFormat,
            Category,
            rule.Severity == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: rule.HelpLink,
            customTags: tags);
    }
}

/// <summary>Keys of <see cref="Diagnostic.Properties"/> the code fixes read.</summary>
public static class DiagnosticProperties
{
    /// <summary>The corrected value of the literal the diagnostic sits on.</summary>
    public const string Suggestion = "Suggestion";
}
