using System.Collections.Concurrent;
using SyncConfig.Engine.Repository;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// The write order that keeps the remote recoverable at every instant (as restic orders data, index, snapshot):
/// journal first, then uploads into staging, then the manifest (the commit), then moving staged files into place
/// and deleting what the commit no longer lists, and the journal last. Until the commit the mirror is exactly the
/// last committed snapshot wherever the target can rename; after it, each file is its old or its new version until
/// the promotion is done (or, on targets that cannot replace atomically, missing for a moment with its new version
/// under staging/, which the journal names).
/// </summary>
internal sealed class CommitProtocol(RemoteFolder remote, int parallelism, RemoteLock held)
{
    /// <summary>
    /// Settle an interrupted sync before anything is planned; the caller holds the folder's lock, so the journal's own
    /// writer is gone (its lock was released, or stale and taken over). Returns what was done, or null.
    /// </summary>
    /// <param name="snapshot">The local repository, when there is one: a rollback keeps staged bytes only of sources
    /// that have not changed since, for the next sync to continue. Without it (recover from the remote alone) every
    /// staged file is kept, and the next commit removes those that no sync used.</param>
    /// <param name="keepStaged">False after the target ran out of space: staged bytes then go, not wait to be continued.</param>
    public async Task<string?> RecoverAsync(RepositorySnapshot? snapshot, bool keepStaged, CancellationToken ct)
    {
        // tmp/ only ever holds writes that never got their final name.
        await remote.ClearTemporaryFolderAsync(ct);
        if (await remote.ReadJournalAsync(ct) is not { } journal)
            return null;
        // Decided by reading the manifest of that exact name, never by a listing that may lag behind the target.
        if (await CommittedAsync(journal, ct))
        {
            await RollForwardAsync(journal, final: false, stagedNow: false, ct);
            return $"Finished an interrupted sync whose commit (generation {journal.Generation}) was already written.";
        }
        await Parallel.ForEachAsync(journal.Placed, Options(ct), async (path, c) => await remote.DeleteFileAsync(remote.Mirror(path), c));
        await RemoveEmptiedFoldersAsync(journal.Placed, ct);
        var kept = 0;
        if (!keepStaged)
        {
            await remote.DeleteFolderAsync(remote.StagingFolder, ct);
        }
        else if (snapshot is not null)
        {
            var sources = snapshot.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            await Parallel.ForEachAsync(journal.Staged, Options(ct), async (staged, c) =>
            {
                if (sources.TryGetValue(staged.Path, out var source) && source.Length == staged.Length && source.ModifiedTicks == staged.ModifiedTicks)
                    Interlocked.Increment(ref kept);
                else
                    await remote.DeleteFileAsync(remote.Staging(staged.Path), c);
            });
        }
        await remote.DeleteFileAsync(remote.JournalPath, ct);
        return $"Rolled back an interrupted sync to the last commit (generation {journal.Generation - 1})"
            + (kept > 0 ? $", keeping {kept} staged uploads to continue." : ".");
    }

    /// <summary>
    /// Whether the journal's manifest is on the target. One that does not read back whole was never confirmed, so no
    /// file was moved on its account: it is removed, and the sync rolled back.
    /// </summary>
    private async Task<bool> CommittedAsync(Journal journal, CancellationToken ct)
    {
        try
        {
            return await remote.TryReadManifestAsync(journal.Commits, ct) is not null;
        }
        catch (SyncException e) when (e.Kind == SyncErrorKind.CorruptedManifest)
        {
            await remote.DeleteFileAsync(remote.ManifestPath(journal.Commits), ct);
            return false;
        }
    }

    /// <summary>The committed state: the local copy when it is the remote's newest manifest, else the remote manifest.</summary>
    /// <param name="mirror">The mirror's files, which a reinitialize compares with the snapshot.</param>
    public async Task<CommittedState> LoadCommittedAsync(
        string repositoryId, Manifest? cached, bool reinitialize, RepositorySnapshot snapshot, IReadOnlyList<RemoteFileInfo> mirror, CancellationToken ct)
    {
        var manifests = await remote.ListManifestsAsync(ct);
        if (reinitialize)
            return new(await AdoptAsync(repositoryId, snapshot, manifests, mirror, ct), FromRemote: true, Adopted: true);
        if (cached is not null && (manifests.Count == 0 || cached.Generation > manifests[^1].Generation)
            && cached.CommitId.Length > 0 && await remote.GetFileAsync(remote.ManifestPath(cached.Name), ct) is not null)
            return new(cached, FromRemote: false, Adopted: false); // a listing that lags behind the last commit
        if (manifests.Count == 0)
            return new(Manifest.Empty(repositoryId), FromRemote: false, Adopted: false);
        if (cached is not null && cached.Name == manifests[^1])
            return new(cached, FromRemote: false, Adopted: false);
        var committed = await remote.ReadNewestManifestAsync(manifests, ct);
        if (committed.RepositoryId == repositoryId)
            return new(committed, FromRemote: true, Adopted: false);
        // Another repository's manifest under this repository's ID: only a reinitialize interrupted before its commit
        // leaves that, and its takeover record says so.
        if ((await remote.ReadTakeoverAsync(ct))?.RepositoryId == repositoryId)
            return new(await AdoptAsync(repositoryId, snapshot, manifests, mirror, ct), FromRemote: true, Adopted: true);
        throw new SyncException(SyncErrorKind.RemoteIdMismatch,
            SyncException.RemoteIdMismatchMessage + ": its newest manifest belongs to another repository. Run reinitialize to take it over.");
    }

    /// <summary>
    /// Reinitialize (or finish one that was interrupted): rebuild a base state from the files already in the mirror,
    /// keeping those whose size and SHA-256 match the snapshot so they are not uploaded again. Every other file is
    /// listed with no hash, so the plan replaces or deletes it.
    /// </summary>
    private async Task<Manifest> AdoptAsync(
        string repositoryId, RepositorySnapshot snapshot, IReadOnlyList<ManifestName> manifests, IReadOnlyList<RemoteFileInfo> mirror, CancellationToken ct)
    {
        var local = snapshot.Files.ToDictionary(f => remote.Names.Key(f.Path), StringComparer.Ordinal);
        var entries = new ConcurrentBag<ManifestEntry>();
        await Parallel.ForEachAsync(mirror, Options(ct), async (file, c) =>
        {
            if (local.TryGetValue(remote.Names.Key(file.Path), out var mine) && mine.Path == file.Path && mine.Length == file.Length)
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
    /// <param name="stagedOnTarget">Staged files the folder's listing showed: bytes of an earlier attempt to continue.</param>
    /// <param name="final">The sync's last commit: staged files no cycle used are removed after it.</param>
    public async Task<Manifest> RunCycleAsync(
        Manifest committed, CyclePlan cycle, Uploader uploader, IReadOnlyDictionary<string, long> stagedOnTarget, ICycleObserver observer,
        bool final, CancellationToken ct)
    {
        // Where the target can rename, every upload waits in staging, so the mirror stays the committed snapshot until
        // the commit. Without rename (S3), moving a file costs a server-side copy: only a file the committed state
        // still lists waits in staging, and a new one goes straight to its place (restic's order, data before the
        // index that names it), which a rollback deletes.
        var listed = committed.Files.Select(f => f.Path).ToHashSet(remote.Names.Comparer);
        bool Staged(SnapshotFile file) => remote.Capabilities.Rename || listed.Contains(file.Path);
        var uploads = cycle.Folders.SelectMany(f => f.Uploads).ToList();
        var journal = new Journal
        {
            Generation = committed.Generation + 1,
            CommitId = Guid.NewGuid().ToString("N"),
            LockToken = held.Token,
            Staged = uploads.Where(Staged).Select(f => new StagedFile(f.Path, f.Length, f.ModifiedTicks)).ToList(),
            Placed = uploads.Where(f => !Staged(f)).Select(f => f.Path).ToList(),
            Deleted = cycle.Folders.SelectMany(f => f.Deletions).ToList(),
        };
        await remote.WriteJournalAsync(journal, ct);

        // One pool of uploads across all folders (a folder of one large image would otherwise leave the other
        // connections idle), taken computer by computer so that a computer's folders are done, and it reopens, early.
        var uploaded = new ConcurrentBag<ManifestEntry>();
        var left = cycle.Folders.ToDictionary(f => f.Folder, f => f.Uploads.Count, StringComparer.Ordinal);
        var counting = new Lock();
        foreach (var folder in cycle.Folders.Where(f => f.Uploads.Count == 0))
            observer.FolderUploaded(folder.Folder);
        var work = cycle.Folders.GroupBy(f => f.Computer).SelectMany(c => c).SelectMany(f => f.Uploads.Select(file => (f.Folder, File: file)));
        await Parallel.ForEachAsync(work, Options(ct), async (item, c) =>
        {
            var staged = Staged(item.File);
            var destination = staged ? remote.Staging(item.File.Path) : remote.Mirror(item.File.Path);
            uploaded.Add(await uploader.UploadAsync(
                item.File, destination, staged && stagedOnTarget.ContainsKey(item.File.Path), bytes => observer.Streaming(item.File, bytes), c));
            observer.FileUploaded(item.File);
            lock (counting)
            {
                if (--left[item.Folder] == 0)
                    observer.FolderUploaded(item.Folder);
            }
        });

        var covered = cycle.Folders.Select(f => f.Folder).ToHashSet(remote.Names.Comparer);
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
        // Only the writer that holds the lock, with its own journal in place, commits.
        await held.EnsureHeldAsync(ct);
        if ((await remote.ReadJournalAsync(ct))?.CommitId != journal.CommitId)
            throw new SyncException(SyncErrorKind.RemoteLocked, "The journal of this sync was replaced by another sync's; this sync stopped before its commit.");
        await remote.WriteManifestAsync(manifest, ct);
        observer.Committed(manifest);

        await RollForwardAsync(journal, final, stagedNow: true, ct);
        return manifest;
    }

    /// <summary>
    /// After the commit: staged files into place, unlisted files away, older manifests away (the new one is confirmed),
    /// journal last. Every step is a no-op when repeated.
    /// </summary>
    /// <param name="stagedNow">Right after this sync's own uploads (not a recovery): every staged file is there.</param>
    private async Task RollForwardAsync(Journal journal, bool final, bool stagedNow, CancellationToken ct)
    {
        await Parallel.ForEachAsync(journal.Staged, Options(ct), async (file, c) => await remote.PromoteAsync(file, stagedNow, c));
        await Parallel.ForEachAsync(journal.Deleted, Options(ct), async (path, c) => await remote.DeleteFileAsync(remote.Mirror(path), c));
        await RemoveEmptiedFoldersAsync(journal.Deleted, ct);
        foreach (var name in await remote.ListManifestsAsync(ct))
        {
            if (name.Generation < journal.Generation || (name.Generation == journal.Generation && name != journal.Commits))
                await remote.DeleteFileAsync(remote.ManifestPath(name), ct);
        }
        if (final)
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

/// <summary>The committed state a sync starts from.</summary>
/// <param name="FromRemote">Read from the target (the local copy is then replaced).</param>
/// <param name="Adopted">Rebuilt from the mirror's files (reinitialize): committed even when nothing is to upload.</param>
internal sealed record CommittedState(Manifest Manifest, bool FromRemote, bool Adopted);

/// <summary>What the engine wants to hear from a commit cycle: progress, reopening computers, the commit itself.</summary>
internal interface ICycleObserver
{
    DateTimeOffset Now();
    void FileUploaded(SnapshotFile file);

    /// <summary>How many bytes of <paramref name="file"/> are on the target so far, while it streams.</summary>
    void Streaming(SnapshotFile file, long bytesOnTarget);
    void FolderUploaded(string folder);
    void Committed(Manifest manifest);
}
