using SyncConfig.Catalog;
using SyncConfig.Rules;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// Applies the definition rules to resolved values: the same <see cref="DestinationDefinition"/> the
/// analyzers fill from an attribute, here filled from the registration after reference resolution.
/// </summary>
public static class ResolvedValueRules
{
    public static IReadOnlyList<RuleViolation> Check(ResolvedSync sync)
    {
        var violations = new List<RuleViolation>(RepositoryPath.Check(sync.RepositoryPath, DefinitionStage.Resolved, Setting.Repository));
        violations.AddRange(Definition(sync).Validate(DefinitionStage.Resolved));
        return violations;
    }

    /// <summary>
    /// Two syncs whose resolved destinations are the same remote folder: the build can only compare
    /// what is written, so references that resolve to the same place are caught here.
    /// </summary>
    public static IEnumerable<(ResolvedSync Sync, RuleViolation Violation)> DuplicateTargets(IReadOnlyList<ResolvedSync> syncs)
    {
        foreach (var group in syncs.GroupBy(s => Definition(s).TargetKey).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            foreach (var sync in ordered)
            {
                var other = ordered.First(s => !ReferenceEquals(s, sync));
                yield return (sync, RuleCatalog.DuplicateTarget.Violation(Setting.FolderName, null,
                    sync.Name, other.Name, sync.Destination.DisplayPath, sync.FolderName, sync.FolderName + "-" + sync.Name));
            }
        }
    }

    private static DestinationDefinition Definition(ResolvedSync sync)
    {
        var definition = ToDefinition(sync.Destination);
        definition.DefinitionName = sync.Name;
        definition.FolderName = sync.FolderName;
        return definition;
    }

    private static DestinationDefinition ToDefinition(DestinationSettings destination) => destination switch
    {
        LocalPathSettings d => new LocalPathDefinition { Path = d.Path, UserName = d.UserName, Password = d.Password, Domain = d.Domain },
        NetworkShareSettings d => new NetworkShareDefinition { Path = d.Path, UserName = d.UserName, Password = d.Password, Domain = d.Domain },
        FileTransferSettings d => new FileTransferDefinition
        {
            Protocol = d.Protocol, Server = d.Server, Port = d.Port, UserName = d.UserName, Password = d.Password,
            HostKeyFingerprint = d.HostKeyFingerprint, PrivateKeyFile = d.PrivateKeyFile,
            PrivateKeyPassphrase = d.PrivateKeyPassphrase, CertificateFingerprint = d.CertificateFingerprint,
        },
        S3Settings d => new S3Definition
        {
            Service = d.Service, Endpoint = d.Endpoint, UseHttps = d.UseHttps, Bucket = d.Bucket, Region = d.Region,
            RootPath = d.RootPath, AccessKey = d.AccessKey, SecretKey = d.SecretKey,
        },
        _ => throw new NotSupportedException($"Destination kind {destination.GetType().Name} is not known to this runtime."),
    };
}
