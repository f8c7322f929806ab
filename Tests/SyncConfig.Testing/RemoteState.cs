using System.Security.Cryptography;
using System.Text.Json;
using SyncConfig.Engine.Protocol;
using SyncConfig.Transports;
using SyncConfig.Transports.LocalPath;

namespace SyncConfig.Testing;

/// <summary>A file as the invariants compare it: path, size and SHA-256.</summary>
public readonly record struct FileState(string Path, long Length, string Sha256)
{
    public override string ToString() => $"{Path} ({Length} bytes, {Sha256[..8]})";
}

/// <summary>
/// Reads a sync's folder through a connected transport, not through the engine, to judge what the engine did. It
/// never looks at the target's own disk, so the same checks hold on any target.
/// </summary>
public static class RemoteState
{
    private const string Metadata = ".syncconfig";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every file under <paramref name="folder"/>, by its path relative to the folder, sorted.</summary>
    public static async Task<List<RemoteFileInfo>> ListAsync(IRemoteTransport transport, string folder)
    {
        var prefix = folder.Length == 0 ? "" : folder + "/";
        var files = new List<RemoteFileInfo>();
        await foreach (var file in transport.ListFilesAsync(folder, CancellationToken.None))
            files.Add(file with { Path = file.Path[prefix.Length..] });
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    public static async Task<byte[]> ReadAsync(IRemoteTransport transport, string path)
    {
        await using var stream = await transport.OpenReadAsync(path, CancellationToken.None);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Every file under <paramref name="folder"/> except the metadata folder, sorted by path.</summary>
    public static async Task<SortedDictionary<string, FileState>> FilesAsync(IRemoteTransport transport, string folder)
    {
        var files = new SortedDictionary<string, FileState>(StringComparer.Ordinal);
        foreach (var file in await ListAsync(transport, folder))
        {
            if (file.Path.StartsWith(Metadata + "/", StringComparison.Ordinal))
                continue;
            var content = await ReadAsync(transport, Join(folder, file.Path));
            files[file.Path] = new FileState(file.Path, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
        }
        return files;
    }

    /// <summary>The manifests present, oldest first (their names sort by generation).</summary>
    public static async Task<List<string>> ManifestsAsync(IRemoteTransport transport, string folder)
    {
        var manifests = Join(folder, Metadata + "/manifests");
        return (await ListAsync(transport, manifests)).Select(f => Join(manifests, f.Path)).ToList();
    }

    /// <summary>The committed state: the newest manifest, as (path, size, hash).</summary>
    public static async Task<SortedDictionary<string, FileState>> CommittedAsync(IRemoteTransport transport, string folder) =>
        (await ManifestsAsync(transport, folder)).LastOrDefault() is { } newest
            ? await ManifestAsync(transport, newest)
            : new SortedDictionary<string, FileState>(StringComparer.Ordinal);

    /// <summary>The files one manifest lists, as (path, size, hash).</summary>
    public static async Task<SortedDictionary<string, FileState>> ManifestAsync(IRemoteTransport transport, string manifestPath)
    {
        var result = new SortedDictionary<string, FileState>(StringComparer.Ordinal);
        var manifest = JsonSerializer.Deserialize<Manifest>(await ReadAsync(transport, manifestPath), Json)!;
        foreach (var entry in manifest.Files)
            result[entry.Path] = new FileState(entry.Path, entry.Length, entry.Sha256);
        return result;
    }

    /// <summary>The journal of a sync in flight (or interrupted), or null.</summary>
    public static async Task<Journal?> JournalAsync(IRemoteTransport transport, string folder)
    {
        var path = Join(folder, Metadata + "/journal.json");
        return await transport.GetFileAsync(path, CancellationToken.None) is null
            ? null
            : JsonSerializer.Deserialize<Journal>(await ReadAsync(transport, path), Json);
    }

    /// <summary>The path of the manifest a journal names (whether or not it was written).</summary>
    public static string ManifestPath(string folder, Journal journal) => Join(folder, Metadata + "/manifests/" + journal.Commits.FileName);

    /// <summary>Whether a staged copy of a mirror path is waiting under staging/.</summary>
    public static async Task<bool> StagedAsync(IRemoteTransport transport, string folder, string path) =>
        await transport.GetFileAsync(Join(folder, Metadata + "/staging/" + path), CancellationToken.None) is not null;

    /// <summary>
    /// What a settled folder must not hold: a journal, a lock, staging or tmp files, or more than one manifest. A
    /// rollback may keep staged uploads for the next sync to continue (<paramref name="stagingAllowed"/>).
    /// </summary>
    public static async Task<List<string>> LeftoversAsync(IRemoteTransport transport, string folder, bool stagingAllowed = false)
    {
        var leftovers = new List<string>();
        if (await transport.GetFileAsync(Join(folder, Metadata + "/journal.json"), CancellationToken.None) is not null)
            leftovers.Add("journal.json");
        if (await transport.GetFileAsync(Join(folder, Metadata + "/lock"), CancellationToken.None) is not null)
            leftovers.Add("lock");
        foreach (var name in stagingAllowed ? ["tmp", "locks"] : new[] { "staging", "tmp", "locks" })
        {
            if ((await ListAsync(transport, Join(folder, Metadata + "/" + name))).Count > 0)
                leftovers.Add(name + "/");
        }
        if ((await ManifestsAsync(transport, folder)).Count > 1)
            leftovers.Add("more than one manifest");
        return leftovers;
    }

    public static string Describe(IEnumerable<FileState> files) => string.Join(", ", files);

    /// <summary>The repository folder of a path (first two levels), as the engine groups checkpoints.</summary>
    public static string FolderOf(string path) => SyncConfig.Engine.Repository.RepositoryPaths.FolderOf(path);

    private static string Join(string folder, string path) => folder.Length == 0 ? path : folder + "/" + path;
}

/// <summary>
/// A folder on this machine (a repository, or a Local Path target in the engine's own tests), read the same way:
/// through a Local Path transport rooted at its parent, so a folder not made yet reads as empty.
/// </summary>
public static class Disk
{
    public static Task<SortedDictionary<string, FileState>> FilesAsync(string folder) => On(folder, RemoteState.FilesAsync);

    public static Task<SortedDictionary<string, FileState>> CommittedAsync(string folder) => On(folder, RemoteState.CommittedAsync);

    public static Task<List<string>> LeftoversAsync(string folder, bool stagingAllowed = false) =>
        On(folder, (transport, name) => RemoteState.LeftoversAsync(transport, name, stagingAllowed));

    private static async Task<T> On<T>(string folder, Func<IRemoteTransport, string, Task<T>> read)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        await using var parent = new LocalPathTransport(Path.GetDirectoryName(full)!);
        return await read(parent, Path.GetFileName(full));
    }
}
