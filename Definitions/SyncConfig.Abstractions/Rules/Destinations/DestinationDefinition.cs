using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>
/// A destination as its attribute states it, in plain values: what the analyzers read from the attribute
/// at build time and what the runtime fills with resolved values at start-up. <see cref="Validate"/>
/// applies every rule of the destination kind, so the two stages can never disagree.
/// </summary>
public abstract class DestinationDefinition
{
    /// <summary>The definition's class name (used in suggested <c>$(NAME)</c> references).</summary>
    public string DefinitionName { get; set; } = "";
    public string? FolderName { get; set; }

    /// <summary>Display name; only its references are checked.</summary>
    public string? CustomName { get; set; }

    /// <summary>Every string setting by its argument name.</summary>
    public abstract IEnumerable<KeyValuePair<string, string?>> StringSettings { get; }

    public IReadOnlyList<RuleViolation> Validate(DefinitionStage stage)
    {
        var violations = new List<RuleViolation>();
        if (stage == DefinitionStage.AsWritten)
        {
            foreach (var setting in StringSettings)
            {
                violations.AddRange(PropertyReference.Check(setting.Value, setting.Key));
            }

            violations.AddRange(PropertyReference.Check(CustomName, Setting.CustomName));
        }

        if (!IsDeferred(FolderName, stage))
        {
            violations.AddRange(Rules.FolderName.Check(FolderName).Violations);
        }

        violations.AddRange(ValidateDestination(stage));
        return violations;
    }

    /// <summary>
    /// Where the sync writes, normalized, with the folder name: two definitions with the same key write into
    /// the same remote folder. Compared without case: a share or bucket path differing only in case is
    /// either the same folder or a confusing neighbour.
    /// </summary>
    public string TargetKey => (TargetLocation + "|" + FolderName).ToLowerInvariant();

    /// <summary>The normalized target, prefixed by its kind (<c>smb:</c>, <c>local:</c>, <c>ftp:</c>, <c>s3:</c>); as written where it cannot be parsed or holds a reference.</summary>
    public abstract string TargetLocation { get; }

    protected abstract IEnumerable<RuleViolation> ValidateDestination(DefinitionStage stage);

    /// <summary>The value when its rules apply at this stage: not null, and at build time free of references.</summary>
    protected static string? Known(string? value, DefinitionStage stage) =>
        value == null || (stage == DefinitionStage.AsWritten && PropertyReference.ContainsReference(value)) ? null : value;

    /// <summary>True when <paramref name="value"/> is present but its value is only known at run time.</summary>
    protected static bool IsDeferred(string? value, DefinitionStage stage) => value != null && Known(value, stage) == null;

    protected IEnumerable<RuleViolation> Secrets(DefinitionStage stage, params string[] settings)
    {
        var all = StringSettings.ToDictionary(s => s.Key, s => s.Value);
        return settings.SelectMany(s => CredentialRules.CheckSecret(all[s], s, DefinitionName, stage));
    }
}
