namespace SyncConfig.Transports;

/// <summary>
/// The operations the commit protocol needs from a target. Paths are relative to the target path
/// (the parent the sync's folder lives in), '/'-separated, never starting with '/'; "" is the target path.
/// Every operation throws <see cref="RemoteException"/> on failure, never with a secret in its message.
/// </summary>
public interface IRemoteTransport : IAsyncDisposable
{
    TransportCapabilities Capabilities { get; }

    /// <summary>Where the target is, for messages (no credentials).</summary>
    string DisplayName { get; }

    /// <summary>Reach the server and authenticate; the target path must exist.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>The file's length, or null when there is no such file.</summary>
    Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken cancellationToken);

    /// <summary>Whether the folder exists (object stores: whether anything lies under the prefix).</summary>
    Task<bool> FolderExistsAsync(string path, CancellationToken cancellationToken);

    /// <summary>Every file under the folder, at any depth; empty when the folder does not exist.</summary>
    IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Write <paramref name="content"/> (read to its end) to the file, creating parent folders.</summary>
    Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken cancellationToken);

    /// <summary>
    /// Move a file (needs <see cref="TransportCapabilities.Rename"/>). With <paramref name="replace"/> false an existing
    /// destination fails with <see cref="RemoteErrorKind.AlreadyExists"/>; with true it is replaced, atomically only
    /// where <see cref="TransportCapabilities.AtomicRenameReplace"/> says so.
    /// </summary>
    Task RenameAsync(string source, string destination, bool replace, CancellationToken cancellationToken);

    /// <summary>Copy on the server, replacing the destination (needs <see cref="TransportCapabilities.ServerSideCopy"/>).</summary>
    Task CopyAsync(string source, string destination, CancellationToken cancellationToken);

    /// <summary>Delete a file; a missing file is not an error.</summary>
    Task DeleteFileAsync(string path, CancellationToken cancellationToken);

    /// <summary>Delete a folder and everything under it; a missing folder is not an error.</summary>
    Task DeleteFolderAsync(string path, CancellationToken cancellationToken);

    /// <summary>Remove the folder if it holds nothing (no-op without <see cref="TransportCapabilities.Folders"/>).</summary>
    Task RemoveEmptyFolderAsync(string path, CancellationToken cancellationToken);
}
