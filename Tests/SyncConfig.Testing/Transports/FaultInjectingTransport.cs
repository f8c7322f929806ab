using System.Runtime.CompilerServices;
using SyncConfig.Transports;

namespace SyncConfig.Testing;

public enum FaultMode
{
    /// <summary>Operation k fails with an exception; later operations work (the engine may clean up).</summary>
    Exception,

    /// <summary>Operation k fails and every later one too: nothing the engine does afterwards reaches the target,
    /// as if the process had been killed at that point.</summary>
    AbruptStop,

    /// <summary>Operation k is carried out, but its reply is lost: the engine sees a dropped connection and repeats it.</summary>
    ReplyLost,

    /// <summary>Operation k is carried out, its reply is lost, and the process dies before the repeat reaches the target
    /// (a retry that meets a crash).</summary>
    ReplyLostThenStop,
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

    public Task ConnectAsync(CancellationToken ct) => Run("connect", "", () => inner.ConnectAsync(ct));

    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken ct) => Run("stat", path, () => inner.GetFileAsync(path, ct));

    public Task<bool> FolderExistsAsync(string path, CancellationToken ct) => Run("folder?", path, () => inner.FolderExistsAsync(path, ct));

    public async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [EnumeratorCancellation] CancellationToken ct)
    {
        var step = Step("list", folder);
        var files = new List<RemoteFileInfo>();
        await foreach (var file in inner.ListFilesAsync(folder, ct))
            files.Add(file);
        if (step == Outcome.ReplyLost)
            throw ReplyLost("list " + folder);
        foreach (var file in files)
            yield return file;
    }

    public async Task<Stream> OpenReadAsync(string path, CancellationToken ct)
    {
        var step = Step("read", path);
        var stream = await inner.OpenReadAsync(path, ct);
        if (step != Outcome.ReplyLost)
            return stream;
        await stream.DisposeAsync();
        throw ReplyLost("read " + path);
    }

    public async Task WriteAsync(string path, Stream content, WriteMode mode1, CancellationToken ct)
    {
        var step = Step("write(" + mode1 + ")", path, throwNow: false);
        if (step == Outcome.Fail)
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
        if (step == Outcome.ReplyLost)
            throw ReplyLost("write " + path);
    }

    public Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken ct) =>
        Run("verify resume", path, () => inner.VerifiedResumeOffsetAsync(path, length, openLocalRange, ct));

    public Task RenameAsync(string source, string destination, bool replace, CancellationToken ct) =>
        Run("rename", source + " -> " + destination, () => inner.RenameAsync(source, destination, replace, ct));

    public Task CopyAsync(string source, string destination, CancellationToken ct) =>
        Run("copy", source + " -> " + destination, () => inner.CopyAsync(source, destination, ct));

    public Task DeleteFileAsync(string path, CancellationToken ct) => Run("delete", path, () => inner.DeleteFileAsync(path, ct));

    public Task DeleteFolderAsync(string path, CancellationToken ct) => Run("delete folder", path, () => inner.DeleteFolderAsync(path, ct));

    public Task RemoveEmptyFolderAsync(string path, CancellationToken ct) => Run("rmdir", path, () => inner.RemoveEmptyFolderAsync(path, ct));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task Run(string operation, string path, Func<Task> apply)
    {
        var step = Step(operation, path);
        await apply();
        if (step == Outcome.ReplyLost)
            throw ReplyLost(operation + " " + path);
    }

    private async Task<T> Run<T>(string operation, string path, Func<Task<T>> apply)
    {
        var step = Step(operation, path);
        var result = await apply();
        return step == Outcome.ReplyLost ? throw ReplyLost(operation + " " + path) : result;
    }

    private enum Outcome { Proceed, Fail, ReplyLost }

    /// <param name="throwNow">False for a write, whose failure first lets half its data through.</param>
    private Outcome Step(string operation, string path, bool throwNow = true)
    {
        lock (Log)
        {
            if (_stopped)
                throw new InjectedFaultException($"target gone after operation {failAt}");
            var number = ++_count;
            Log.Add($"{number}: {operation} {path}");
            if (number != failAt)
                return Outcome.Proceed;
            Faulted = true;
            if (mode is FaultMode.AbruptStop or FaultMode.ReplyLostThenStop)
                _stopped = true;
            if (mode is FaultMode.ReplyLost or FaultMode.ReplyLostThenStop)
                return Outcome.ReplyLost;
            if (throwNow)
                throw Fault(operation + " " + path);
            return Outcome.Fail;
        }
    }

    /// <summary>A lost reply looks like a dropped connection: the engine retries.</summary>
    private RemoteException ReplyLost(string what) =>
        new(RemoteErrorKind.ConnectionDropped, $"the reply to operation {failAt} ({what}) was lost");

    private RemoteException Fault(string what) => transient
        ? new RemoteException(RemoteErrorKind.ConnectionDropped, $"connection dropped at operation {failAt} ({what})")
        : new InjectedFaultException($"injected fault at operation {failAt} ({what})");
}
