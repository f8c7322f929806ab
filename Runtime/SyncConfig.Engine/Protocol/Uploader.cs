using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using SyncConfig.Engine.Repository;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Protocol;

/// <summary>Streams a snapshot file to the target, hashing it on the way, resuming where the target allows.</summary>
internal sealed class Uploader(RemoteFolder remote, RepositorySnapshot snapshot)
{
    private const int BufferSize = 1 << 20;

    public Task<ManifestEntry> UploadAsync(SnapshotFile file, string destination, CancellationToken ct) =>
        remote.Retry.RunAsync(async (attempt, c) =>
        {
            long offset = 0;
            if (attempt > 0 && remote.Capabilities is { ResumableWrites: true, AtomicWrites: false }
                && await remote.Transport.GetFileAsync(destination, c) is { } partial && partial.Length <= file.Length)
                offset = partial.Length;

            var localPath = snapshot.FullPath(file.Path);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            // Read-ahead advice costs a syscall that only a file of more than one read can repay.
            using (var local = File.OpenHandle(localPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite,
                       file.Length > BufferSize ? FileOptions.SequentialScan : FileOptions.None))
            {
                if (offset > 0)
                    await HashPrefixAsync(local, hash, offset, c);
                var body = new HashingStream(local, hash, offset, file.Length - offset);
                await remote.Transport.WriteAsync(destination, body, offset > 0 ? WriteMode.Append : WriteMode.Replace, c);
                if (body.BytesRead != file.Length - offset)
                    throw Changed(file);
            }
            var now = new FileInfo(localPath);
            if ((now.Attributes & FileAttributes.ReparsePoint) != 0)
                now = now.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? now;
            if (!now.Exists || now.Length != file.Length || now.LastWriteTimeUtc.Ticks != file.ModifiedTicks)
                throw Changed(file);
            return new ManifestEntry(file.Path, file.Length, file.ModifiedTicks, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }, ct);

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

    /// <summary>The SHA-256 of a file read whole (reinitialize compares what is already on the target).</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken ct) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
}
