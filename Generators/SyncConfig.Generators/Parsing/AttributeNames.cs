namespace SyncConfig.Generators.Parsing;

/// <summary>Metadata names of the definition language's attributes besides the destinations (whose names their kinds give).</summary>
internal static class AttributeNames
{
    public const string SyncRepository = "SyncConfig.SyncRepositoryAttribute";
    public const string SyncWindow = "SyncConfig.SyncWindowAttribute";
    public const string AllowBackupsDuringSync = "SyncConfig.AllowBackupsDuringSyncAttribute";
    public const string PerFolderUpload = "SyncConfig.PerFolderUploadAttribute";
}
