using SyncConfig.Catalog;
using SyncConfig.Rules;

namespace SyncConfig.Runtime.Configuration;

/// <summary>Replaces the <c>$(NAME)</c> references of a registration by configured values, reporting each one that has none.</summary>
public sealed class SyncResolver
{
    private readonly Func<string, string?> _values;

    public SyncResolver(Func<string, string?> values) => _values = values;

    public ResolvedSync? Resolve(SyncRegistration registration, ICollection<ConfigurationProblem> problems)
    {
        var secrets = new List<string>();
        var complete = true;

        string? ResolveText(string setting, string text, bool isSecret)
        {
            var unresolved = new List<string>();
            var resolved = PropertyReference.Resolve(text, _values, unresolved);
            foreach (var name in unresolved)
            {
                problems.Add(new ConfigurationProblem(registration.Name, setting, $"$({name}) has no value.") { IsUnresolvedReference = true });
            }

            complete &= resolved is not null;
            // The destination's secret rows are never printed; whatever they resolve to is scrubbed from logs and reports.
            if (resolved is { Length: > 0 } && isSecret)
                secrets.Add(resolved);
            return resolved;
        }

        var repositoryPath = ResolveText(Setting.Repository, registration.Repository.Path, isSecret: false);
        var folderName = ResolveText(Setting.FolderName, registration.FolderName, isSecret: false);
        var customName = registration.CustomName is { } written ? ResolveText(Setting.CustomName, written, isSecret: false) : null;
        var destination = registration.Destination;
        var values = destination.Values.Given
            .Select(given => given.Value is string text ? new SettingValue(given.Setting, ResolveText(given.Setting.Name, text, given.Setting.IsSecret)) : given)
            .ToList();

        return complete && repositoryPath is not null && folderName is not null
            ? new ResolvedSync(registration, repositoryPath, folderName, customName, destination.With(new DestinationValues(destination.Kind, values)), secrets)
            : null;
    }
}
