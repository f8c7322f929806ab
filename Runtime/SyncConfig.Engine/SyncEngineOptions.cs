namespace SyncConfig.Engine;

public sealed class SyncEngineOptions
{
    /// <summary>How long a dropped connection is retried before the sync fails (the vendor's 10 minutes).</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The first pause between retries; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Files uploaded, moved into place or deleted at the same time.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>How often a waiting lease or sync looks at the lock files again.</summary>
    public TimeSpan LeasePollInterval { get; init; } = TimeSpan.FromMilliseconds(50);
}
