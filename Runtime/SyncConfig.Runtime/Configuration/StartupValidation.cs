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
    /// <param name="writesFolders">The command runs syncs: its state and status folders must take writes.</param>
    public static StartupValidationResult Validate(RuntimeConfiguration configuration, IEnumerable<SyncRegistration> registrations, bool writesFolders = false)
    {
        var problems = configuration.Problems.Select(p => new ConfigurationProblem("", "", p)).ToList();
        if (writesFolders)
            problems.AddRange(WritableFolders.Check(configuration.Settings));
        var warnings = configuration.Warnings.Select(w => new ConfigurationProblem("", "", w)).ToList();
        var resolver = new SyncResolver(configuration.Value);
        var syncs = new List<ResolvedSync>();
        foreach (var registration in registrations)
        {
            if (resolver.Resolve(registration, problems) is not { } resolved)
                continue;
            foreach (var violation in ResolvedValueRules.Check(resolved))
                Add(registration.Name, violation);
            var hostPaths = HostPaths.Check(resolved).ToList();
            problems.AddRange(hostPaths);
            // A path for the other system resolves to nonsense here; its overlap says nothing more.
            if (hostPaths.Count == 0 && TargetOverlap.Check(resolved) is { } overlap)
                problems.Add(overlap);
            problems.AddRange(SecretLength.Check(resolved));
            syncs.Add(resolved);
        }

        foreach (var (sync, violation) in ResolvedValueRules.DuplicateTargets(syncs))
            Add(sync.Name, violation);

        void Add(string definition, Rules.RuleViolation violation)
        {
            var problem = new ConfigurationProblem(definition, violation.Setting, violation.Message, violation.Id);
            (violation.Severity == Rules.RuleSeverity.Error ? problems : warnings).Add(problem);
        }

        return new StartupValidationResult(syncs, problems, warnings);
    }
}
