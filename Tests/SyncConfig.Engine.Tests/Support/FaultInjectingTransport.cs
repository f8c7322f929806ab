using System.Runtime.CompilerServices;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Tests.Support;

public enum FaultMode
{
    /// <summary>Operation k fails with an exception; later operations work (the engine may clean up).</summary>
    Exception,

    /// <summary>Operation k fails and every later one too: nothing the engine does afterwards reaches the target,
    /// as if the process had been killed at that point.</summary>
    AbruptStop,
}

/// <summary>The injected failure: not transient, so the engine cannot retry its way past it.</summary>
public sealed class InjectedFaultException(string message) : RemoteException(RemoteErrorKind.Other, message);

/// <summary>
/// Counts the target operations and fails at operation k. A failing write leaves half its data behind. With
/// <paramref name="transient"/> the failure is a dropped connection, which the engine retries.
/// </summary>
public sealed class FaultInjectingTransport(IRemoteTransport inner, int failAt = 0, FaultMode mode = FaultMode.Exception, bool transient = false) : IRemoteTransport
{
    private int _count;
    private bool _stopped;

    public int Operations => _count;
    public bool Faulted { get; private set; }
    public List<string> Log { get; } = [];

    public TransportCapabilities Capabilities => inner.Capabilities;
    public string DisplayName => inner.DisplayName;

    public Task ConnectAsync(CancellationToken ct) { Step("connect", ""); return inner.ConnectAsync(ct); }

    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken ct) { Step("stat", path); return inner.GetFileAsync(path, ct); }

    public Task<bool> FolderExistsAsync(string path, CancellationToken ct) { Step("folder?", path); return inner.FolderExistsAsync(path, ct); }

    public async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [EnumeratorCancellation] CancellationToken ct)
    {
        Step("list", folder);
        await foreach (var file in inner.ListFilesAsync(folder, ct))
            yield return file;
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken ct) { Step("read", path); return inner.OpenReadAsync(path, ct); }

    public async Task WriteAsync(string path, Stream content, WriteMode mode1, CancellationToken ct)
    {
        if (Step("write(" + mode1 + ")", path, throwNow: false))
        {
            // The connection drops mid-transfer: half the data arrives, where the target lets partial data show.
            var half = new MemoryStream();
            await content.CopyToAsync(half, ct);
            half.SetLength(half.Length / 2);
            half.Position = 0;
            if (half.Length > 0 && !inner.Capabilities.AtomicWrites)
                await inner.WriteAsync(path, half, mode1, ct);
            throw Fault($"write {path}");
        }
        await inner.WriteAsync(path, content, mode1, ct);
    }

    public Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken ct)
    { Step("verify resume", path); return inner.VerifiedResumeOffsetAsync(path, length, openLocalRange, ct); }

    public Task RenameAsync(string source, string destination, bool replace, CancellationToken ct)
    { Step("rename", source + " -> " + destination); return inner.RenameAsync(source, destination, replace, ct); }

    public Task CopyAsync(string source, string destination, CancellationToken ct)
    { Step("copy", source + " -> " + destination); return inner.CopyAsync(source, destination, ct); }

    public Task DeleteFileAsync(string path, CancellationToken ct) { Step("delete", path); return inner.DeleteFileAsync(path, ct); }

    public Task DeleteFolderAsync(string path, CancellationToken ct) { Step("delete folder", path); return inner.DeleteFolderAsync(path, ct); }

    public Task RemoveEmptyFolderAsync(string path, CancellationToken ct) { Step("rmdir", path); return inner.RemoveEmptyFolderAsync(path, ct); }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <returns>True when this write is the one to fail (the caller writes half and throws).</returns>
    private bool Step(string operation, string path, bool throwNow = true)
    {
        lock (Log)
        {
            if (_stopped)
                throw new InjectedFaultException($"target gone after operation {failAt}");
            var number = ++_count;
            Log.Add($"{number}: {operation} {path}");
            if (number != failAt)
                return false;
            Faulted = true;
            if (mode == FaultMode.AbruptStop)
                _stopped = true;
            if (throwNow)
                throw Fault(operation + " " + path);
            return true;
        }
    }

    private RemoteException Fault(string what) => transient
        ? new RemoteException(RemoteErrorKind.ConnectionDropped, $"connection dropped at operation {failAt} ({what})")
        : new InjectedFaultException($"injected fault at operation {failAt} ({what})");
}
