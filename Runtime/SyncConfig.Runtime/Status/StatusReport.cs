using SyncConfig.Engine.Results;

namespace SyncConfig.Runtime.Status;

/// <summary>What started an attempt.</summary>
public enum AttemptTrigger
{
    /// <summary>The scheduler, inside the sync window.</summary>
    Window,

    /// <summary><c>sync NAME --now</c> (the seed's Run Now).</summary>
    RunNow,

    /// <summary><c>reinitialize NAME</c>.</summary>
    Reinitialize,
}

/// <summary>
/// One attempt as the status files record it (schema: docs/runtime.md): counts, never file lists, so the page and
/// <c>status</c> read a few hundred bytes per sync whatever the repository's size. The lists are in <see cref="AttemptFiles"/>.
/// </summary>
public sealed record AttemptReport
{
    public required SyncOutcome Outcome { get; init; }
    public required AttemptTrigger Trigger { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    public double DurationSeconds { get; init; }
    public long BytesUploaded { get; init; }
    public double ThroughputBytesPerSecond { get; init; }
    public int FilesUploadedCount { get; init; }
    public int FilesDeletedCount { get; init; }
    public int FilesUnchangedCount { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Repository entries the sync left out, each with why (special files, names that are not UTF-8).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
    public int Retries { get; init; }
    public string? Recovery { get; init; }

    /// <summary>The window occurrence (its opening day) a scheduled attempt belonged to.</summary>
    public DateOnly? WindowDay { get; init; }

    public static AttemptReport From(SyncResult result, AttemptTrigger trigger, DateOnly? windowDay) => new()
    {
        Outcome = result.Outcome,
        Trigger = trigger,
        StartedAt = result.StartedAt,
        EndedAt = result.EndedAt,
        DurationSeconds = Math.Round(result.Duration.TotalSeconds, 3),
        BytesUploaded = result.BytesUploaded,
        ThroughputBytesPerSecond = Math.Round(result.Throughput, 1),
        FilesUploadedCount = result.FilesUploaded.Count,
        FilesDeletedCount = result.FilesDeleted.Count,
        FilesUnchangedCount = result.FilesUnchanged.Count,
        Errors = result.Errors,
        Skipped = result.Skipped,
        Retries = result.Retries,
        Recovery = result.Recovery,
        WindowDay = windowDay,
    };
}

/// <summary>A window occurrence in a status file.</summary>
public sealed record WindowReport(DateOnly Day, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A running attempt, as the process running it last reported it.</summary>
public sealed record ActiveProgress
{
    public required int ProcessId { get; init; }
    public required AttemptTrigger Trigger { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public string Phase { get; init; } = "";
    public long BytesDone { get; init; }
    public long BytesTotal { get; init; }
    public int FilesDone { get; init; }
    public int FilesTotal { get; init; }
    public string? CurrentFile { get; init; }
}

/// <summary>The per-sync status file <c>&lt;status folder&gt;/&lt;sync&gt;.json</c>.</summary>
public sealed record SyncStatusReport
{
    public int SchemaVersion { get; init; } = 1;
    public required string Sync { get; init; }
    public required string DisplayName { get; init; }
    public required string Destination { get; init; }
    public required string FolderName { get; init; }

    /// <summary>The window as written: <c>HH:mm-HH:mm Days</c>.</summary>
    public required string Window { get; init; }
    public required string TimeZone { get; init; }
    public AttemptReport? LastAttempt { get; init; }
    public ActiveProgress? Active { get; init; }
    public IReadOnlyList<WindowReport> Forecast { get; init; } = [];

    /// <summary>
    /// Configuration problems for which the scheduler (<c>run</c>) left this sync out, as it last started; null when
    /// the sync is scheduled or was never checked by <c>run</c>. Cleared by the sync's next attempt.
    /// </summary>
    public IReadOnlyList<string>? Problems { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
