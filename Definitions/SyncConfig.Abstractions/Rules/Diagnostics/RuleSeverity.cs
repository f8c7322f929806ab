namespace SyncConfig.Rules;

#if SYNCCONFIG_ABSTRACTIONS
public
#else
internal
#endif
enum RuleSeverity
{
    Warning,
    Error,
}
