using System;

namespace SyncConfig;

/// <summary>Backups may run while the sync uploads; each computer reopens once its data is up.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AllowBackupsDuringSyncAttribute : Attribute
{
}

/// <summary>Commit each repository folder as its own checkpoint instead of one commit for all.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PerFolderUploadAttribute : Attribute
{
}
