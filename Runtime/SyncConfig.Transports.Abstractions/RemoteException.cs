namespace SyncConfig.Transports;

public enum RemoteErrorKind
{
    Unreachable,
    AuthenticationFailed,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    DiskFull,
    ConnectionDropped,
    Other,
}

/// <summary>A transport failure, classified so the engine knows whether a retry can help.</summary>
public class RemoteException : Exception
{
    public RemoteException(RemoteErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public RemoteErrorKind Kind { get; }

    /// <summary>The target may come back (network drop, unplugged disk): worth retrying within the retry window.</summary>
    public bool IsTransient => Kind is RemoteErrorKind.Unreachable or RemoteErrorKind.ConnectionDropped;
}
