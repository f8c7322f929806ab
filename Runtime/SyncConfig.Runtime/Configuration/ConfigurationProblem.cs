namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// One thing wrong with the configuration, tied to the definition (and setting) it belongs to so a
/// person knows which sync to fix. <see cref="Definition"/> is empty for problems of the runtime's own
/// settings. Messages name references and settings, never secret values.
/// </summary>
public sealed record ConfigurationProblem(string Definition, string Setting, string Message, string? RuleId = null)
{
    /// <summary>A <c>$(NAME)</c> reference without a value (as opposed to a value that breaks a rule).</summary>
    public bool IsUnresolvedReference { get; init; }

    public override string ToString()
    {
        var where = Definition.Length == 0 ? "configuration" : Setting.Length == 0 ? Definition : Definition + "." + Setting;
        return RuleId is null ? $"{where}: {Message}" : $"{where}: {RuleId} {Message}";
    }
}
