using System.Text;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// The sync's folder on the target: the plain mirror plus the metadata folder <c>.syncconfig/</c>
/// (id, manifests/, journal.json, staging/, tmp/). Every call goes through the retry window.
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
    }

    public string Root { get; }
    public TransportCapabilities Capabilities => _transport.Capabilities;
    public IRemoteTransport Transport => _transport;
    public RemoteRetry Retry => _retry;

    private string Metadata => Root + "/" + MetadataName;
    public string IdPath => Metadata + "/id";
    public string JournalPath => Metadata + "/journal.json";
    public string ManifestsFolder => Metadata + "/manifests";
    public string StagingFolder => Metadata + "/staging";
    public string TemporaryFolder => Metadata + "/tmp";

    public string Mirror(string path) => Root + "/" + path;
    public string Staging(string path) => StagingFolder + "/" + path;
    public string ManifestPath(ManifestName name) => ManifestsFolder + "/" + name.FileName;

    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken ct) => _retry.RunAsync(c => _transport.GetFileAsync(path, c), ct);
    public Task DeleteFileAsync(string path, CancellationToken ct) => _retry.RunAsync(c => _transport.DeleteFileAsync(path, c), ct);
    public Task DeleteFolderAsync(string path, CancellationToken ct) => _retry.RunAsync(c => _transport.DeleteFolderAsync(path, c), ct);

    public Task RemoveEmptyFolderAsync(string path, CancellationToken ct) =>
        Capabilities.Folders ? _retry.RunAsync(c => _transport.RemoveEmptyFolderAsync(path, c), ct) : Task.CompletedTask;

    public Task<List<RemoteFileInfo>> ListAsync(string folder, CancellationToken ct) =>
        _retry.RunAsync(async c =>
        {
            var files = new List<RemoteFileInfo>();
            await foreach (var file in _transport.ListFilesAsync(folder, c))
                files.Add(file);
            return files;
        }, ct);

    /// <summary>The mirror's files (paths relative to the folder), the metadata folder left out.</summary>
    public async Task<List<RemoteFileInfo>> ListMirrorAsync(CancellationToken ct)
    {
        var prefix = Root + "/";
        var files = await ListAsync(Root, ct);
        return files
            .Select(f => f with { Path = f.Path[prefix.Length..] })
            .Where(f => f.Path != MetadataName && !f.Path.StartsWith(MetadataName + "/", StringComparison.Ordinal))
            .ToList();
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
        WriteWholeAsync(path, () => new MemoryStream(content), ct);

    /// <param name="content">Opens the content afresh for each attempt.</param>
    private async Task WriteWholeAsync(string path, Func<Stream> content, CancellationToken ct)
    {
        if (Capabilities.AtomicWrites)
        {
            await _retry.RunAsync(c => WriteAsync(path, content, c), ct);
            return;
        }
        var temporary = TemporaryFolder + "/" + Guid.NewGuid().ToString("N");
        await _retry.RunAsync(c => WriteAsync(temporary, content, c), ct);
        await _retry.RunAsync(c => _transport.RenameAsync(temporary, path, replace: false, c), ct);
    }

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

    // ---- remote ID -------------------------------------------------------------------------------------------

    public async Task<string?> ReadIdAsync(CancellationToken ct) =>
        await ReadAllAsync(IdPath, ct) is { } bytes ? Encoding.UTF8.GetString(bytes).Trim() : null;

    /// <summary>Claim the folder for <paramref name="repositoryId"/> unless someone already has; never overwrite a claim.</summary>
    public async Task EnsureOwnerAsync(string repositoryId, CancellationToken ct)
    {
        var owner = await ReadIdAsync(ct);
        if (owner is null)
        {
            await ClaimAsync(repositoryId, ct);
            // Read back: where the claim is not exclusive (FTP, S3 without conditional writes) a racing repository
            // that wrote last owns the folder, and this one must see that now rather than after uploading.
            owner = await ReadIdAsync(ct);
        }
        if (owner != repositoryId)
            throw SyncException.RemoteIdMismatch();
    }

    private async Task ClaimAsync(string repositoryId, CancellationToken ct)
    {
        var content = Encoding.UTF8.GetBytes(repositoryId);
        try
        {
            if (Capabilities.Rename)
                await WriteWholeAsync(IdPath, content, ct); // rename onto an absent name: the first claim wins
            else if (Capabilities.ExclusiveCreate)
                await _retry.RunAsync(c => _transport.WriteAsync(IdPath, new MemoryStream(content), WriteMode.CreateNew, c), ct);
            else
                await _retry.RunAsync(c => _transport.WriteAsync(IdPath, new MemoryStream(content), WriteMode.Replace, c), ct);
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.AlreadyExists)
        {
            // Someone claimed it first; the caller reads who.
        }
    }

    /// <summary>Reinitialize: write this repository's ID over whatever claim is there.</summary>
    public async Task TakeOverAsync(string repositoryId, CancellationToken ct)
    {
        // A foreign sync's leftovers belong to nobody once the folder changes hands.
        await DeleteFileAsync(JournalPath, ct);
        await DeleteFolderAsync(StagingFolder, ct);
        await DeleteFolderAsync(TemporaryFolder, ct);
        var content = Encoding.UTF8.GetBytes(repositoryId);
        if (Capabilities.AtomicWrites)
        {
            await _retry.RunAsync(c => _transport.WriteAsync(IdPath, new MemoryStream(content), WriteMode.Replace, c), ct);
            return;
        }
        // Delete first even where rename replaces: a crash in between leaves no ID, and the next sync then claims
        // the folder for this repository, which is what reinitialize asked for.
        var temporary = TemporaryFolder + "/" + Guid.NewGuid().ToString("N");
        await _retry.RunAsync(c => _transport.WriteAsync(temporary, new MemoryStream(content), WriteMode.Replace, c), ct);
        await DeleteFileAsync(IdPath, ct);
        await _retry.RunAsync(c => _transport.RenameAsync(temporary, IdPath, replace: false, c), ct);
    }

    // ---- manifests and journal -------------------------------------------------------------------------------

    /// <summary>Every manifest present, oldest first; the last one is the committed state.</summary>
    public async Task<List<ManifestName>> ListManifestsAsync(CancellationToken ct)
    {
        var files = await ListAsync(ManifestsFolder, ct);
        return files
            .Select(f => ManifestName.TryParse(f.Path[(f.Path.LastIndexOf('/') + 1)..]))
            .OfType<ManifestName>()
            .OrderBy(n => n.Generation).ThenBy(n => n.CommitId, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Manifest> ReadManifestAsync(ManifestName name, CancellationToken ct)
    {
        var bytes = await ReadAllAsync(ManifestPath(name), ct)
            ?? throw new SyncException(SyncErrorKind.CorruptedManifest, $"The committed manifest {name.FileName} disappeared while it was being read.");
        try
        {
            var manifest = JsonSerializer.Deserialize(bytes, ProtocolJson.Default.Manifest);
            if (manifest is null || manifest.Format != Manifest.CurrentFormat || manifest.Generation != name.Generation || manifest.CommitId != name.CommitId)
                throw new JsonException("header does not match the file name");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new SyncException(SyncErrorKind.CorruptedManifest,
                $"The committed manifest {name.FileName} in {_transport.DisplayName}/{Root} is corrupted ({e.Message}). Run reinitialize to rebuild it from the files on the remote.", e);
        }
    }

    public Task WriteManifestAsync(Manifest manifest, CancellationToken ct) =>
        WriteWholeAsync(ManifestPath(manifest.Name), () => JsonContent(manifest, ProtocolJson.Default.Manifest), ct);

    public async Task<Journal?> ReadJournalAsync(CancellationToken ct)
    {
        if (await ReadAllAsync(JournalPath, ct) is not { } bytes)
            return null;
        try
        {
            return JsonSerializer.Deserialize(bytes, ProtocolJson.Default.Journal)
                ?? throw new JsonException("empty journal");
        }
        catch (JsonException e)
        {
            throw new SyncException(SyncErrorKind.CorruptedManifest,
                $"The journal of an interrupted sync in {_transport.DisplayName}/{Root} is corrupted ({e.Message}). Run reinitialize to rebuild the remote state.", e);
        }
    }

    public Task WriteJournalAsync(Journal journal, CancellationToken ct) =>
        WriteWholeAsync(JournalPath, () => JsonContent(journal, ProtocolJson.Default.Journal), ct);

    /// <summary>
    /// Move a staged file into its mirror place; only ever called after the commit that lists it, so the old
    /// content may be gone for a moment. <paramref name="mayBeDone"/>: a repeat after a crash, the staged file may
    /// already have moved.
    /// </summary>
    public async Task PromoteAsync(string path, bool mayBeDone, CancellationToken ct)
    {
        var staged = Staging(path);
        var mirror = Mirror(path);
        if (mayBeDone && await GetFileAsync(staged, ct) is null)
            return;
        if (Capabilities.Rename)
        {
            if (!Capabilities.AtomicRenameReplace)
                await DeleteFileAsync(mirror, ct);
            await _retry.RunAsync(c => _transport.RenameAsync(staged, mirror, replace: Capabilities.AtomicRenameReplace, c), ct);
        }
        else
        {
            await _retry.RunAsync(c => _transport.CopyAsync(staged, mirror, c), ct);
            await DeleteFileAsync(staged, ct);
        }
    }
}
