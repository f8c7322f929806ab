using SyncConfig.Catalog;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// A sync with every <c>$(NAME)</c> reference replaced by its configured value. <see cref="SecretValues"/>
/// are the resolved passwords and keys, which the runtime scrubs from anything it writes.
/// </summary>
public sealed record ResolvedSync(
    SyncRegistration Registration,
    string RepositoryPath,
    string FolderName,
    string? CustomName,
    DestinationSettings Destination,
    IReadOnlyList<string> SecretValues)
{
    public string Name => Registration.Name;

    /// <summary>The custom name, or else the resolved server or local path.</summary>
    public string DisplayName => string.IsNullOrEmpty(CustomName) ? Destination.DisplayPath : CustomName!;
}
