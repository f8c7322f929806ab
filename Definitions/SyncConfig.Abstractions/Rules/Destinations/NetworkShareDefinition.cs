using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary><c>[NetworkShareSync]</c>.</summary>
public sealed class NetworkShareDefinition : PathDestinationDefinition
{
    protected override string LocationPrefix => "smb:";

    protected override string? NormalizedPath(string? path) => NetworkSharePath.Parse(path).Value?.ToString();

    protected override IEnumerable<RuleViolation> CheckPath(string? path) => NetworkSharePath.Parse(path).Violations;
}
