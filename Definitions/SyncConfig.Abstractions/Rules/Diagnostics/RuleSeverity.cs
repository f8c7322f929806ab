namespace SyncConfig.Rules;

public enum RuleSeverity
{
    Warning,
    Error,
}
