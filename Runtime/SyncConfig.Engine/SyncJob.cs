namespace SyncConfig.Engine;

/// <summary>
/// One sync of a repository into <c>&lt;target&gt;/&lt;FolderName&gt;/</c>; the target itself is the transport's.
/// </summary>
/// <param name="Name">The sync's name: status files and the local state file are keyed by it.</param>
/// <param name="RepositoryPath">The backup repository's root folder.</param>
/// <param name="FolderName">The folder the sync owns under the target path (created when missing).</param>
public sealed record SyncJob(string Name, string RepositoryPath, string FolderName)
{
    /// <summary>Commit each repository folder (computer/backup definition) as its own checkpoint.</summary>
    public bool PerFolderUpload { get; init; }

    /// <summary>Reopen each computer's folders to backups once its data is uploaded (smallest computer first).</summary>
    public bool AllowBackupsDuringSync { get; init; }

    /// <summary>Run Now keeps backups out until the sync completes, even with <see cref="AllowBackupsDuringSync"/>.</summary>
    public bool RunNow { get; init; }

    /// <summary>If running backups have not finished by then, the attempt ends <c>Abandoned</c> without touching the remote.</summary>
    public DateTimeOffset? StartDeadline { get; init; }
}
