using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>
/// A destination named by one path and reached with optional Windows-style credentials:
/// <c>[NetworkShareSync]</c> and <c>[LocalPathSync]</c> differ only in how the path is parsed.
/// </summary>
public abstract class PathDestinationDefinition : DestinationDefinition
{
    public string? Path { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? Domain { get; set; }

    public override IEnumerable<KeyValuePair<string, string?>> StringSettings => new[]
    {
        new KeyValuePair<string, string?>(Setting.Path, Path),
        new KeyValuePair<string, string?>(Setting.UserName, UserName),
        new KeyValuePair<string, string?>(Setting.Password, Password),
        new KeyValuePair<string, string?>(Setting.Domain, Domain),
        new KeyValuePair<string, string?>(Setting.FolderName, FolderName),
    };

    public override string TargetLocation =>
        LocationPrefix + (IsDeferred(Path, DefinitionStage.AsWritten) ? Path : NormalizedPath(Path) ?? Path);

    /// <summary>The kind's prefix in <see cref="DestinationDefinition.TargetLocation"/>.</summary>
    protected abstract string LocationPrefix { get; }

    /// <summary>The path normalized by the kind's parser, or null when it does not parse.</summary>
    protected abstract string? NormalizedPath(string? path);

    /// <summary>The kind's path rule.</summary>
    protected abstract IEnumerable<RuleViolation> CheckPath(string? path);

    protected override IEnumerable<RuleViolation> ValidateDestination(DefinitionStage stage)
    {
        var violations = new List<RuleViolation>();
        if (!IsDeferred(Path, stage))
        {
            violations.AddRange(CheckPath(Path));
        }

        violations.AddRange(CredentialRules.CheckUser(UserName, Password, Domain));
        violations.AddRange(Secrets(stage, Setting.Password));
        return violations;
    }
}
