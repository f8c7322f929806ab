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

    /// <summary>
    /// Each sync whose name a user could confuse with another's, with the violation that names the other: equal
    /// class names (SYNC0037, on the class), equal custom names (SYNC0038) and a custom name equal to another
    /// sync's class name (SYNC0039, both on CustomName). Compared ignoring case, as the command line finds a sync;
    /// custom names holding a reference are compared as written.
    /// </summary>
    /// <param name="className">The class name, which names the sync's status and lock files.</param>
    /// <param name="fullName">The name the message quotes (with the namespace, so equal class names differ).</param>
    public static IEnumerable<(T Sync, RuleViolation Violation)> NameConflicts<T>(
        IEnumerable<T> syncs, Func<T, string> className, Func<T, string> fullName, Func<T, string?> customName)
        where T : class
    {
        var all = syncs.OrderBy(fullName, StringComparer.Ordinal).ToList();
        foreach (var group in all.GroupBy(className, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var sync in group)
            {
                var other = group.First(s => !ReferenceEquals(s, sync));
                yield return (sync, RuleCatalog.DuplicateSyncName.Violation(
                    Setting.Definition, null, fullName(sync), fullName(other), RenamedClass(className(sync), fullName(sync))));
            }
        }

        var named = all.Where(s => !string.IsNullOrWhiteSpace(customName(s))).ToList();
        foreach (var group in named.GroupBy(s => customName(s)!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var sync in group)
            {
                var other = group.First(s => !ReferenceEquals(s, sync));
                yield return (sync, RuleCatalog.DuplicateCustomName.Violation(Setting.CustomName, null, customName(sync)!, fullName(sync), fullName(other)));
            }
        }

        foreach (var sync in named)
        {
            var custom = customName(sync)!.Trim();
            var other = all.FirstOrDefault(s => !ReferenceEquals(s, sync) && string.Equals(className(s), custom, StringComparison.OrdinalIgnoreCase));
            if (other != null)
            {
                yield return (sync, RuleCatalog.CustomNameIsAnotherClassName.Violation(
                    Setting.CustomName, null, customName(sync)!, fullName(sync), fullName(other), custom + " (" + className(sync) + ")"));
            }
        }
    }

    /// <summary>The class name prefixed with the last part of its namespace, e.g. Branch.SftpOffsite → BranchSftpOffsite.</summary>
    private static string RenamedClass(string className, string fullName)
    {
        var parts = fullName.Split('.');
        if (parts.Length < 2)
        {
            return className + "2";
        }

        var prefix = parts[parts.Length - 2];
        return prefix.Length == 0 ? className + "2" : char.ToUpperInvariant(prefix[0]) + prefix.Substring(1) + className;
    }
}
