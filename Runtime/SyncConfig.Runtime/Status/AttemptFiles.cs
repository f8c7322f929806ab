using SyncConfig.Engine.Results;

namespace SyncConfig.Runtime.Status;

/// <summary>
/// The file <c>&lt;sync&gt;.files.json</c>: which files the latest attempt uploaded, deleted and left unchanged, each
/// list cut at <see cref="MaxPaths"/> paths (the counts in the report are whole). Kept apart from the report because
/// nothing that runs every minute needs it: 50,000 unchanged paths made each report 3 MB.
/// </summary>
public sealed record AttemptFiles
{
    /// <summary>Paths kept per list.</summary>
    public const int MaxPaths = 1_000;

    public int SchemaVersion { get; init; } = 1;
    public required string Sync { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    public int Limit { get; init; } = MaxPaths;

    /// <summary>Paths relative to the repository root, in ordinal order, the first <see cref="Limit"/> of each list.</summary>
    public IReadOnlyList<string> FilesUploaded { get; init; } = [];
    public IReadOnlyList<string> FilesDeleted { get; init; } = [];
    public IReadOnlyList<string> FilesUnchanged { get; init; } = [];

    /// <summary>True when a list had more paths than <see cref="Limit"/>.</summary>
    public bool Truncated { get; init; }

    public static AttemptFiles From(SyncResult result) => new()
    {
        Sync = result.SyncName,
        EndedAt = result.EndedAt,
        FilesUploaded = [.. result.FilesUploaded.Take(MaxPaths)],
        FilesDeleted = [.. result.FilesDeleted.Take(MaxPaths)],
        FilesUnchanged = [.. result.FilesUnchanged.Take(MaxPaths)],
        Truncated = new[] { result.FilesUploaded, result.FilesDeleted, result.FilesUnchanged }.Any(l => l.Count > MaxPaths),
    };
}
