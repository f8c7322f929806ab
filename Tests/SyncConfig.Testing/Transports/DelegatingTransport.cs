using SyncConfig.Transports;

namespace SyncConfig.Testing;

/// <summary>Passes every operation on; a test overrides the one it wants to disturb.</summary>
public abstract class DelegatingTransport(IRemoteTransport inner) : IRemoteTransport
{
    public virtual TransportCapabilities Capabilities => inner.Capabilities;
    public string DisplayName => inner.DisplayName;

    protected virtual void Before(string operation) { }

    public Task ConnectAsync(CancellationToken ct) { Before("connect"); return inner.ConnectAsync(ct); }
    public virtual Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken ct) { Before("stat"); return inner.GetFileAsync(path, ct); }
    public virtual Task<bool> FolderExistsAsync(string path, CancellationToken ct) { Before("folder?"); return inner.FolderExistsAsync(path, ct); }
    public virtual IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, CancellationToken ct) { Before("list"); return inner.ListFilesAsync(folder, ct); }
    public virtual Task<Stream> OpenReadAsync(string path, CancellationToken ct) { Before("read"); return inner.OpenReadAsync(path, ct); }
    public virtual Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct) { Before("write"); return inner.WriteAsync(path, content, mode, ct); }
    public virtual Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken ct) { Before("verify resume"); return inner.VerifiedResumeOffsetAsync(path, length, openLocalRange, ct); }
    public virtual Task RenameAsync(string source, string destination, bool replace, CancellationToken ct) { Before("rename"); return inner.RenameAsync(source, destination, replace, ct); }
    public virtual Task CopyAsync(string source, string destination, CancellationToken ct) { Before("copy"); return inner.CopyAsync(source, destination, ct); }
    public virtual Task DeleteFileAsync(string path, CancellationToken ct) { Before("delete"); return inner.DeleteFileAsync(path, ct); }
    public virtual Task DeleteFolderAsync(string path, CancellationToken ct) { Before("delete folder"); return inner.DeleteFolderAsync(path, ct); }
    public virtual Task RemoveEmptyFolderAsync(string path, CancellationToken ct) { Before("rmdir"); return inner.RemoveEmptyFolderAsync(path, ct); }
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
