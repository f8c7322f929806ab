using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using SyncConfig.Engine.FileSystem;
using SyncConfig.Engine.Repository;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// Streams a snapshot file to the target, hashing it on the way. An upload that was interrupted (in this process, or
/// in one that was killed) continues only from what the transport verified against the local bytes, and every upload
/// ends with the remote size checked.
/// </summary>
internal sealed class Uploader(RemoteFolder remote, RepositorySnapshot snapshot)
{
    private const int BufferSize = 1 << 20;

    /// <param name="partialOnTarget">The folder's listing showed a file at <paramref name="destination"/>: the bytes of an
    /// attempt that a rollback kept.</param>
    /// <param name="streamed">Told, after each read the transport makes, how many bytes of the file are on their way
    /// (a resumed prefix included).</param>
    public Task<ManifestEntry> UploadAsync(SnapshotFile file, string destination, bool partialOnTarget, Action<long>? streamed, CancellationToken ct) =>
        remote.Retry.RunAsync(async (attempt, c) =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            // Read-ahead advice costs a syscall that only a file of more than one read can repay.
            using (var local = snapshot.Open(file, sequential: file.Length > BufferSize) ?? throw Changed(file))
            {
                // The resumed prefix is compared with the file that was checked, not with whatever its path names now.
                long offset = 0;
                if (MayResume(file, attempt, partialOnTarget))
                    offset = await remote.Transport.VerifiedResumeOffsetAsync(destination, file.Length,
                        (from, count) => new HashingStream(local, null, from, count), c);
                if (offset > 0)
                    await HashPrefixAsync(local, hash, offset, c);
                var body = new HashingStream(local, hash, offset, file.Length - offset, onRead: streamed is null ? null : bytes => streamed(offset + bytes));
                streamed?.Invoke(offset);
                await remote.Transport.WriteAsync(destination, body, offset > 0 ? WriteMode.Append : WriteMode.Replace, c);
                if (body.BytesRead != file.Length - offset)
                    throw Changed(file);
                // The open file itself, not its path: a backup writing into it moves its time or size.
                var now = LocalFiles.Status(local);
                if (now.Length != file.Length || now.ModifiedTicks != file.ModifiedTicks)
                    throw Changed(file);
            }
            // A transfer the server cut short without an error (FTP's 426 after the data, a full quota) shows here.
            var written = await remote.Transport.GetFileAsync(destination, c);
            if (written?.Length != file.Length)
                throw new RemoteException(RemoteErrorKind.ConnectionDropped,
                    $"'{destination}' holds {written?.Length ?? 0} bytes on the target after its upload, not {file.Length}; it is sent again.");
            return new ManifestEntry(file.Path, file.Length, file.ModifiedTicks, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }, ct);

    /// <summary>
    /// Where partial files are visible: after a failed attempt, or when the listing showed one an earlier (maybe killed)
    /// sync left. Object stores resume inside their own repeated write instead.
    /// </summary>
    private bool MayResume(SnapshotFile file, int attempt, bool partialOnTarget) =>
        remote.Capabilities.ResumableWrites && file.Length > 0 && (attempt > 0 || partialOnTarget);

    private static async Task HashPrefixAsync(SafeFileHandle local, IncrementalHash hash, long length, CancellationToken ct)
    {
        var buffer = new byte[BufferSize];
        for (long position = 0; position < length;)
        {
            var read = await RandomAccess.ReadAsync(local, buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - position)), position, ct);
            if (read == 0)
                break;
            hash.AppendData(buffer, 0, read);
            position += read;
        }
    }

    private static SyncException Changed(SnapshotFile file) => new(SyncErrorKind.RepositoryChanged,
        $"'{file.Path}' changed while it was being uploaded. Backups writing to the repository must hold a lease (syncconfig lease).");

    /// <summary>The SHA-256 of a file read whole (reinitialize and verify compare what is already on the target).</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken ct) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
}
