using SyncConfig.Catalog;

namespace SyncConfig.Runtime.Catalog;

/// <summary>The syncs and repositories this runtime knows: the generated catalog in the executable, hand-made ones in tests.</summary>
public interface ISyncCatalog
{
    IReadOnlyList<SyncRegistration> Syncs { get; }
    IReadOnlyList<RepositoryRegistration> Repositories { get; }
}

/// <summary>A catalog of given registrations.</summary>
public sealed record SyncCatalogList(IReadOnlyList<SyncRegistration> Syncs, IReadOnlyList<RepositoryRegistration> Repositories) : ISyncCatalog;

public static class SyncCatalogExtensions
{
    /// <summary>The sync named <paramref name="name"/> (the definition's class name, case-insensitive).</summary>
    public static SyncRegistration? Find(this ISyncCatalog catalog, string name) =>
        catalog.Syncs.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
