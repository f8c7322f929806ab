using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// The sync's folder on the target: the plain mirror plus the metadata folder <c>.syncconfig/</c>
/// (id, lock, manifests/, journal.json, staging/, tmp/). Every call goes through the retry window, and every call is
/// safe to repeat after a lost reply.
/// </summary>
internal sealed class RemoteFolder
{
    public const string MetadataName = ".syncconfig";
    private readonly IRemoteTransport _transport;
    private readonly RemoteRetry _retry;

    public RemoteFolder(IRemoteTransport transport, string folderName, RemoteRetry retry)
    {
        _transport = transport;
        _retry = retry;
        Root = folderName.Trim('/');
        var caps = transport.Capabilities;
        if (!caps.Rename && !caps.AtomicWrites)
            throw new SyncException(SyncErrorKind.Other, $"The target {transport.DisplayName} can neither rename files nor write them atomically; no commit can be made safe on it.");
        if (!caps.Rename && !caps.ServerSideCopy)
            throw new SyncException(SyncErrorKind.Other, $"The target {transport.DisplayName} can neither rename nor copy files; staged uploads could not be moved into place.");
        if (caps.ResumableWrites && caps.AtomicWrites)
            throw new SyncException(SyncErrorKind.Other, $"The transport of {transport.DisplayName} declares both appending to a partial file and atomic writes, which show no partial file; its capabilities contradict each other.");
        Names = new NameKeys(caps.CaseInsensitiveNames);
    }

    public string Root { get; }
    public TransportCapabilities Capabilities => _transport.Capabilities;
    public IRemoteTransport Transport => _transport;
    public RemoteRetry Retry => _retry;

    /// <summary>How the target compares names: exactly, or folded where it ignores case.</summary>
    public NameKeys Names { get; }

    private string Metadata => Root + "/" + MetadataName;
    public string IdPath => Metadata + "/id";
    public string TakeoverPath => Metadata + "/takeover.json";
    public string LockPath => Metadata + "/lock";
    public string LocksFolder => Metadata + "/locks";
    public string JournalPath => Metadata + "/journal.json";
    public string ManifestsFolder => Metadata + "/manifests";
    public string StagingFolder => Metadata + "/staging";
    public string TemporaryFolder => Metadata + "/tmp";

    public string Mirror(string path) => Root + "/" + path;
    public string Staging(string path) => StagingFolder + "/" + path;
    public string ManifestPath(ManifestName name) => ManifestsFolder + "/" + name.FileName;
    public string LockFile(string token, int renewal) => LocksFolder + "/" + token + "-" + renewal + ".json";

    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken ct) => _retry.RunAsync(c => _transport.GetFileAsync(path, c), ct);
    public Task DeleteFileAsync(string path, CancellationToken ct) => _retry.RunAsync(c => _transport.DeleteFileAsync(path, c), ct);
    public Task DeleteFolderAsync(string path, CancellationToken ct) => _retry.RunAsync(c => _transport.DeleteFolderAsync(path, c), ct);

    /// <summary>
    /// Empty tmp/ of writes that never got their final name. Only the lock's holder does this, but syncs still waiting
    /// for a listing lock write their lock files through tmp/ meanwhile: what is listed goes, a file that appears after
    /// the listing is theirs (a recursive delete fails on it, or takes it from under its rename), and the folder stays
    /// (removed, it would be gone from under their writes: FTP servers then refuse the STOR outright).
    /// </summary>
    public async Task ClearTemporaryFolderAsync(CancellationToken ct)
    {
        foreach (var file in await ListAsync(TemporaryFolder, ct))
            await DeleteFileAsync(file.Path, ct);
    }

    public Task RemoveEmptyFolderAsync(string path, CancellationToken ct) =>
        Capabilities.Folders ? _retry.RunAsync(c => _transport.RemoveEmptyFolderAsync(path, c), ct) : Task.CompletedTask;

    /// <summary>
    /// The files under <paramref name="folder"/>, each checked to lie inside it: the names come from the server, and a
    /// listed <c>..</c>, absolute path or NUL would steer the deletes of tmp/, locks/ and staging/ out of the folder.
    /// </summary>
    public async Task<List<RemoteFileInfo>> ListAsync(string folder, CancellationToken ct)
    {
        var files = await _retry.RunAsync(async c =>
        {
            var listed = new List<RemoteFileInfo>();
            await foreach (var file in _transport.ListFilesAsync(folder, c))
                listed.Add(file);
            return listed;
        }, ct);
        var prefix = folder + "/";
        foreach (var file in files)
        {
            if (!file.Path.StartsWith(prefix, StringComparison.Ordinal) || !RemotePath.IsBelow(file.Path[prefix.Length..]))
            {
                throw new SyncException(SyncErrorKind.Other,
                    $"{_transport.DisplayName} listed '{file.Path}' in {folder}, a name that is not inside that folder. SyncConfig acts on no " +
                    "such name; check the server (a file by that name, or a server that reports names wrongly) before the next sync.");
            }
        }
        return files;
    }

    /// <summary>
    /// One listing of the whole folder, split into the mirror's files and the staged uploads (paths relative to the
    /// mirror in both): what each sync holds against its committed manifest to find damage, and partial uploads to continue.
    /// </summary>
    public async Task<FolderListing> ListFolderAsync(CancellationToken ct)
    {
        var prefix = Root + "/";
        var staging = StagingFolder + "/";
        var mirror = new List<RemoteFileInfo>();
        var staged = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in await ListAsync(Root, ct))
        {
            if (file.Path.StartsWith(staging, StringComparison.Ordinal))
                staged[file.Path[staging.Length..]] = file.Length;
            else if (!file.Path.StartsWith(Metadata + "/", StringComparison.Ordinal))
                mirror.Add(file with { Path = file.Path[prefix.Length..] });
        }
        return new FolderListing(mirror, staged);
    }

    public Task<byte[]?> ReadAllAsync(string path, CancellationToken ct) => _retry.RunAsync(async c =>
    {
        try
        {
            await using var stream = await _transport.OpenReadAsync(path, c);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, c);
            return buffer.ToArray();
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.NotFound)
        {
            return null;
        }
    }, ct);

    /// <summary>
    /// Make <paramref name="path"/> appear whole or not at all: one PUT where writes are atomic, else a write under
    /// tmp/ and a rename onto a name that does not exist yet (so no rename-over-existing is ever needed).
    /// </summary>
    public Task WriteWholeAsync(string path, byte[] content, CancellationToken ct) =>
        WriteWholeAsync(path, () => new MemoryStream(content), replace: false, ct);

    /// <summary>Replace an existing file whole (needs <see cref="TransportCapabilities.AtomicRenameReplace"/> or atomic writes).</summary>
    public Task ReplaceWholeAsync(string path, byte[] content, CancellationToken ct) =>
        WriteWholeAsync(path, () => new MemoryStream(content), replace: true, ct);

    /// <summary>
    /// <see cref="WriteWholeAsync(string, byte[], CancellationToken)"/> once: false when the temporary file was cleared
    /// away under the write (the folder's lock holder clears tmp/ in its recovery), and nothing was written.
    /// </summary>
    public async Task<bool> TryWriteWholeAsync(string path, byte[] content, CancellationToken ct)
    {
        if (Capabilities.AtomicWrites)
        {
            await _retry.RunAsync(c => WriteAsync(path, () => new MemoryStream(content), c), ct);
            return true;
        }
        return await WriteThroughTemporaryAsync(path, () => new MemoryStream(content), replace: false, lastAttempt: false, ct);
    }

    /// <param name="content">Opens the content afresh for each attempt.</param>
    private async Task WriteWholeAsync(string path, Func<Stream> content, bool replace, CancellationToken ct)
    {
        if (Capabilities.AtomicWrites)
        {
            await _retry.RunAsync(c => WriteAsync(path, content, c), ct);
            return;
        }
        // The lock's holder may clear tmp/ under this write (a sync waiting for a listing lock, or the holder's own
        // renewal beside its recovery): written again, a bounded number of times.
        var attempt = 1;
        while (!await WriteThroughTemporaryAsync(path, content, replace, lastAttempt: attempt == MaxTemporaryWrites, ct))
            attempt++;
    }

    /// <summary>
    /// A write under tmp/ and a rename onto <paramref name="path"/>; false when the temporary file was gone before the
    /// rename (cleared under the write), unless <paramref name="lastAttempt"/>, which throws the rename's error. A rename
    /// refused while the file is still there is the server's answer, thrown: repeating it would only fill tmp/.
    /// </summary>
    private async Task<bool> WriteThroughTemporaryAsync(string path, Func<Stream> content, bool replace, bool lastAttempt, CancellationToken ct)
    {
        var temporary = TemporaryFolder + "/" + Guid.NewGuid().ToString("N");
        await _retry.RunAsync(c => WriteAsync(temporary, content, c), ct);
        try
        {
            await RenameAsync(temporary, path, replace, ct);
            return true;
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.NotFound && !lastAttempt)
        {
            if (await GetFileAsync(temporary, ct) is not null)
                throw;
            return false;
        }
    }

    /// <summary>How often a whole-file write is made again after its temporary file was cleared away under it.</summary>
    private const int MaxTemporaryWrites = 3;

    /// <summary>
    /// A rename that may be a repeat: when the server applied it and only the reply was lost, the source is gone and the
    /// destination there, which is success.
    /// </summary>
    private Task RenameAsync(string source, string destination, bool replace, CancellationToken ct, long expectedLength = -1) =>
        _retry.RunAsync(async c =>
        {
            try
            {
                await _transport.RenameAsync(source, destination, replace, c);
            }
            catch (RemoteException e) when (e.Kind == RemoteErrorKind.NotFound)
            {
                if (await _transport.GetFileAsync(source, c) is not null
                    || await _transport.GetFileAsync(destination, c) is not { } there || (expectedLength >= 0 && there.Length != expectedLength))
                    throw;
            }
        }, ct);

    private async Task WriteAsync(string path, Func<Stream> content, CancellationToken ct)
    {
        await using var stream = content();
        await _transport.WriteAsync(path, stream, WriteMode.Replace, ct);
    }

    /// <summary>
    /// A JSON document serialized while the target reads it: a manifest of 100,000 files is some 16 MB, which would
    /// otherwise be held whole (and its growing buffers kept by the array pool) at the moment of the commit.
    /// </summary>
    private static Stream JsonContent<T>(T value, JsonTypeInfo<T> type)
    {
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            try
            {
                await JsonSerializer.SerializeAsync(pipe.Writer, value, type);
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
            }
        });
        return pipe.Reader.AsStream();
    }

    // ---- owner -----------------------------------------------------------------------------------------------

    /// <summary>The ID file's repository ID; null when there is none, or only a half-written one (a claim cut short).</summary>
    public async Task<string?> ReadIdAsync(CancellationToken ct) =>
        await ReadAllAsync(IdPath, ct) is { } bytes && Encoding.UTF8.GetString(bytes).Trim() is var id && Guid.TryParse(id, out _) ? id : null;

    /// <summary>
    /// The repository this folder belongs to, from the remote alone: its ID file, else the repository its newest
    /// manifest names, else the new owner a takeover record names; null for a folder nobody has claimed.
    /// </summary>
    public async Task<string?> OwnerAsync(CancellationToken ct)
    {
        if (await ReadIdAsync(ct) is { } id)
            return id;
        if (await ReadTakeoverAsync(ct) is { } takeover)
            return takeover.RepositoryId;
        var manifests = await ListManifestsAsync(ct);
        return manifests.Count == 0 ? null : (await ReadNewestManifestAsync(manifests, ct)).RepositoryId;
    }

    /// <summary>
    /// Check that the folder is this repository's, claiming it only when it is empty. Without an ID file the owner is
    /// not guessed: the newest manifest names it (and the ID file is restored for it), and files without any manifest
    /// belong to nobody this sync may overwrite.
    /// </summary>
    public async Task EnsureOwnerAsync(string repositoryId, CancellationToken ct)
    {
        if (await ReadIdAsync(ct) is { } claimed)
        {
            if (claimed != repositoryId)
                throw SyncException.RemoteIdMismatch();
            return;
        }
        var owner = await OwnerAsync(ct);
        if (owner is null && (await ListFolderAsync(ct)).Mirror.Count > 0)
            throw new SyncException(SyncErrorKind.RemoteIdMismatch,
                SyncException.RemoteIdMismatchMessage + ": the folder holds files but no SyncConfig ID. Run reinitialize to take it over.");
        if (owner is not null && owner != repositoryId)
            throw SyncException.RemoteIdMismatch();
        await ClaimAsync(repositoryId, ct);
        if (await ReadIdAsync(ct) != repositoryId)
            throw SyncException.RemoteIdMismatch();
    }

    private async Task ClaimAsync(string repositoryId, CancellationToken ct)
    {
        var content = Encoding.UTF8.GetBytes(repositoryId);
        // What is there is no ID (ReadIdAsync said so): the remains of a claim cut short, removable under the lock.
        await DeleteFileAsync(IdPath, ct);
        try
        {
            if (Capabilities.ExclusiveCreate)
                await _retry.RunAsync(c => _transport.WriteAsync(IdPath, new MemoryStream(content), WriteMode.CreateNew, c), ct);
            else
                await WriteWholeAsync(IdPath, content, ct); // under the folder's lock: nobody writes the ID beside it
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.AlreadyExists)
        {
            // Claimed before this sync got here (or by this one, its reply lost); the caller reads whose it is.
        }
    }

    /// <summary>
    /// Reinitialize: record the takeover, then write this repository's ID over whatever claim is there. The record stays
    /// as the folder's history, and tells a sync interrupted before the first commit that the old manifest is adopted.
    /// </summary>
    public async Task TakeOverAsync(string repositoryId, string syncName, DateTimeOffset now, CancellationToken ct)
    {
        var previous = await OwnerAsync(ct);
        var record = new TakeoverRecord { RepositoryId = repositoryId, PreviousRepositoryId = previous, SyncName = syncName, Host = Environment.MachineName, At = now };
        await WriteDocumentAsync(TakeoverPath, JsonSerializer.SerializeToUtf8Bytes(record, ProtocolJson.Default.TakeoverRecord), ct);
        // A foreign sync's leftovers belong to nobody once the folder changes hands (its lock is stale or gone: this
        // sync holds the folder's lock).
        await DeleteFileAsync(JournalPath, ct);
        await DeleteFolderAsync(StagingFolder, ct);
        await ClearTemporaryFolderAsync(ct);
        await WriteDocumentAsync(IdPath, Encoding.UTF8.GetBytes(repositoryId), ct);
    }

    public async Task<TakeoverRecord?> ReadTakeoverAsync(CancellationToken ct)
    {
        if (await ReadAllAsync(TakeoverPath, ct) is not { } bytes)
            return null;
        try
        {
            return JsonSerializer.Deserialize(bytes, ProtocolJson.Default.TakeoverRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A small file that may exist already: replaced whole where the target can, else deleted and written whole.</summary>
    private async Task WriteDocumentAsync(string path, byte[] content, CancellationToken ct)
    {
        if (Capabilities.AtomicWrites || Capabilities.AtomicRenameReplace)
        {
            await ReplaceWholeAsync(path, content, ct);
            return;
        }
        await DeleteFileAsync(path, ct);
        await WriteWholeAsync(path, content, ct);
    }

    // ---- manifests and journal -------------------------------------------------------------------------------

    /// <summary>Every manifest the listing shows, oldest first; the last one is the committed state.</summary>
    public async Task<List<ManifestName>> ListManifestsAsync(CancellationToken ct)
    {
        var files = await ListAsync(ManifestsFolder, ct);
        return files
            .Select(f => ManifestName.TryParse(f.Path[(f.Path.LastIndexOf('/') + 1)..]))
            .OfType<ManifestName>()
            .OrderBy(n => n.Generation).ThenBy(n => n.CommitId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The newest of <paramref name="names"/> that can still be read. A listing that lags behind the target may still
    /// show a manifest the last commit removed; the next older name is then tried, never a guess.
    /// </summary>
    public async Task<Manifest> ReadNewestManifestAsync(IReadOnlyList<ManifestName> names, CancellationToken ct)
    {
        for (var i = names.Count - 1; i >= 0; i--)
        {
            if (await TryReadManifestAsync(names[i], ct) is { } manifest)
                return manifest;
        }
        throw new SyncException(SyncErrorKind.CorruptedManifest, $"The committed manifests listed in {_transport.DisplayName}/{Root} disappeared while they were being read.");
    }

    public async Task<Manifest> ReadManifestAsync(ManifestName name, CancellationToken ct) =>
        await TryReadManifestAsync(name, ct)
        ?? throw new SyncException(SyncErrorKind.CorruptedManifest, $"The committed manifest {name.FileName} disappeared while it was being read.");

    /// <summary>The manifest of that exact name, or null when there is none.</summary>
    public async Task<Manifest?> TryReadManifestAsync(ManifestName name, CancellationToken ct)
    {
        if (await ReadAllAsync(ManifestPath(name), ct) is not { } bytes)
            return null;
        try
        {
            var manifest = JsonSerializer.Deserialize(bytes, ProtocolJson.Default.Manifest);
            if (manifest is null || !Manifest.IsReadable(manifest.Format) || manifest.Generation != name.Generation || manifest.CommitId != name.CommitId)
                throw new JsonException("header does not match the file name");
            RemoteContent.CheckManifest(manifest, Names);
            return manifest;
        }
        catch (JsonException e)
        {
            throw new SyncException(SyncErrorKind.CorruptedManifest,
                $"The committed manifest {name.FileName} in {_transport.DisplayName}/{Root} is corrupted ({e.Message}). Run reinitialize to rebuild it from the files on the remote.", e);
        }
    }

    /// <summary>
    /// The commit: the manifest written whole under its own name, then read back and compared with what was sent, so
    /// the older manifest is only removed once the new one is confirmed on the target.
    /// </summary>
    public async Task WriteManifestAsync(Manifest manifest, CancellationToken ct)
    {
        byte[]? sent = null;
        await WriteWholeAsync(ManifestPath(manifest.Name), () => new DigestingStream(JsonContent(manifest, ProtocolJson.Default.Manifest), digest => sent = digest), replace: false, ct);
        var back = await ReadAllAsync(ManifestPath(manifest.Name), ct);
        if (back is null || sent is null || !SHA256.HashData(back).AsSpan().SequenceEqual(sent))
            throw new SyncException(SyncErrorKind.CorruptedManifest,
                $"The manifest {manifest.Name.FileName} reads back from {_transport.DisplayName}/{Root} differently from what was written; the previous commit stays in force.");
    }

    public async Task<Journal?> ReadJournalAsync(CancellationToken ct)
    {
        if (await ReadAllAsync(JournalPath, ct) is not { } bytes)
            return null;
        try
        {
            var journal = JsonSerializer.Deserialize(bytes, ProtocolJson.Default.Journal)
                ?? throw new JsonException("empty journal");
            RemoteContent.CheckJournal(journal, Names);
            return journal;
        }
        catch (JsonException e)
        {
            throw new SyncException(SyncErrorKind.CorruptedManifest,
                $"The journal of an interrupted sync in {_transport.DisplayName}/{Root} is corrupted ({e.Message}). Run reinitialize to rebuild the remote state.", e);
        }
    }

    public Task WriteJournalAsync(Journal journal, CancellationToken ct) =>
        WriteWholeAsync(JournalPath, () => JsonContent(journal, ProtocolJson.Default.Journal), replace: false, ct);

    /// <summary>
    /// Move a staged file into its mirror place; only ever called after the commit that lists it, so the old content
    /// may be gone for a moment. A repeat (after a crash or a lost reply) finds the staged file gone and the mirror file
    /// there, which is done; a staged file missing for another reason is left to the next sync's repair.
    /// </summary>
    /// <param name="stagedNow">This sync staged the file and checked its size on the target moments ago: it is there,
    /// and only a repeat needs to look first.</param>
    public async Task PromoteAsync(StagedFile file, bool stagedNow, CancellationToken ct)
    {
        var staged = Staging(file.Path);
        var mirror = Mirror(file.Path);
        if (!stagedNow && await GetFileAsync(staged, ct) is null)
            return;
        if (!Capabilities.Rename)
        {
            await _retry.RunAsync(c => _transport.CopyAsync(staged, mirror, c), ct);
            await DeleteFileAsync(staged, ct);
            return;
        }
        if (Capabilities.AtomicRenameReplace)
        {
            await RenameAsync(staged, mirror, replace: true, ct, file.Length);
            return;
        }
        // Without an atomic replace the old version goes first. A new file has none, so the rename is tried first and
        // refused only where a file is there (a rename onto an existing name is never asked to replace here).
        try
        {
            await RenameAsync(staged, mirror, replace: false, ct, file.Length);
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.AlreadyExists)
        {
            if (await GetFileAsync(staged, ct) is null)
                return;
            await DeleteFileAsync(mirror, ct);
            await RenameAsync(staged, mirror, replace: false, ct, file.Length);
        }
    }

    /// <summary>Passes a stream through and hands over the SHA-256 of everything read once it reaches the end.</summary>
    private sealed class DigestingStream(Stream inner, Action<byte[]> completed) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        private bool _ended;

        public override int Read(byte[] buffer, int offset, int count) => Account(buffer.AsSpan(offset, inner.Read(buffer, offset, count)), count);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Account(buffer[..await inner.ReadAsync(buffer, cancellationToken)].Span, buffer.Length);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Account(ReadOnlySpan<byte> data, int requested)
        {
            if (!data.IsEmpty)
                _hash.AppendData(data);
            else if (requested > 0 && !_ended)
            {
                _ended = true;
                completed(_hash.GetHashAndReset());
            }
            return data.Length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                _hash.Dispose();
            }
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>One listing of the folder: the mirror as a person browses it, and the staged uploads (path → length).</summary>
internal sealed record FolderListing(IReadOnlyList<RemoteFileInfo> Mirror, IReadOnlyDictionary<string, long> Staged);

/// <summary><c>.syncconfig/takeover.json</c>: reinitialize handed the folder to <see cref="RepositoryId"/>.</summary>
public sealed record TakeoverRecord
{
    public required string RepositoryId { get; init; }
    public string? PreviousRepositoryId { get; init; }
    public required string SyncName { get; init; }
    public required string Host { get; init; }
    public required DateTimeOffset At { get; init; }
}
