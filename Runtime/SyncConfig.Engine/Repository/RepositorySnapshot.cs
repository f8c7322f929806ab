namespace SyncConfig.Engine.Repository;

/// <summary>One file of a point-in-time snapshot, from metadata only (no content read).</summary>
public readonly record struct SnapshotFile(string Path, long Length, long ModifiedTicks);

/// <summary>The repository's files at the moment every folder was closed to backups.</summary>
public sealed class RepositorySnapshot
{
    private RepositorySnapshot(string root, IReadOnlyList<SnapshotFile> files)
    {
        Root = root;
        Files = files;
    }

    public string Root { get; }

    /// <summary>Sorted by path (ordinal).</summary>
    public IReadOnlyList<SnapshotFile> Files { get; }

    public string FullPath(string path) => System.IO.Path.Combine(Root, path.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public static RepositorySnapshot Take(BackupRepository repository)
    {
        var root = repository.Root;
        var files = new List<SnapshotFile>();
        var pending = new Stack<(string Physical, string Relative)>();
        pending.Push((root, ""));
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in new DirectoryInfo(folder.Physical).EnumerateFileSystemInfos("*", options))
            {
                var relative = folder.Relative.Length == 0 ? entry.Name : folder.Relative + "/" + entry.Name;
                if (relative == RepositoryPaths.MetadataFolder)
                    continue;
                var target = entry;
                // The attributes come from the enumeration's own lstat; asking every entry for its link target
                // would cost a readlink per file.
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    // A link is followed only while it stays inside the repository (one that leaves it could upload
                    // another machine's data) and does not point at a folder it is in (a loop).
                    var resolved = entry.ResolveLinkTarget(returnFinalTarget: true);
                    if (resolved is null || !resolved.Exists || !IsInside(root, resolved.FullName)
                        || IsInside(repository.MetadataPath, resolved.FullName) || IsInside(resolved.FullName, entry.FullName))
                        continue;
                    target = resolved;
                }
                if (target is DirectoryInfo)
                {
                    pending.Push((entry.FullName, relative));
                }
                else if (target is FileInfo file)
                {
                    files.Add(new SnapshotFile(relative, file.Length, file.LastWriteTimeUtc.Ticks));
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new RepositorySnapshot(root, files);
    }

    private static bool IsInside(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
