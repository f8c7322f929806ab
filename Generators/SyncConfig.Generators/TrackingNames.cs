using System.Linq;
using SyncConfig.Rules;

namespace SyncConfig.Generators;

/// <summary>Names of the pipeline steps, so tests can assert which steps re-ran after an edit.</summary>
public static class TrackingNames
{
    public const string Repositories = nameof(Repositories);
    public const string NetworkShareSyncs = nameof(NetworkShareSyncs);
    public const string LocalPathSyncs = nameof(LocalPathSyncs);
    public const string FileTransferSyncs = nameof(FileTransferSyncs);
    public const string S3Syncs = nameof(S3Syncs);
    public const string CatalogSyncs = nameof(CatalogSyncs);
    public const string CatalogRepositories = nameof(CatalogRepositories);
    public const string CatalogTypesAvailable = nameof(CatalogTypesAvailable);

    /// <summary>Every step: the repositories, one step per destination kind, and the catalog's.</summary>
    public static readonly string[] All = new[] { Repositories }
        .Concat(DestinationKinds.All.Select(Syncs))
        .Concat(new[] { CatalogSyncs, CatalogRepositories, CatalogTypesAvailable })
        .ToArray();

    /// <summary>The step reading one destination kind's definitions: <see cref="NetworkShareSyncs"/>…</summary>
    internal static string Syncs(DestinationKind kind) => kind.Name + "Syncs";
}
