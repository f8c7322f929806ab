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
    /// <summary>
    /// The sync named <paramref name="name"/>: its definition's class name or its CustomName (as written), both
    /// ignoring case. A class name wins over a custom name; the build (SYNC0037–SYNC0039) keeps both unambiguous.
    /// </summary>
    public static SyncRegistration? Find(this ISyncCatalog catalog, string name)
    {
        var wanted = name.Trim();
        return catalog.Syncs.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? catalog.Syncs.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.CustomName) && string.Equals(s.CustomName!.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>How a sync is called on the command line: its class name, and its custom name in quotes when it has one.</summary>
    public static string Names(this SyncRegistration sync) =>
        string.IsNullOrWhiteSpace(sync.CustomName) ? sync.Name : $"{sync.Name} (\"{sync.CustomName}\")";
}
