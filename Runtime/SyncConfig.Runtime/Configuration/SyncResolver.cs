using SyncConfig.Catalog;
using SyncConfig.Rules;

namespace SyncConfig.Runtime.Configuration;

/// <summary>Replaces the <c>$(NAME)</c> references of a registration by configured values, reporting each one that has none.</summary>
public sealed class SyncResolver
{
    /// <summary>The settings whose values are secrets: never printed, scrubbed from logs and reports.</summary>
    public static readonly IReadOnlySet<string> SecretSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        Setting.Password, Setting.PrivateKeyPassphrase, Setting.AccessKey, Setting.SecretKey,
    };

    private readonly Func<string, string?> _values;

    public SyncResolver(Func<string, string?> values) => _values = values;

    public ResolvedSync? Resolve(SyncRegistration registration, ICollection<ConfigurationProblem> problems)
    {
        var secrets = new List<string>();
        var complete = true;

        string? Value(string setting, string? text)
        {
            if (text is null)
                return null;
            var unresolved = new List<string>();
            var resolved = PropertyReference.Resolve(text, _values, unresolved);
            foreach (var name in unresolved)
            {
                problems.Add(new ConfigurationProblem(registration.Name, setting, $"$({name}) has no value.") { IsUnresolvedReference = true });
            }

            complete &= resolved is not null;
            if (resolved is { Length: > 0 } && SecretSettings.Contains(setting))
                secrets.Add(resolved);
            return resolved;
        }

        var repositoryPath = Value(Setting.Repository, registration.Repository.Path);
        var folderName = Value(Setting.FolderName, registration.FolderName);
        var customName = Value(Setting.CustomName, registration.CustomName);
        DestinationSettings destination = registration.Destination switch
        {
            NetworkShareSettings d => new NetworkShareSettings(
                Value(Setting.Path, d.Path) ?? "", Value(Setting.UserName, d.UserName), Value(Setting.Password, d.Password), Value(Setting.Domain, d.Domain)),
            LocalPathSettings d => new LocalPathSettings(
                Value(Setting.Path, d.Path) ?? "", Value(Setting.UserName, d.UserName), Value(Setting.Password, d.Password), Value(Setting.Domain, d.Domain)),
            FileTransferSettings d => new FileTransferSettings(
                d.Protocol, Value(Setting.Server, d.Server) ?? "", d.Port, Value(Setting.UserName, d.UserName), Value(Setting.Password, d.Password),
                Value(Setting.HostKeyFingerprint, d.HostKeyFingerprint), Value(Setting.PrivateKeyFile, d.PrivateKeyFile),
                Value(Setting.PrivateKeyPassphrase, d.PrivateKeyPassphrase), Value(Setting.CertificateFingerprint, d.CertificateFingerprint)),
            S3Settings d => new S3Settings(
                d.Service, Value(Setting.Endpoint, d.Endpoint), d.UseHttps, Value(Setting.Bucket, d.Bucket) ?? "", Value(Setting.Region, d.Region) ?? "",
                Value(Setting.RootPath, d.RootPath), Value(Setting.AccessKey, d.AccessKey) ?? "", Value(Setting.SecretKey, d.SecretKey) ?? ""),
            _ => throw new NotSupportedException($"Destination kind {registration.Destination.GetType().Name} is not known to this runtime."),
        };

        return complete && repositoryPath is not null && folderName is not null
            ? new ResolvedSync(registration, repositoryPath, folderName, customName, destination, secrets)
            : null;
    }
}
