namespace SyncConfig.Rules;

/// <summary>Which text a rule sees.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
enum DefinitionStage
{
    /// <summary>
    /// The definition as written (build time): a setting holding a <c>$(NAME)</c> reference gets only
    /// its reference syntax checked, and literal secrets draw a warning.
    /// </summary>
    AsWritten,

    /// <summary>Values after reference resolution (start-up): every value rule applies.</summary>
    Resolved,
}
