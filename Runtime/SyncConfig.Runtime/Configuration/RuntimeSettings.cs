using SyncConfig.Engine;

namespace SyncConfig.Runtime.Configuration;

/// <summary>The <c>SyncConfig</c> section of the configuration (appsettings, environment <c>SyncConfig__*</c>).</summary>
public sealed class RuntimeSettings
{
    public const string SectionName = "SyncConfig";

    /// <summary>
    /// Where the scheduler keeps its per-sync lock and last-attempted-window files; empty for the platform's place
    /// (<see cref="DefaultFolders"/>). Full once the configuration is loaded.
    /// </summary>
    public string StateFolder { get; set; } = "";

    /// <summary>Where the status report files (<c>&lt;sync&gt;.json</c>, history, <c>index.html</c>) go; empty as for <see cref="StateFolder"/>.</summary>
    public string StatusFolder { get; set; } = "";

    /// <summary>An IANA or Windows time zone ID for the sync windows; the host's when empty.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The secrets file; <c>secrets.json</c> beside the configuration file when empty.</summary>
    public string? SecretsFile { get; set; }

    /// <summary>How many past attempts each sync's history file keeps.</summary>
    public int HistoryLength { get; set; } = 100;

    /// <summary>
    /// <c>run</c> refuses to start while any sync has a configuration problem (fail fast), as <c>run --strict</c> does.
    /// By default the scheduler runs the healthy syncs and reports the broken ones.
    /// </summary>
    public bool StrictStartup { get; set; }

    /// <summary>How long a running sync waits between plain progress log lines when output is not a terminal.</summary>
    public TimeSpan ProgressLogInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a sync retries a target that dropped away (connection refused or reset) before it fails.</summary>
    public TimeSpan RetryWindow { get; set; } = Defaults.RetryWindow;

    /// <summary>How long a sync waits for another sync's lock on the remote folder before it stops, naming the holder.</summary>
    public TimeSpan RemoteLockWait { get; set; } = Defaults.RemoteLockWait;

    /// <summary>The engine's options these settings give.</summary>
    public SyncEngineOptions EngineOptions() => new() { RetryWindow = RetryWindow, RemoteLockWait = RemoteLockWait };

    private static readonly SyncEngineOptions Defaults = new();
}
