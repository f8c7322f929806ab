namespace SyncConfig.Rules;

#if SYNCCONFIG_ABSTRACTIONS
public
#endif
enum RuleSeverity
{
    Warning,
    Error,
}
