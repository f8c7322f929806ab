namespace SyncConfig.Runtime.Cli;

/// <summary>The process exit codes of <c>syncconfig</c> (documented in docs/runtime.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The sync ran and failed or was abandoned; the remote holds its last committed state.</summary>
    public const int SyncFailed = 1;

    /// <summary>Unknown command or option, missing argument.</summary>
    public const int UsageError = 2;

    /// <summary>Start-up validation found problems: unresolved <c>$(NAME)</c>, a value that breaks a rule, bad settings.</summary>
    public const int InvalidConfiguration = 3;

    /// <summary>No sync (or repository) of that name is defined.</summary>
    public const int UnknownSync = 4;

    /// <summary><c>Remote server ID does not match this repository</c>: run <c>reinitialize</c> to take the remote over.</summary>
    public const int RemoteIdMismatch = 5;

    /// <summary><c>test</c>: a connection test step failed.</summary>
    public const int ConnectionTestFailed = 6;

    /// <summary><c>verify</c>: the remote differs from its committed manifest.</summary>
    public const int VerifyFailed = 7;

    /// <summary>Another run of the same sync holds its lock.</summary>
    public const int SyncBusy = 8;

    /// <summary>The destination's transport is not in this build.</summary>
    public const int TransportNotAvailable = 9;

    /// <summary>Stopped by Ctrl+C or SIGTERM at a safe point; the next sync recovers.</summary>
    public const int Interrupted = 130;
}
