namespace SyncConfig.Engine;

public sealed class SyncEngineOptions
{
    /// <summary>How long a dropped connection is retried before the sync fails (the vendor's 10 minutes).</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The first pause between retries; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The shortest time between two progress reports while a file streams (file boundaries and phase changes are
    /// always reported). Zero reports every read.
    /// </summary>
    public TimeSpan StreamingProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Files uploaded, moved into place or deleted at the same time.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>How often a waiting lease or sync looks at the lock files again.</summary>
    public TimeSpan LeasePollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// A remote folder's lock not renewed for this long is stale, and the next sync takes it over (restic's 30 minutes).
    /// A lock of a process on this host that is gone is stale at once. Keep it well above
    /// <see cref="RemoteLockRenewInterval"/>, and above the longest time a holder may be suspended (a laptop asleep).
    /// </summary>
    public TimeSpan RemoteLockStaleAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the sync holding a remote folder's lock renews it.</summary>
    public TimeSpan RemoteLockRenewInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a sync waits for another sync's lock on the remote folder before it stops, naming the holder.</summary>
    public TimeSpan RemoteLockWait { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a sync waiting for a remote folder's lock looks again.</summary>
    public TimeSpan RemoteLockPollInterval { get; init; } = TimeSpan.FromSeconds(2);
}
