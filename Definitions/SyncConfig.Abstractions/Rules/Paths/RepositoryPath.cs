using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>The path of a <c>[SyncRepository]</c>: an absolute local path, a network share, or a <c>$(NAME)</c> reference.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class RepositoryPath
{
    public const string Example = @"D:\Backups\Main";

    /// <summary>Violations of the written or resolved path; the path text itself is the normalized value.</summary>
    public static IReadOnlyList<RuleViolation> Check(string? text, DefinitionStage stage, string setting = Setting.Path)
    {
        if (stage == DefinitionStage.AsWritten && PropertyReference.ContainsReference(text))
        {
            return PropertyReference.Check(text, setting);
        }

        if (text != null && NetworkSharePath.LooksLikeNetworkShare(text))
        {
            return NetworkSharePath.Parse(text, setting).Violations;
        }

        var parsed = LocalPath.Parse(text, setting, RuleCatalog.InvalidRepositoryPath, "Repository path", Example);
        return parsed.Violations;
    }
}
