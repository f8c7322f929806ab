using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SyncConfig.Analyzers.Definitions;
using SyncConfig.Analyzers.Diagnostics;
using SyncConfig.Roslyn;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers;

/// <summary>
/// Checks every sync definition against the shared rules and puts each diagnostic on the argument that
/// breaks the rule. Works per class (a symbol action); only the duplicate-target and name rules wait for
/// the whole compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SyncDefinitionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SyncDiagnostics.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = SyncAttributeTypes.From(start.Compilation);
            if (types == null)
            {
                return;
            }

            var targets = new ConcurrentBag<Target>();
            var names = new ConcurrentBag<NamedSync>();
            start.RegisterSymbolAction(symbol => AnalyzeClass(symbol, types, targets, names), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                ReportDuplicateTargets(end, targets);
                ReportNameConflicts(end, names);
            });
        });
    }

    private static void AnalyzeClass(
        SymbolAnalysisContext context, SyncAttributeTypes types, ConcurrentBag<Target> targets, ConcurrentBag<NamedSync> names)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var cancellationToken = context.CancellationToken;
        var attributes = type.GetAttributes();
        var destinations = attributes.Where(a => types.IsDestination(a.AttributeClass)).ToList();
        var repository = attributes.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.Repository));
        if (destinations.Count == 0 && repository == null)
        {
            return;
        }

        var nameLocation = type.Locations.FirstOrDefault() ?? Location.None;
        foreach (var violation in RegistrationTarget.Problems(type, cancellationToken))
        {
            context.ReportDiagnostic(SyncDiagnostics.Create(violation, nameLocation));
        }

        if (repository != null)
        {
            var arguments = new AttributeArguments(repository, nameLocation, cancellationToken);
            if (arguments.IsComplete)
            {
                Report(context, arguments, RepositoryPath.Check(arguments.String(Setting.Path), DefinitionStage.AsWritten), nameLocation);
            }
        }

        for (var i = 1; i < destinations.Count; i++)
        {
            var second = new AttributeArguments(destinations[i], nameLocation, cancellationToken);
            context.ReportDiagnostic(SyncDiagnostics.Create(RuleCatalog.SeveralDestinations.Violation(
                Setting.Definition, null, type.Name, ShortName(destinations[0]), ShortName(destinations[i])), second.AttributeLocation));
        }

        if (destinations.Count > 0)
        {
            var first = new AttributeArguments(destinations[0], nameLocation, cancellationToken);
            names.Add(new NamedSync(
                type.Name, type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), first.String(Setting.CustomName), nameLocation, first.LocationOf(Setting.CustomName)));
            AnalyzeDestination(context, types, new AttributeArguments(destinations[0], nameLocation, cancellationToken), type, targets);
        }

        var window = attributes.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.Window));
        if (window != null)
        {
            var arguments = new AttributeArguments(window, nameLocation, cancellationToken);
            if (arguments.IsComplete)
            {
                var violations = SyncWindowTime.CheckWindow(arguments.String(Setting.Start), arguments.String(Setting.End), arguments.Int(Setting.Days, (int)SyncDays.Every));
                Report(context, arguments, violations, nameLocation);
            }
        }
    }

    private static void AnalyzeDestination(
        SymbolAnalysisContext context, SyncAttributeTypes types, AttributeArguments arguments, INamedTypeSymbol type, ConcurrentBag<Target> targets)
    {
        if (!arguments.IsComplete)
        {
            return;
        }

        var repositoryType = arguments.Type(Setting.Repository);
        // An unknown type is the compiler's error (CS0246) already.
        if (!types.IsRepository(repositoryType) && repositoryType?.TypeKind != TypeKind.Error)
        {
            var problem = repositoryType == null ? "is not set" : "'" + repositoryType.Name + "' is not a class marked [SyncRepository]";
            var violation = RuleCatalog.InvalidRepository.Violation(Setting.Repository, null, problem, SomeRepository(context.Compilation, types, context.CancellationToken));
            context.ReportDiagnostic(SyncDiagnostics.Create(violation, arguments.LocationOf(Setting.Repository)));
        }
        else if (types.IsRepository(repositoryType) && !SymbolEqualityComparer.Default.Equals(repositoryType!.ContainingAssembly, context.Compilation.Assembly))
        {
            var violation = RuleCatalog.RepositoryInOtherAssembly.Violation(
                Setting.Repository, null, repositoryType.Name, repositoryType.ContainingAssembly?.Name ?? "", RepositoryDeclaration(repositoryType, types));
            context.ReportDiagnostic(SyncDiagnostics.Create(violation, arguments.LocationOf(Setting.Repository)));
        }

        if (DestinationAttribute.KindOf(arguments.Attribute) is not { } kind)
        {
            return;
        }

        var destination = DestinationAttribute.Read(arguments.Attribute, kind);
        var folderName = arguments.String(Setting.FolderName);
        var violations = SyncDefinitionRules.Validate(type.Name, destination, folderName, arguments.String(Setting.CustomName), DefinitionStage.AsWritten);
        Report(context, arguments, violations, type.Locations.FirstOrDefault() ?? Location.None);
        if (folderName != null && !violations.Any(v => v.Severity == RuleSeverity.Error))
        {
            targets.Add(new Target(
                type.Name, folderName, SyncDefinitionRules.TargetKey(destination, folderName), kind.TargetLocation(destination), arguments.LocationOf(Setting.FolderName)));
        }
    }

    private static void Report(SymbolAnalysisContext context, AttributeArguments arguments, IEnumerable<RuleViolation> violations, Location classLocation)
    {
        foreach (var violation in violations)
        {
            var location = violation.Setting == Setting.Definition ? classLocation : arguments.LocationOf(violation.Setting);
            context.ReportDiagnostic(SyncDiagnostics.Create(violation, location));
        }
    }

    private static void ReportDuplicateTargets(CompilationAnalysisContext context, ConcurrentBag<Target> targets)
    {
        var duplicates = SyncDefinitionRules.DuplicateTargets(targets, t => t.DefinitionName, t => t.FolderName, t => t.Key, t => t.Location);
        foreach (var (target, violation) in duplicates)
        {
            context.ReportDiagnostic(SyncDiagnostics.Create(violation, target.FolderNameLocation));
        }
    }

    private static void ReportNameConflicts(CompilationAnalysisContext context, ConcurrentBag<NamedSync> names)
    {
        var conflicts = SyncDefinitionRules.NameConflicts(names, n => n.ClassName, n => n.FullName, n => n.CustomName);
        foreach (var (sync, violation) in conflicts)
        {
            var location = violation.Setting == Setting.CustomName ? sync.CustomNameLocation : sync.ClassLocation;
            context.ReportDiagnostic(SyncDiagnostics.Create(violation, location));
        }
    }

    /// <summary>A repository class to name in the message; searched only when the rule is broken.</summary>
    private static string SomeRepository(Compilation compilation, SyncAttributeTypes types, CancellationToken cancellationToken) =>
        compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, cancellationToken)
            .Where(t => types.IsRepository(t as ITypeSymbol))
            .Select(t => t.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .FirstOrDefault() ?? "MainRepository";

    /// <summary>The other assembly's repository as a declaration of this project, with the same path.</summary>
    private static string RepositoryDeclaration(ITypeSymbol repository, SyncAttributeTypes types)
    {
        var path = repository.GetAttributes()
            .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.Repository))?
            .ConstructorArguments.FirstOrDefault().Value as string ?? RepositoryPath.Example;
        return "[SyncRepository(@\"" + path.Replace("\"", "\"\"") + "\")] partial class " + repository.Name;
    }

    private static string ShortName(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "";
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private sealed class Target
    {
        public Target(string definitionName, string folderName, string key, string location, Location folderNameLocation)
        {
            DefinitionName = definitionName;
            FolderName = folderName;
            Key = key;
            Location = location;
            FolderNameLocation = folderNameLocation;
        }

        public string DefinitionName { get; }
        public string FolderName { get; }
        public string Key { get; }

        /// <summary>The normalized target the message quotes.</summary>
        public string Location { get; }
        public Location FolderNameLocation { get; }
    }

    private sealed class NamedSync
    {
        public NamedSync(string className, string fullName, string? customName, Location classLocation, Location customNameLocation)
        {
            ClassName = className;
            FullName = fullName;
            CustomName = customName;
            ClassLocation = classLocation;
            CustomNameLocation = customNameLocation;
        }

        public string ClassName { get; }
        public string FullName { get; }
        public string? CustomName { get; }
        public Location ClassLocation { get; }
        public Location CustomNameLocation { get; }
    }
}
