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
        var definition = ToDefinition(sync.Destination);
        definition.DefinitionName = sync.Name;
        definition.FolderName = sync.FolderName;
        violations.AddRange(definition.Validate(DefinitionStage.Resolved));
        return violations;
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
