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
        var before = committed.Files.GroupBy(f => RepositoryPaths.FolderOf(f.Path)).ToDictionary(g => g.Key, g => g.ToDictionary(f => f.Path, StringComparer.Ordinal), StringComparer.Ordinal);
        var now = snapshot.Files.GroupBy(f => RepositoryPaths.FolderOf(f.Path)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var changes = new List<FolderChange>();
        var unchanged = new List<string>();
        foreach (var folder in before.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(folder) ?? new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
            var current = now.GetValueOrDefault(folder) ?? [];
            var uploads = new List<SnapshotFile>();
            var kept = new List<ManifestEntry>();
            foreach (var file in current)
            {
                // A synthetic full rewrites a file in place: a new size or time means new content.
                if (old.TryGetValue(file.Path, out var entry) && entry.Length == file.Length && entry.ModifiedTicks == file.ModifiedTicks)
                    kept.Add(entry);
                else
                    uploads.Add(file);
            }
            var present = current.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var deletions = old.Keys.Where(p => !present.Contains(p)).Order(StringComparer.Ordinal).ToList();
            unchanged.AddRange(kept.Select(k => k.Path));
            var change = new FolderChange(folder, uploads, deletions, kept);
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
}
