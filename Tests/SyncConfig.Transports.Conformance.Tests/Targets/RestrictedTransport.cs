using System.Runtime.CompilerServices;
using SyncConfig.Transports.LocalPath;

namespace SyncConfig.Transports.Conformance.Tests.Targets;

/// <summary>
/// The Local Path transport held to another target's limits, before that target's transport exists: it declares
/// only the given capabilities and enforces their semantics, so a protocol that leans on anything more fails.
/// </summary>
public sealed class RestrictedTransport : IRemoteTransport
{
    /// <summary>Where object-store writes sit until complete: outside the sync's folder and out of listings, like S3's pending multipart parts.</summary>
    private const string IncompleteFolder = ".incomplete";
    private readonly LocalPathTransport _inner;

    public RestrictedTransport(string targetPath, TransportCapabilities capabilities)
    {
        _inner = new LocalPathTransport(targetPath);
        Capabilities = capabilities;
    }

    public TransportCapabilities Capabilities { get; }
    public string DisplayName => _inner.DisplayName;

    public Task ConnectAsync(CancellationToken ct) => _inner.ConnectAsync(ct);
    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken ct) => _inner.GetFileAsync(path, ct);
    public Task<Stream> OpenReadAsync(string path, CancellationToken ct) => _inner.OpenReadAsync(path, ct);
    public Task DeleteFileAsync(string path, CancellationToken ct) => _inner.DeleteFileAsync(path, ct);

    public Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken ct) =>
        Capabilities.ResumableWrites ? _inner.VerifiedResumeOffsetAsync(path, length, openLocalRange, ct) : throw NotOffered("resuming a write");
    public Task DeleteFolderAsync(string path, CancellationToken ct) => _inner.DeleteFolderAsync(path, ct);
    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    /// <summary>Without folders of its own, a folder exists while anything lies under it (an object-store prefix).</summary>
    public async Task<bool> FolderExistsAsync(string path, CancellationToken ct)
    {
        if (Capabilities.Folders)
            return await _inner.FolderExistsAsync(path, ct);
        await foreach (var _ in ListFilesAsync(path, ct))
            return true;
        return false;
    }

    public async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var file in _inner.ListFilesAsync(folder, ct))
        {
            if (!file.Path.StartsWith(IncompleteFolder + "/", StringComparison.Ordinal))
                yield return file;
        }
    }

    public Task RemoveEmptyFolderAsync(string path, CancellationToken ct) =>
        Capabilities.Folders ? _inner.RemoveEmptyFolderAsync(path, ct) : throw NotOffered("folders");

    public async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
    {
        if (mode == WriteMode.CreateNew && !Capabilities.ExclusiveCreate)
            throw NotOffered("exclusive create");
        if (mode == WriteMode.Append && !Capabilities.ResumableWrites)
            throw NotOffered("appending to a file");
        if (!Capabilities.AtomicWrites)
        {
            await _inner.WriteAsync(path, content, mode, ct);
            return;
        }
        // An object appears whole once its upload completes, never in part.
        var pending = IncompleteFolder + "/" + Guid.NewGuid().ToString("N");
        try
        {
            await _inner.WriteAsync(pending, content, WriteMode.Replace, ct);
        }
        catch
        {
            // Nothing of a failed upload shows (S3 keeps its parts out of sight, for the transport to resume).
            await _inner.DeleteFileAsync(pending, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        await _inner.RenameAsync(pending, path, replace: true, ct);
    }

    public async Task RenameAsync(string source, string destination, bool replace, CancellationToken ct)
    {
        if (!Capabilities.Rename)
            throw NotOffered("rename");
        if (replace && !Capabilities.AtomicRenameReplace)
            throw NotOffered("atomic rename onto an existing file");
        if (!replace && !Capabilities.ExclusiveCreate)
        {
            // FTP: what RNTO does to an existing file is up to the server; assume the worst, it replaces.
            await _inner.RenameAsync(source, destination, replace: true, ct);
            return;
        }
        await _inner.RenameAsync(source, destination, replace, ct);
    }

    public async Task CopyAsync(string source, string destination, CancellationToken ct)
    {
        if (!Capabilities.ServerSideCopy)
            throw NotOffered("server-side copy");
        var pending = IncompleteFolder + "/" + Guid.NewGuid().ToString("N");
        await _inner.CopyAsync(source, pending, ct);
        await _inner.RenameAsync(pending, destination, replace: true, ct);
    }

    private InvalidOperationException NotOffered(string what) =>
        new($"The protocol used {what}, which this target ({string.Join(", ", Describe())}) does not offer.");

    private IEnumerable<string> Describe() => typeof(TransportCapabilities).GetProperties()
        .Where(p => p.PropertyType == typeof(bool) && (bool)p.GetValue(Capabilities)!).Select(p => p.Name);
}
