namespace SyncConfig.Engine;

/// <summary>What kind of failure ended a sync: lets the runtime pick an exit code or a hint.</summary>
public enum SyncErrorKind
{
    Unreachable,
    AuthenticationFailed,
    TargetMissing,
    PermissionDenied,
    DiskFull,
    ConnectionDropped,
    RemoteIdMismatch,
    CorruptedManifest,
    RepositoryChanged,

    /// <summary>Another sync holds the remote folder's lock (or took it over from this one); the message names it.</summary>
    RemoteLocked,
    Other,
}

/// <summary>A failure a person can act on. The message never holds a secret.</summary>
public sealed class SyncException : Exception
{
    public const string RemoteIdMismatchMessage = "Remote server ID does not match this repository";

    public SyncException(SyncErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public SyncErrorKind Kind { get; }

    public static SyncException RemoteIdMismatch() => new(SyncErrorKind.RemoteIdMismatch, RemoteIdMismatchMessage);
}
