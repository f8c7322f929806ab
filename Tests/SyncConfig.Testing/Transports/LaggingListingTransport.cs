using System.Runtime.CompilerServices;
using SyncConfig.Transports;

namespace SyncConfig.Testing;

/// <summary>
/// What the listings of one target have not caught up with yet: the files changed by its last few operations, with
/// what a listing still shows for them. Shared by every transport opened onto the target, as a store's lag is.
/// </summary>
public sealed class ListingLag(int operations)
{
    private readonly List<(int At, string Path, RemoteFileInfo? Shown)> _changes = [];
    private int _clock;

    public void Tick()
    {
        lock (_changes)
            _clock++;
    }

    /// <summary>A file is about to change; until the lag has passed, listings keep showing <paramref name="before"/>.</summary>
    public void Changing(string path, RemoteFileInfo? before)
    {
        lock (_changes)
        {
            // Only the oldest pending change of a path says what a lagging listing still shows.
            if (!_changes.Any(c => c.Path == path && c.At > _clock - operations))
                _changes.Add((_clock, path, before));
        }
    }

    public List<RemoteFileInfo> Apply(string folder, List<RemoteFileInfo> actual)
    {
        lock (_changes)
        {
            _changes.RemoveAll(c => c.At <= _clock - operations);
            var shown = actual.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var prefix = folder.Length == 0 ? "" : folder + "/";
            foreach (var (_, path, before) in _changes)
            {
                if (!path.StartsWith(prefix, StringComparison.Ordinal))
                    continue;
                if (before is { } old)
                    shown[path] = old;
                else
                    shown.Remove(path);
            }
            return shown.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        }
    }
}

/// <summary>
/// A target whose listings lag behind its writes (some object stores' listings are eventually consistent): a listing
/// shows the files of the last few operations as they were before. Reading a file by its exact name is current.
/// </summary>
public sealed class LaggingListingTransport(IRemoteTransport inner, ListingLag lag) : DelegatingTransport(inner)
{
    private readonly IRemoteTransport _inner = inner;

    protected override void Before(string operation) => lag.Tick();

    public override IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, CancellationToken ct) => ListedAsync(folder, ct);

    public override async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
    {
        await ChangingAsync(path, ct);
        await base.WriteAsync(path, content, mode, ct);
    }

    public override async Task RenameAsync(string source, string destination, bool replace, CancellationToken ct)
    {
        await ChangingAsync(source, ct);
        await ChangingAsync(destination, ct);
        await base.RenameAsync(source, destination, replace, ct);
    }

    public override async Task CopyAsync(string source, string destination, CancellationToken ct)
    {
        await ChangingAsync(destination, ct);
        await base.CopyAsync(source, destination, ct);
    }

    public override async Task DeleteFileAsync(string path, CancellationToken ct)
    {
        await ChangingAsync(path, ct);
        await base.DeleteFileAsync(path, ct);
    }

    public override async Task DeleteFolderAsync(string path, CancellationToken ct)
    {
        await foreach (var file in _inner.ListFilesAsync(path, ct))
            lag.Changing(file.Path, file);
        await base.DeleteFolderAsync(path, ct);
    }

    private async Task ChangingAsync(string path, CancellationToken ct) => lag.Changing(path, await _inner.GetFileAsync(path, ct));

    private async IAsyncEnumerable<RemoteFileInfo> ListedAsync(string folder, [EnumeratorCancellation] CancellationToken ct)
    {
        var actual = new List<RemoteFileInfo>();
        await foreach (var file in base.ListFilesAsync(folder, ct))
            actual.Add(file);
        foreach (var file in lag.Apply(folder, actual))
            yield return file;
    }
}
