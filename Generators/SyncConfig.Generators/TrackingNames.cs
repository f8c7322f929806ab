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

    public static readonly string[] All =
    {
        Repositories, NetworkShareSyncs, LocalPathSyncs, FileTransferSyncs, S3Syncs,
        CatalogSyncs, CatalogRepositories, CatalogTypesAvailable,
    };
}
