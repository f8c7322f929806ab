namespace SyncConfig.Transports.Conformance.Tests.Targets;

/// <summary>
/// A kind of target the suite runs against: it makes fresh, empty targets. Each transport's test class supplies one
/// (a real server's makes a new folder on that server for every target).
/// </summary>
public abstract class TargetUnderTest
{
    /// <summary>How the crash matrix's summary line and failure messages name it.</summary>
    public abstract string Name { get; }

    /// <summary>A fresh, empty target path, for one test alone.</summary>
    public abstract Task<TestTarget> CreateAsync();

    /// <summary>
    /// How many operations of each matrix run the crash matrix stops a sync at: null for every one, where a sync takes
    /// milliseconds. A real server's syncs take long enough that its matrix samples them, spread from the first operation
    /// to the last; 0 leaves the matrix to another class of the same transport (one run of it per transport is enough).
    /// </summary>
    public virtual int? CrashPointsPerRun => null;

    public override string ToString() => Name;
}

/// <summary>One fresh target: opens transports onto it and can be cut off. Disposing it disposes every transport it opened.</summary>
public abstract class TestTarget : IAsyncDisposable
{
    private readonly List<IRemoteTransport> _opened = [];

    /// <summary>
    /// The credentials the transport was given, which must never show in its display name or its messages; empty
    /// where the target takes none.
    /// </summary>
    public virtual IReadOnlyList<string> Secrets => [];

    /// <summary>A new transport onto the target, not connected yet (every sync makes its own, as the runtime does).</summary>
    public IRemoteTransport Open()
    {
        var transport = CreateTransport();
        lock (_opened)
            _opened.Add(transport);
        return transport;
    }

    /// <summary>
    /// Make the target unreachable to the transports already open on it, as an unplugged disk or a dropped network is:
    /// a local folder vanishes, a server's connections are cut.
    /// </summary>
    public abstract Task CutOffAsync();

    protected abstract IRemoteTransport CreateTransport();

    /// <summary>Remove the target path and everything in it.</summary>
    protected abstract ValueTask RemoveAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _opened)
            await transport.DisposeAsync();
        await RemoveAsync();
    }
}
