using SyncConfig.Engine.Repository;

namespace SyncConfig.Engine.Protocol;

/// <summary>What one repository folder needs: files to upload, files the commit stops listing, files kept as they are.</summary>
internal sealed record FolderChange(string Folder, IReadOnlyList<SnapshotFile> Uploads, IReadOnlyList<string> Deletions, IReadOnlyList<ManifestEntry> Unchanged)
{
    public string Computer => RepositoryPaths.ComputerOf(Folder);
    public long UploadBytes => Uploads.Sum(u => u.Length);
    public bool IsEmpty => Uploads.Count == 0 && Deletions.Count == 0;
}

/// <summary>The folders that one commit covers: all of them, or one per checkpoint with per-folder upload.</summary>
internal sealed record CyclePlan(IReadOnlyList<FolderChange> Folders);

/// <summary>The committed state held against the snapshot, decided from size and modification time alone.</summary>
internal sealed class SyncPlan
{
    private SyncPlan(IReadOnlyList<CyclePlan> cycles, IReadOnlyList<string> computerOrder, IReadOnlyList<string> unchanged)
    {
        Cycles = cycles;
        ComputerOrder = computerOrder;
        Unchanged = unchanged;
    }

    public IReadOnlyList<CyclePlan> Cycles { get; }

    /// <summary>Computers with something to upload, in upload order.</summary>
    public IReadOnlyList<string> ComputerOrder { get; }

    public IReadOnlyList<string> Unchanged { get; }

    /// <param name="damaged">Paths of the committed state that the target holds wrongly (missing, wrong size or hash):
    /// uploaded again even when the local file is unchanged.</param>
    /// <param name="names">How the target compares names; where it folds them, a file whose name changed only in case
    /// is uploaded as a replacement of the old one, never as a new file plus a deletion of the same file.</param>
    public static SyncPlan Create(
        Manifest committed, RepositorySnapshot snapshot, bool perFolder, bool smallestComputerFirst, IReadOnlySet<string> damaged, NameKeys names)
    {
        // Both lists are sorted by key, so one merge pass compares them without a lookup table of either; a
        // no-change sync of 100,000 files then allocates little more than the list of unchanged paths.
        var before = Keyed(SortedByPath(committed.Files), e => e.Path, names);
        var now = Keyed(snapshot.Files, f => f.Path, names);
        var metadata = names.Key(RemoteFolder.MetadataName);
        var folders = new Dictionary<string, FolderBuilder>(StringComparer.Ordinal);
        var last = (Folder: "", Builder: (FolderBuilder?)null);
        FolderBuilder Folder(string key, string path)
        {
            // Sorted paths come folder by folder: a file under the last two-level folder belongs to it.
            if (last.Builder is not null && key.Length > last.Folder.Length && key[last.Folder.Length] == '/'
                && key.StartsWith(last.Folder, StringComparison.Ordinal))
                return last.Builder;
            var folder = RepositoryPaths.FolderOf(key);
            if (!folders.TryGetValue(folder, out var builder))
                folders[folder] = builder = new FolderBuilder(RepositoryPaths.FolderOf(path));
            last = (folder, folder.Contains('/') ? builder : null);
            return builder;
        }
        int b = 0, n = 0;
        while (b < before.Count || n < now.Count)
        {
            var compared = b == before.Count ? 1 : n == now.Count ? -1 : string.CompareOrdinal(before[b].Key, now[n].Key);
            if (compared < 0)
            {
                Folder(before[b].Key, before[b].Item.Path).Deletions.Add(before[b].Item.Path);
                b++;
                continue;
            }
            var (key, file) = now[n++];
            if (names.Folds && RepositoryPaths.ComputerOf(key) == metadata)
                throw new SyncException(SyncErrorKind.Other,
                    $"'{file.Path}' is in a folder whose name differs from SyncConfig's metadata folder ({RemoteFolder.MetadataName}) only in letter " +
                    "case; the target does not tell such names apart, so its files would land among the remote folder's own. Rename that folder.");
            if (n < now.Count && now[n].Key == key)
                throw new SyncException(SyncErrorKind.Other,
                    $"'{file.Path}' and '{now[n].Item.Path}' differ only in letter case; the target does not tell such names apart, so it cannot hold both. Rename one of them.");
            var entry = compared == 0 ? before[b++].Item : null;
            var builder = Folder(key, file.Path);
            if (builder.Folder != RepositoryPaths.FolderOf(file.Path))
                builder.Folder = RepositoryPaths.FolderOf(file.Path); // the repository's own spelling names the folder
            // A synthetic full rewrites a file in place: a new size or time means new content.
            if (entry is not null && entry.Path == file.Path && entry.Length == file.Length && entry.ModifiedTicks == file.ModifiedTicks
                && !damaged.Contains(entry.Path))
                builder.Kept.Add(entry);
            else
                builder.Uploads.Add(file);
        }

        var changes = new List<FolderChange>();
        var unchanged = new List<string>();
        foreach (var (_, builder) in folders.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (var kept in builder.Kept)
                unchanged.Add(kept.Path);
            var change = new FolderChange(builder.Folder, builder.Uploads, builder.Deletions, builder.Kept);
            if (!change.IsEmpty)
                changes.Add(change);
        }

        var computerBytes = changes.GroupBy(c => c.Computer).ToDictionary(g => g.Key, g => g.Sum(c => c.UploadBytes), StringComparer.Ordinal);
        var order = computerBytes.Keys
            .OrderBy(c => smallestComputerFirst ? computerBytes[c] : 0)
            .ThenBy(c => c, StringComparer.Ordinal)
            .ToList();
        var rank = order.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var ordered = changes.OrderBy(c => rank[c.Computer]).ThenBy(c => c.Folder, StringComparer.Ordinal).ToList();
        var cycles = ordered.Count == 0 ? [] : perFolder ? ordered.Select(c => new CyclePlan([c])).ToList() : [new CyclePlan(ordered)];
        return new SyncPlan(cycles, order, unchanged);
    }

    /// <summary>A manifest read from the target is trusted to be sorted only after checking, as the merge relies on it.</summary>
    private static IReadOnlyList<ManifestEntry> SortedByPath(IReadOnlyList<ManifestEntry> files)
    {
        for (var i = 1; i < files.Count; i++)
        {
            if (string.CompareOrdinal(files[i - 1].Path, files[i].Path) >= 0)
                return files.DistinctBy(f => f.Path, StringComparer.Ordinal).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        }
        return files;
    }

    /// <summary>Each item with its key, in key order (already so for exact names: the lists are sorted by path).</summary>
    private static IReadOnlyList<(string Key, T Item)> Keyed<T>(IReadOnlyList<T> items, Func<T, string> path, NameKeys names)
    {
        var keyed = items.Select(i => (Key: names.Key(path(i)), Item: i));
        return names.Folds ? keyed.OrderBy(k => k.Key, StringComparer.Ordinal).ToList() : keyed.ToList();
    }

    private sealed class FolderBuilder(string folder)
    {
        public string Folder { get; set; } = folder;
        public List<SnapshotFile> Uploads { get; } = [];
        public List<string> Deletions { get; } = [];
        public List<ManifestEntry> Kept { get; } = [];
    }
}
