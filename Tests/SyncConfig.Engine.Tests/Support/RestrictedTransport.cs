using SyncConfig.Transports;
using SyncConfig.Transports.LocalPath;

namespace SyncConfig.Engine.Tests.Support;

/// <summary>
/// The Local Path transport held to another target's limits, before that target's transport exists: it declares
/// only the given capabilities and enforces their semantics, so a protocol that leans on anything more fails.
/// </summary>
public sealed class RestrictedTransport : IRemoteTransport
{
    /// <summary>
    /// Where object-store writes sit until complete (outside the sync's folder, like S3's pending multipart parts):
    /// one pending write per path, so an interrupted one can be verified and continued as S3 continues a multipart upload.
    /// </summary>
    public const string IncompleteFolder = ".incomplete";
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
    public Task<bool> FolderExistsAsync(string path, CancellationToken ct) => _inner.FolderExistsAsync(path, ct);
    public IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, CancellationToken ct) => _inner.ListFilesAsync(folder, ct);
    public Task<Stream> OpenReadAsync(string path, CancellationToken ct) => _inner.OpenReadAsync(path, ct);

    public async Task DeleteFileAsync(string path, CancellationToken ct)
    {
        await _inner.DeleteFileAsync(path, ct);
        if (Capabilities.AtomicWrites)
            await _inner.DeleteFileAsync(Pending(path), ct);
    }

    public async Task DeleteFolderAsync(string path, CancellationToken ct)
    {
        await _inner.DeleteFolderAsync(path, ct);
        if (!Capabilities.AtomicWrites)
            return;
        await foreach (var pending in _inner.ListFilesAsync(IncompleteFolder, ct))
        {
            if (PathOf(pending.Path).StartsWith(path + "/", StringComparison.Ordinal))
                await _inner.DeleteFileAsync(pending.Path, ct);
        }
    }
    public ValueTask DisposeAsync() => _inner.DisposeAsync();

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
        var pending = Pending(path);
        await _inner.WriteAsync(pending, content, mode, ct);
        await _inner.RenameAsync(pending, path, replace: true, ct);
    }

    public Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken ct)
    {
        if (!Capabilities.ResumableWrites)
            throw NotOffered("resuming a write");
        return _inner.VerifiedResumeOffsetAsync(Capabilities.AtomicWrites ? Pending(path) : path, length, openLocalRange, ct);
    }

    private static string Pending(string path) => IncompleteFolder + "/" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(path));

    private static string PathOf(string pending) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromHexString(pending[(pending.LastIndexOf('/') + 1)..]));

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
