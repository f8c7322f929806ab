using System;
using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>
/// A sync definition as a whole: its destination's rules plus the sync's own FolderName and CustomName.
/// The folder name belongs to the sync, not to its destination: it names the folder the sync owns under the
/// target, and only beside the destination's location does it say where the sync writes.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class SyncDefinitionRules
{
    public static IReadOnlyList<RuleViolation> Validate(
        string definitionName, DestinationValues destination, string? folderName, string? customName, DefinitionStage stage)
    {
        var violations = new List<RuleViolation>();
        if (stage == DefinitionStage.AsWritten)
        {
            violations.AddRange(PropertyReference.Check(folderName, Setting.FolderName));
            violations.AddRange(PropertyReference.Check(customName, Setting.CustomName));
        }

        if (stage == DefinitionStage.Resolved || !PropertyReference.ContainsReference(folderName))
        {
            violations.AddRange(FolderName.Check(folderName).Violations);
        }

        violations.AddRange(destination.Kind.Validate(destination, definitionName, stage));
        return violations;
    }

    /// <summary>
    /// Where the sync writes, normalized: two definitions with the same key write into the same remote folder.
    /// Compared without case: a share or bucket path differing only in case is either the same folder or a
    /// confusing neighbour.
    /// </summary>
    public static string TargetKey(DestinationValues destination, string folderName) =>
        (destination.Kind.TargetLocation(destination) + "|" + folderName).ToLowerInvariant();

    /// <summary>
    /// Each sync that shares its target key with another, with the violation that names the other;
    /// <paramref name="location"/> is the place the message quotes.
    /// </summary>
    public static IEnumerable<(T Sync, RuleViolation Violation)> DuplicateTargets<T>(
        IEnumerable<T> syncs, Func<T, string> name, Func<T, string> folderName, Func<T, string> key, Func<T, string> location)
        where T : class
    {
        foreach (var group in syncs.GroupBy(key).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(name, StringComparer.Ordinal).ToList();
            foreach (var sync in ordered)
            {
                var other = ordered.First(s => !ReferenceEquals(s, sync));
                var folder = folderName(sync);
                yield return (sync, RuleCatalog.DuplicateTarget.Violation(
                    Setting.FolderName, null, name(sync), name(other), location(sync), folder, folder + "-" + name(sync)));
            }
        }
    }
}
