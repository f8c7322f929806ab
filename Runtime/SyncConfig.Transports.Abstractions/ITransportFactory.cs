namespace SyncConfig.Transports;

/// <summary>
/// Makes a transport project's transport for the destinations it serves; the runtime keeps one list of them.
/// <typeparamref name="TDestination"/> is the definitions' destination model, left open so the contract (and the
/// engine with it) does not depend on the definition language.
/// </summary>
public interface ITransportFactory<in TDestination>
{
    /// <summary>The destination kind, as messages name it (for example "Local Path").</summary>
    string Kind { get; }

    /// <summary>Whether this transport serves the destination (a kind may need more than its settings type to tell).</summary>
    bool CanCreate(TDestination destination);

    /// <summary>A transport for the resolved destination, not yet connected.</summary>
    IRemoteTransport Create(TDestination destination);
}
