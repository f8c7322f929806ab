using System.Collections.Concurrent;
using SyncConfig.Engine.Repository;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// The write order that keeps the remote recoverable at every instant (as restic orders data, index, snapshot):
/// journal first, then uploads into staging, then the manifest (the commit), then moving staged files into place
/// and deleting what the commit no longer lists, and the journal last.
/// </summary>
internal sealed class CommitProtocol(RemoteFolder remote, int parallelism)
{
    /// <summary>Settle an interrupted sync before anything is planned. Returns what was done, or null.</summary>
    public async Task<string?> RecoverAsync(CancellationToken ct)
    {
        // tmp/ only ever holds writes that never got their final name.
        await remote.DeleteFolderAsync(remote.TemporaryFolder, ct);
        if (await remote.ReadJournalAsync(ct) is not { } journal)
            return null;
        var manifests = await remote.ListManifestsAsync(ct);
        if (manifests.Contains(journal.Commits))
        {
            await RollForwardAsync(journal, manifests, mayBeDone: true, ct);
            return $"Finished an interrupted sync whose commit (generation {journal.Generation}) was already written.";
        }
        await Parallel.ForEachAsync(journal.Placed, Options(ct), async (path, c) => await remote.DeleteFileAsync(remote.Mirror(path), c));
        await RemoveEmptiedFoldersAsync(journal.Placed, ct);
        await remote.DeleteFolderAsync(remote.StagingFolder, ct);
        await remote.DeleteFileAsync(remote.JournalPath, ct);
        return $"Rolled back an interrupted sync to the last commit (generation {journal.Generation - 1}).";
    }

    /// <summary>The committed state: the local copy when it is the remote's newest manifest, else the remote manifest.</summary>
    /// <remarks>Also returns every manifest name present: the next commit supersedes them all.</remarks>
    public async Task<(Manifest Manifest, bool FromRemote, IReadOnlyList<ManifestName> Present)> LoadCommittedAsync(
        string repositoryId, Manifest? cached, bool adopt, RepositorySnapshot snapshot, CancellationToken ct)
    {
        var manifests = await remote.ListManifestsAsync(ct);
        if (adopt)
            return (await AdoptAsync(repositoryId, snapshot, manifests, ct), true, manifests);
        if (manifests.Count == 0)
            return (Manifest.Empty(repositoryId), false, manifests);
        var newest = manifests[^1];
        if (cached is not null && cached.Name == newest)
            return (cached, false, manifests);
        var committed = await remote.ReadManifestAsync(newest, ct);
        // Another repository's manifest under this repository's ID: a reinitialize that stopped before its commit.
        if (committed.RepositoryId != repositoryId)
            return (await AdoptAsync(repositoryId, snapshot, manifests, ct), true, manifests);
        return (committed, true, manifests);
    }

    /// <summary>
    /// Reinitialize (or finish one that was interrupted): rebuild a base state from the files already in the mirror,
    /// keeping those whose size and SHA-256 match the snapshot so they are not uploaded again. Every other file is
    /// listed with no hash, so the plan replaces or deletes it.
    /// </summary>
    private async Task<Manifest> AdoptAsync(string repositoryId, RepositorySnapshot snapshot, IReadOnlyList<ManifestName> manifests, CancellationToken ct)
    {
        var local = snapshot.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var entries = new ConcurrentBag<ManifestEntry>();
        await Parallel.ForEachAsync(await remote.ListMirrorAsync(ct), Options(ct), async (file, c) =>
        {
            if (local.TryGetValue(file.Path, out var mine) && mine.Length == file.Length)
            {
                var theirs = await remote.Retry.RunAsync(async c2 =>
                {
                    await using var stream = await remote.Transport.OpenReadAsync(remote.Mirror(file.Path), c2);
                    return await Uploader.HashAsync(stream, c2);
                }, c);
                using var local = snapshot.Open(mine, sequential: true);
                await using var localStream = local is null ? null : new FileStream(local, FileAccess.Read, 1);
                if (localStream is not null && await Uploader.HashAsync(localStream, c) == theirs)
                {
                    entries.Add(new ManifestEntry(mine.Path, mine.Length, mine.ModifiedTicks, theirs));
                    return;
                }
            }
            entries.Add(new ManifestEntry(file.Path, file.Length, long.MinValue, ""));
        });
        return new Manifest
        {
            RepositoryId = repositoryId,
            Generation = manifests.Count == 0 ? 0 : manifests[^1].Generation,
            CommitId = "", // never committed as such: neither cached nor taken for a manifest on the remote
            Files = entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>One commit: the folders of <paramref name="cycle"/> move from <paramref name="committed"/> to the snapshot.</summary>
    public async Task<Manifest> RunCycleAsync(
        Manifest committed, IReadOnlyList<ManifestName> superseded, CyclePlan cycle, Uploader uploader, ICycleObserver observer, CancellationToken ct)
    {
        // Only a file the committed state lists must wait in staging; a new one can go straight into place
        // (restic's order, data before the index that names it), which spares a rename or copy per new file.
        var listed = committed.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var uploads = cycle.Folders.SelectMany(f => f.Uploads).Select(u => u.Path).ToList();
        var journal = new Journal
        {
            Generation = committed.Generation + 1,
            CommitId = Guid.NewGuid().ToString("N"),
            Staged = uploads.Where(listed.Contains).ToList(),
            Placed = uploads.Where(p => !listed.Contains(p)).ToList(),
            Deleted = cycle.Folders.SelectMany(f => f.Deletions).ToList(),
        };
        await remote.WriteJournalAsync(journal, ct);

        var uploaded = new ConcurrentBag<ManifestEntry>();
        foreach (var computer in cycle.Folders.GroupBy(f => f.Computer))
        {
            foreach (var folder in computer)
            {
                await Parallel.ForEachAsync(folder.Uploads, Options(ct), async (file, c) =>
                {
                    var destination = listed.Contains(file.Path) ? remote.Staging(file.Path) : remote.Mirror(file.Path);
                    uploaded.Add(await uploader.UploadAsync(file, destination, c));
                    observer.FileUploaded(file);
                });
                observer.FolderUploaded(folder.Folder);
            }
        }

        var covered = cycle.Folders.Select(f => f.Folder).ToHashSet(StringComparer.Ordinal);
        var manifest = new Manifest
        {
            RepositoryId = committed.RepositoryId,
            Generation = journal.Generation,
            CommitId = journal.CommitId,
            CommittedAt = observer.Now(),
            Files = committed.Files.Where(f => !covered.Contains(RepositoryPaths.FolderOf(f.Path)))
                .Concat(cycle.Folders.SelectMany(f => f.Unchanged))
                .Concat(uploaded)
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ToList(),
        };
        await remote.WriteManifestAsync(manifest, ct);
        observer.Committed(manifest);

        await RollForwardAsync(journal, superseded, mayBeDone: false, ct);
        return manifest;
    }

    /// <summary>After the commit: staged files into place, unlisted files away, older manifests away, journal last.</summary>
    private async Task RollForwardAsync(Journal journal, IReadOnlyList<ManifestName> manifests, bool mayBeDone, CancellationToken ct)
    {
        await Parallel.ForEachAsync(journal.Staged, Options(ct), async (path, c) => await remote.PromoteAsync(path, mayBeDone, c));
        await Parallel.ForEachAsync(journal.Deleted, Options(ct), async (path, c) => await remote.DeleteFileAsync(remote.Mirror(path), c));
        await RemoveEmptiedFoldersAsync(journal.Deleted, ct);
        foreach (var name in manifests.Where(n => n != journal.Commits))
            await remote.DeleteFileAsync(remote.ManifestPath(name), ct);
        await remote.DeleteFolderAsync(remote.StagingFolder, ct);
        await remote.DeleteFileAsync(remote.JournalPath, ct);
    }

    private async Task RemoveEmptiedFoldersAsync(IEnumerable<string> deleted, CancellationToken ct)
    {
        foreach (var folder in EmptiedFolders(deleted))
            await remote.RemoveEmptyFolderAsync(remote.Mirror(folder), ct);
    }

    /// <summary>Folders that deleting files may have left empty, deepest first.</summary>
    private static IEnumerable<string> EmptiedFolders(IEnumerable<string> deleted)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in deleted)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
                folders.Add(path[..slash]);
        }
        return folders.OrderByDescending(f => f.Count(ch => ch == '/')).ThenBy(f => f, StringComparer.Ordinal);
    }

    private ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = parallelism, CancellationToken = ct };
}

/// <summary>What the engine wants to hear from a commit cycle: progress, reopening computers, the commit itself.</summary>
internal interface ICycleObserver
{
    DateTimeOffset Now();
    void FileUploaded(SnapshotFile file);
    void FolderUploaded(string folder);
    void Committed(Manifest manifest);
}
