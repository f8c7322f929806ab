using Microsoft.Win32.SafeHandles;
using SyncConfig.Engine.FileSystem;

namespace SyncConfig.Engine.Repository;

/// <summary>One file of a point-in-time snapshot, from metadata only (no content read).</summary>
public readonly record struct SnapshotFile(string Path, long Length, long ModifiedTicks)
{
    /// <summary>The real path a link led to, opened instead of the link; null for a plain file.</summary>
    internal string? Source { get; init; }

    /// <summary>The file as it was checked: the upload opens this very file or none.</summary>
    internal FileIdentity Identity { get; init; }
}

/// <summary>The repository's files at the moment every folder was closed to backups.</summary>
public sealed class RepositorySnapshot
{
    private RepositorySnapshot(string root, IReadOnlyList<SnapshotFile> files, IReadOnlyList<string> skipped)
    {
        Root = root;
        Files = files;
        Skipped = skipped;
    }

    /// <summary>The repository's real path (links resolved).</summary>
    public string Root { get; }

    /// <summary>Sorted by path (ordinal).</summary>
    public IReadOnlyList<SnapshotFile> Files { get; }

    /// <summary>Entries left out that a person should hear about, each with why: special files, names that are not UTF-8 or that no manifest may list.</summary>
    public IReadOnlyList<string> Skipped { get; }

    public string FullPath(string path) => System.IO.Path.Combine(Root, path.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>The file the snapshot checked, opened for reading; null when something else is at its place now.</summary>
    internal SafeFileHandle? Open(SnapshotFile file, bool sequential) =>
        LocalFiles.OpenChecked(file.Source ?? FullPath(file.Path), file.Identity, sequential);

    public static RepositorySnapshot Take(BackupRepository repository)
    {
        var root = LocalFiles.RealPath(repository.Root);
        var metadata = Path.Combine(root, RepositoryPaths.MetadataFolder);
        var files = new List<SnapshotFile>();
        var skipped = new List<string>();
        // Relocated: reached through a link, so its files are opened at their real place, not through the link again.
        var pending = new Stack<(string Physical, string Relative, Ancestry Ancestry, bool Relocated)>();
        pending.Push((root, "", new Ancestry(root, null), false));
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };
        while (pending.TryPop(out var folder))
        {
            foreach (var physical in Directory.EnumerateFileSystemEntries(folder.Physical, "*", options))
            {
                var name = Path.GetFileName(physical);
                var relative = folder.Relative.Length == 0 ? name : folder.Relative + "/" + name;
                if (relative == RepositoryPaths.MetadataFolder)
                    continue;
                if (RepositoryPaths.NameProblem(name, first: folder.Relative.Length == 0) is { } problem)
                {
                    // The manifest could not list it: read back from the target, such a path is refused as leaving the mirror.
                    skipped.Add($"'{relative}' has a name that cannot be synced: it {problem}; rename it to sync it.");
                    continue;
                }
                var status = LocalFiles.Status(physical);
                string? source = folder.Relocated ? physical : null;
                if (status.Kind == LocalFileKind.SymbolicLink)
                {
                    // A link is followed only while its real target stays inside the repository (one that leaves it,
                    // even through another link, could upload another machine's data) and is not a folder it is in.
                    var real = RealPathOrNull(physical);
                    if (real is null || !LocalFiles.IsInside(root, real) || LocalFiles.IsInside(metadata, real))
                        continue;
                    status = LocalFiles.Status(real);
                    if (status.Kind == LocalFileKind.Directory && folder.Ancestry.Contains(real))
                        continue;
                    source = real;
                }
                switch (status.Kind)
                {
                    case LocalFileKind.Directory:
                        var at = source ?? physical;
                        pending.Push((at, relative, new Ancestry(at, folder.Ancestry), source is not null));
                        break;
                    case LocalFileKind.Regular:
                        files.Add(new SnapshotFile(relative, status.Length, status.ModifiedTicks) { Source = source, Identity = status.Identity });
                        break;
                    case LocalFileKind.Special:
                        skipped.Add($"'{relative}' is not a regular file (a FIFO, socket or device); only regular files are synced.");
                        break;
                    case LocalFileKind.Missing when name.Contains('\uFFFD', StringComparison.Ordinal):
                        skipped.Add($"'{relative}' has a name that is not valid UTF-8 (shown with U+FFFD); rename it to sync it.");
                        break;
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        skipped.Sort(StringComparer.Ordinal);
        return new RepositorySnapshot(root, files, skipped);
    }

    private static string? RealPathOrNull(string path)
    {
        try
        {
            return LocalFiles.RealPath(path);
        }
        catch (IOException)
        {
            return null; // a loop of links
        }
    }

    /// <summary>The real folders from the root down to one being listed: a link to any of them would loop.</summary>
    private sealed record Ancestry(string Physical, Ancestry? Parent)
    {
        public bool Contains(string real)
        {
            for (var at = this; at is not null; at = at.Parent)
            {
                if (LocalFiles.IsInside(real, at.Physical))
                    return true;
            }
            return false;
        }
    }
}
