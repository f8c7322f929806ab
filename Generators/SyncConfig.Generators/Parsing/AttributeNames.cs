namespace SyncConfig.Generators.Parsing;

/// <summary>Metadata names of the definition language's attributes (they live in SyncConfig.Abstractions).</summary>
internal static class AttributeNames
{
    public const string SyncRepository = "SyncConfig.SyncRepositoryAttribute";
    public const string NetworkShareSync = "SyncConfig.NetworkShareSyncAttribute";
    public const string LocalPathSync = "SyncConfig.LocalPathSyncAttribute";
    public const string FileTransferSync = "SyncConfig.FileTransferSyncAttribute";
    public const string S3Sync = "SyncConfig.S3SyncAttribute";
    public const string SyncWindow = "SyncConfig.SyncWindowAttribute";
    public const string AllowBackupsDuringSync = "SyncConfig.AllowBackupsDuringSyncAttribute";
    public const string PerFolderUpload = "SyncConfig.PerFolderUploadAttribute";

    public static readonly string[] Destinations = { NetworkShareSync, LocalPathSync, FileTransferSync, S3Sync };
}
