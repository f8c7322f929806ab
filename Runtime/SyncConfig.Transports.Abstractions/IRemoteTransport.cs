namespace SyncConfig.Transports;

/// <summary>
/// The operations the commit protocol needs from a target. Paths are relative to the target path
/// (the parent the sync's folder lives in), '/'-separated, never starting with '/'; "" is the target path.
/// Every operation throws <see cref="RemoteException"/> on failure, never with a secret in its message. "Absent" is an
/// answer only while the target answers: a target that has gone (unplugged disk, dropped server) is
/// <see cref="RemoteErrorKind.Unreachable"/>, never an empty one. Tests/SyncConfig.Transports.Conformance.Tests holds
/// every transport to this contract.
/// The engine may repeat any operation after a lost reply (the server applied it, the answer never came): a repeated
/// delete of a missing file succeeds, and the engine itself checks whether a repeated rename had already happened.
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

    /// <summary>
    /// Write <paramref name="content"/> (read to its end) to the file, creating parent folders. Where
    /// <see cref="TransportCapabilities.AtomicWrites"/> holds, a write repeated after a failed one may continue what
    /// that one left pending (S3 multipart parts) instead of sending it all again, verifying what it skips.
    /// </summary>
    Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken cancellationToken);

    /// <summary>
    /// How much of an interrupted write at <paramref name="path"/> is verified to hold the local bytes, so the upload can
    /// continue there with <see cref="WriteMode.Append"/> instead of trusting whatever the target holds (needs
    /// <see cref="TransportCapabilities.ResumableWrites"/>). The transport compares what it can: file systems read the
    /// remote prefix back and compare it chunk by chunk with <paramref name="openLocalRange"/> (<see cref="ResumePrefix"/>);
    /// FTP may use HASH/XSHA256 where the server offers it. Everything past the returned offset is discarded by this
    /// call (the file cut back), so <see cref="WriteMode.Append"/> continues exactly there.
    /// </summary>
    /// <param name="length">The local file's full length: a remote file longer than that is not a prefix of it.</param>
    /// <param name="openLocalRange">Opens the local bytes from an offset for a count of bytes; the caller disposes it.</param>
    /// <returns>The verified length; 0 when there is nothing to continue (no such write, or nothing matched). The engine
    /// then writes the file whole with <see cref="WriteMode.Replace"/>.</returns>
    Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken cancellationToken);

    /// <summary>
    /// Move a file (needs <see cref="TransportCapabilities.Rename"/>), creating parent folders. With
    /// <paramref name="replace"/> false an existing destination fails with <see cref="RemoteErrorKind.AlreadyExists"/>
    /// where <see cref="TransportCapabilities.ExclusiveCreate"/> holds (elsewhere, FTP, the server decides); true is
    /// only asked of a target with <see cref="TransportCapabilities.AtomicRenameReplace"/>.
    /// </summary>
    Task RenameAsync(string source, string destination, bool replace, CancellationToken cancellationToken);

    /// <summary>Copy on the server, replacing the destination (needs <see cref="TransportCapabilities.ServerSideCopy"/>).</summary>
    Task CopyAsync(string source, string destination, CancellationToken cancellationToken);

    /// <summary>
    /// Delete a file; a missing file is not an error. An interrupted write at that path is discarded too (S3: its
    /// pending multipart upload aborted), so nothing keeps costing storage.
    /// </summary>
    Task DeleteFileAsync(string path, CancellationToken cancellationToken);

    /// <summary>Delete a folder and everything under it (interrupted writes included); a missing folder is not an error.</summary>
    Task DeleteFolderAsync(string path, CancellationToken cancellationToken);

    /// <summary>Remove the folder if it holds nothing (no-op without <see cref="TransportCapabilities.Folders"/>).</summary>
    Task RemoveEmptyFolderAsync(string path, CancellationToken cancellationToken);
}
