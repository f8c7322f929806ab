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

    public static SyncPlan Create(Manifest committed, RepositorySnapshot snapshot, bool perFolder, bool smallestComputerFirst)
    {
        // Both lists are sorted by path, so one merge pass compares them without a lookup table of either; a
        // no-change sync of 100,000 files then allocates little more than the list of unchanged paths.
        var before = SortedByPath(committed.Files);
        var now = snapshot.Files;
        var folders = new Dictionary<string, FolderBuilder>(StringComparer.Ordinal);
        var last = (Folder: "", Builder: (FolderBuilder?)null);
        FolderBuilder Folder(string path)
        {
            // Sorted paths come folder by folder: a file under the last two-level folder belongs to it.
            if (last.Builder is not null && path.Length > last.Folder.Length && path[last.Folder.Length] == '/'
                && path.StartsWith(last.Folder, StringComparison.Ordinal))
                return last.Builder;
            var folder = RepositoryPaths.FolderOf(path);
            if (!folders.TryGetValue(folder, out var builder))
                folders[folder] = builder = new FolderBuilder();
            last = (folder, folder.Contains('/') ? builder : null);
            return builder;
        }
        int b = 0, n = 0;
        while (b < before.Count || n < now.Count)
        {
            var compared = b == before.Count ? 1 : n == now.Count ? -1 : string.CompareOrdinal(before[b].Path, now[n].Path);
            if (compared < 0)
            {
                Folder(before[b].Path).Deletions.Add(before[b].Path);
                b++;
                continue;
            }
            var file = now[n++];
            var entry = compared == 0 ? before[b++] : null;
            // A synthetic full rewrites a file in place: a new size or time means new content.
            if (entry is not null && entry.Length == file.Length && entry.ModifiedTicks == file.ModifiedTicks)
                Folder(file.Path).Kept.Add(entry);
            else
                Folder(file.Path).Uploads.Add(file);
        }

        var changes = new List<FolderChange>();
        var unchanged = new List<string>();
        foreach (var (folder, builder) in folders.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (var kept in builder.Kept)
                unchanged.Add(kept.Path);
            var change = new FolderChange(folder, builder.Uploads, builder.Deletions, builder.Kept);
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

    private sealed class FolderBuilder
    {
        public List<SnapshotFile> Uploads { get; } = [];
        public List<string> Deletions { get; } = [];
        public List<ManifestEntry> Kept { get; } = [];
    }
}
