using System.Security.Cryptography;
using System.Text.Json;
using SyncConfig.Engine.Protocol;

namespace SyncConfig.Engine.Tests.Support;

/// <summary>A file as the invariants compare it: path, size and SHA-256.</summary>
public readonly record struct FileState(string Path, long Length, string Sha256)
{
    public override string ToString() => $"{Path} ({Length} bytes, {Sha256[..8]})";
}

/// <summary>Reads repositories and targets straight from disk, not through the engine, to judge what it did.</summary>
public static class Disk
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every file under <paramref name="root"/> except the metadata folder, sorted by path.</summary>
    public static SortedDictionary<string, FileState> Files(string root)
    {
        var files = new SortedDictionary<string, FileState>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
            return files;
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = System.IO.Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            if (relative.StartsWith(".syncconfig/", StringComparison.Ordinal))
                continue;
            using var stream = file.OpenRead();
            files[relative] = new FileState(relative, file.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
        return files;
    }

    public static string[] ManifestFiles(string remoteFolder)
    {
        var folder = System.IO.Path.Combine(remoteFolder, ".syncconfig", "manifests");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray() : [];
    }

    /// <summary>The committed state: the newest manifest, as (path, size, hash).</summary>
    public static SortedDictionary<string, FileState> Committed(string remoteFolder)
    {
        var result = new SortedDictionary<string, FileState>(StringComparer.Ordinal);
        var newest = ManifestFiles(remoteFolder).LastOrDefault();
        if (newest is null)
            return result;
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllBytes(newest), Json)!;
        foreach (var entry in manifest.Files)
            result[entry.Path] = new FileState(entry.Path, entry.Length, entry.Sha256);
        return result;
    }

    /// <summary>
    /// What a finished sync must not leave: a journal, a lock, staging or tmp files, or more than one manifest. A rollback
    /// may keep staged uploads for the next sync to continue (<paramref name="stagingAllowed"/>).
    /// </summary>
    public static IEnumerable<string> Leftovers(string remoteFolder, bool stagingAllowed = false)
    {
        var metadata = System.IO.Path.Combine(remoteFolder, ".syncconfig");
        if (File.Exists(System.IO.Path.Combine(metadata, "journal.json")))
            yield return "journal.json";
        if (File.Exists(System.IO.Path.Combine(metadata, "lock")))
            yield return "lock";
        foreach (var name in stagingAllowed ? ["tmp", "locks"] : new[] { "staging", "tmp", "locks" })
        {
            var folder = System.IO.Path.Combine(metadata, name);
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())
                yield return name + "/";
        }
        if (ManifestFiles(remoteFolder).Length > 1)
            yield return "more than one manifest";
    }

    public static string Describe(IEnumerable<FileState> files) => string.Join(", ", files);

    /// <summary>The repository folder of a path (first two levels), as the engine groups checkpoints.</summary>
    public static string FolderOf(string path) => SyncConfig.Engine.Repository.RepositoryPaths.FolderOf(path);
}
