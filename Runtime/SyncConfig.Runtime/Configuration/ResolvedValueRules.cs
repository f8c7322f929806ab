using SyncConfig.Rules;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// Applies the definition rules to resolved values: the same rules the analyzers apply to an attribute,
/// here to the registration's values after reference resolution.
/// </summary>
public static class ResolvedValueRules
{
    public static IReadOnlyList<RuleViolation> Check(ResolvedSync sync)
    {
        var violations = new List<RuleViolation>(RepositoryPath.Check(sync.RepositoryPath, DefinitionStage.Resolved, Setting.Repository));
        violations.AddRange(SyncDefinitionRules.Validate(sync.Name, sync.Destination.Values, sync.FolderName, sync.CustomName, DefinitionStage.Resolved));
        return violations;
    }

    /// <summary>
    /// Two syncs whose resolved destinations are the same remote folder: the build can only compare
    /// what is written, so references that resolve to the same place are caught here.
    /// </summary>
    public static IEnumerable<(ResolvedSync Sync, RuleViolation Violation)> DuplicateTargets(IReadOnlyList<ResolvedSync> syncs) =>
        SyncDefinitionRules.DuplicateTargets(
            syncs, s => s.Name, s => s.FolderName, s => SyncDefinitionRules.TargetKey(s.Destination.Values, s.FolderName), s => s.Destination.DisplayPath);
}
