namespace SyncConfig.Transports;

/// <summary>
/// A transport whose server proves who it is (an SSH host key, a TLS certificate) says what it saw, so the connection
/// test can print it and the user can pin it in the definition.
/// </summary>
public interface IServerIdentity
{
    /// <summary>One sentence about the identity seen at the last connect and whether it is pinned; null before any.</summary>
    string? ServerIdentity { get; }
}
