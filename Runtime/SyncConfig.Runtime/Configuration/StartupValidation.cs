using SyncConfig.Catalog;

namespace SyncConfig.Runtime.Configuration;

/// <summary>The resolved syncs and every problem found on the way, all at once.</summary>
public sealed record StartupValidationResult(IReadOnlyList<ResolvedSync> Syncs, IReadOnlyList<ConfigurationProblem> Problems, IReadOnlyList<ConfigurationProblem> Warnings)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Start-up validation: resolves the <c>$(NAME)</c> references of the given syncs and applies the
/// definition rules (the same ones the analyzers run at build time) to the resolved values. It never
/// stops at the first problem: a person fixes the configuration once, not once per problem.
/// </summary>
public static class StartupValidation
{
    public static StartupValidationResult Validate(RuntimeConfiguration configuration, IEnumerable<SyncRegistration> registrations)
    {
        var problems = configuration.Problems.Select(p => new ConfigurationProblem("", "", p)).ToList();
        var warnings = new List<ConfigurationProblem>();
        var resolver = new SyncResolver(configuration.Value);
        var syncs = new List<ResolvedSync>();
        foreach (var registration in registrations)
        {
            if (resolver.Resolve(registration, problems) is not { } resolved)
                continue;
            foreach (var violation in ResolvedValueRules.Check(resolved))
            {
                var problem = new ConfigurationProblem(registration.Name, violation.Setting, violation.Message, violation.Id);
                (violation.Severity == Rules.RuleSeverity.Error ? problems : warnings).Add(problem);
            }

            syncs.Add(resolved);
        }

        return new StartupValidationResult(syncs, problems, warnings);
    }
}
