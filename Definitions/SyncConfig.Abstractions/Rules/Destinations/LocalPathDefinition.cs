using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary><c>[LocalPathSync]</c>.</summary>
public sealed class LocalPathDefinition : PathDestinationDefinition
{
    protected override string LocationPrefix => "local:";

    protected override string? NormalizedPath(string? path) => LocalPath.Parse(path).Value?.ToString();

    protected override IEnumerable<RuleViolation> CheckPath(string? path) => LocalPath.Parse(path).Violations;
}
