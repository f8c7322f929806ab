namespace SyncConfig.Engine.Results;

/// <summary>How one sync attempt ended.</summary>
public enum SyncOutcome
{
    /// <summary>The remote now equals the snapshot taken at the start.</summary>
    Succeeded,

    /// <summary>The attempt failed; the remote holds the last committed state (or the last checkpoint).</summary>
    Failed,

    /// <summary>The attempt could not start before its window ended; it waits for the next allowed day.</summary>
    Abandoned,

    /// <summary>The attempt was stopped (cancelled) and the remote was rolled back to its last commit.</summary>
    RolledBack,
}

/// <summary>The result of one attempt: what the status report files are written from.</summary>
public sealed record SyncResult
{
    public required string SyncName { get; init; }
    public required SyncOutcome Outcome { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    public long BytesUploaded { get; init; }
    public IReadOnlyList<string> FilesUploaded { get; init; } = [];
    public IReadOnlyList<string> FilesDeleted { get; init; } = [];
    public IReadOnlyList<string> FilesUnchanged { get; init; } = [];

    /// <summary>Messages a person can act on. Never holds a secret.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>What kind of failure ended a failed attempt (what the runtime picks an exit code or a hint from); null otherwise.</summary>
    public SyncErrorKind? ErrorKind { get; init; }

    /// <summary>How many operations were retried after a transient failure.</summary>
    public int Retries { get; init; }

    /// <summary>What the recovery step did before planning (for example "rolled back an interrupted sync").</summary>
    public string? Recovery { get; init; }

    public TimeSpan Duration => EndedAt - StartedAt;

    /// <summary>Bytes per second over the whole attempt.</summary>
    public double Throughput => Duration.TotalSeconds > 0 ? BytesUploaded / Duration.TotalSeconds : 0;
}

/// <summary>Live progress of a running sync.</summary>
public readonly record struct SyncProgress(
    string Phase,
    long BytesDone,
    long BytesTotal,
    int FilesDone,
    int FilesTotal,
    string? CurrentFile);
