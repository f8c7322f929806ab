using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SyncConfig.Engine.Leases;
using SyncConfig.Engine.Protocol;
using SyncConfig.Engine.Repository;
using SyncConfig.Engine.Results;
using SyncConfig.Engine.Verification;
using SyncConfig.Transports;

namespace SyncConfig.Engine;

/// <summary>Syncs a backup repository into its folder on a target, keeping the remote recoverable at every instant.</summary>
public sealed partial class SyncEngine
{
    private readonly ILogger<SyncEngine> _logger;
    private readonly TimeProvider _time;
    private readonly SyncEngineOptions _options;

    public SyncEngine(ILogger<SyncEngine>? logger = null, TimeProvider? timeProvider = null, SyncEngineOptions? options = null)
    {
        _logger = logger ?? NullLogger<SyncEngine>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new SyncEngineOptions();
    }

    public Task<SyncResult> SyncAsync(SyncJob job, IRemoteTransport transport, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(job, transport, progress, reinitialize: false, inspect: null, cancellationToken);

    /// <summary>Take the remote folder over for this repository, keeping files already there whose size and hash match.</summary>
    public Task<SyncResult> ReinitializeAsync(SyncJob job, IRemoteTransport transport, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(job, transport, progress, reinitialize: true, inspect: null, cancellationToken);

    /// <summary>
    /// Only settle an interrupted sync (roll back, or forward past a written commit), from the remote alone: the owner's
    /// ID comes from the remote, and no local repository is read. Returns what was done, or null when nothing was pending.
    /// </summary>
    public async Task<string?> RecoverAsync(SyncJob job, IRemoteTransport transport, CancellationToken cancellationToken)
    {
        var retry = new RemoteRetry(_options, _time, _logger);
        await retry.RunAsync(c => transport.ConnectAsync(c), cancellationToken);
        var remote = new RemoteFolder(transport, job.FolderName, retry);
        var owner = await remote.OwnerAsync(cancellationToken);
        // Taken even for a folder nobody has claimed: that also clears the lock a killed first sync left.
        var held = await RemoteLock.AcquireAsync(remote, job.Name, owner ?? "", _options, _time, _logger, cancellationToken);
        await using (held)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Lost);
            return await new CommitProtocol(remote, _options.Parallelism, held).RecoverAsync(snapshot: null, keepStaged: true, linked.Token);
        }
    }

    /// <param name="inspect">Verify with repair: given the committed state and the folder's listing, the paths whose
    /// content is wrong on the target, to upload again in this sync's commit.</param>
    private async Task<SyncResult> RunAsync(
        SyncJob job, IRemoteTransport transport, IProgress<SyncProgress>? progress, bool reinitialize,
        Func<RemoteFolder, Manifest, FolderListing, CancellationToken, Task<IReadOnlySet<string>>>? inspect, CancellationToken ct)
    {
        var run = new SyncRun(job, _time, progress, _time.GetUtcNow(), _options.StreamingProgressInterval);
        var retry = new RemoteRetry(_options, _time, _logger);
        RemoteLock? held = null;
        CommitProtocol? owned = null;
        RepositorySnapshot? snapshot = null;
        try
        {
            var repository = BackupRepository.Open(job.RepositoryPath);
            run.Report("Waiting for backups");
            await using var gate = await SyncGate.CloseAsync(repository.Root, _options.LeasePollInterval, job.StartDeadline, _time, ct);
            if (gate is null)
            {
                LogAbandoned(job.Name);
                return run.Finish(SyncOutcome.Abandoned, retry.Retries,
                    $"Backups were still running at the start deadline {job.StartDeadline:u}; the sync was abandoned until its next window.");
            }

            run.Report("Snapshot");
            snapshot = RepositorySnapshot.Take(repository);
            run.Skipped = snapshot.Skipped;
            var reopenEarly = job.AllowBackupsDuringSync && !job.RunNow;
            if (reopenEarly)
                gate.OpenGate();
            run.Gate = reopenEarly ? gate : null;

            run.Report("Connecting");
            await retry.RunAsync(c => transport.ConnectAsync(c), ct);
            var remote = new RemoteFolder(transport, job.FolderName, retry);
            run.Report("Locking the remote folder");
            held = await RemoteLock.AcquireAsync(remote, job.Name, repository.Id, _options, _time, _logger, ct);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, held.Lost);
            var c = linked.Token;
            if (reinitialize)
            {
                await remote.TakeOverAsync(repository.Id, job.Name, _time.GetUtcNow(), c);
                LocalState.Forget(repository, job.Name);
            }
            else
            {
                await remote.EnsureOwnerAsync(repository.Id, c);
            }
            var protocol = new CommitProtocol(remote, _options.Parallelism, held);
            owned = protocol;

            run.Recovery = await protocol.RecoverAsync(snapshot, keepStaged: true, c);
            // One listing per sync: the mirror held against the committed state (repair), and the staged uploads of an
            // earlier attempt (resume).
            var listing = await remote.ListFolderAsync(c);
            var cached = LocalState.Load(repository, job.Name) is { } state && state.FolderName == job.FolderName && state.Manifest.RepositoryId == repository.Id
                ? state.Manifest : null;
            if (reinitialize)
                run.Report("Comparing files already on the target");
            var loaded = await protocol.LoadCommittedAsync(repository.Id, cached, reinitialize, snapshot, listing.Mirror, c);
            var committed = loaded.Manifest;
            if (loaded.FromRemote && committed.CommitId.Length > 0)
                new LocalState(job.FolderName, committed).Save(repository, job.Name);

            var damaged = Damaged(committed, listing.Mirror, remote.Names);
            if (inspect is not null)
                damaged.UnionWith(await inspect(remote, committed, listing, c));
            if (damaged.Count > 0 && !loaded.Adopted)
            {
                LogRepairing(job.Name, damaged.Count);
                run.Repairing(damaged.Count);
            }

            var plan = SyncPlan.Create(committed, snapshot, job.PerFolderUpload, smallestComputerFirst: reopenEarly, damaged, remote.Names);
            run.Plan(plan, repository, job.FolderName);
            var uploader = new Uploader(remote, snapshot);
            // A taken-over folder is committed even when every file matched, so its own manifest replaces the old one.
            var cycles = plan.Cycles.Count == 0 && loaded.Adopted ? [new CyclePlan([])] : plan.Cycles;
            for (var i = 0; i < cycles.Count; i++)
                committed = await protocol.RunCycleAsync(committed, cycles[i], uploader, listing.Staged, run, final: i == cycles.Count - 1, c);
            if (cycles.Count == 0 && listing.Staged.Count > 0)
                await remote.DeleteFolderAsync(remote.StagingFolder, c); // staged bytes that no sync will use any more
            LogSucceeded(job.Name, run.FilesUploadedCount, run.BytesUploaded);
            run.Report("Finished");
            return run.Finish(SyncOutcome.Succeeded, retry.Retries);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var settled = await TrySettleAsync(owned, held, snapshot, keepStaged: true, job.Name);
            return run.Finish(SyncOutcome.RolledBack, retry.Retries, settled
                ? "The sync was cancelled; the remote was returned to its last commit."
                : "The sync was cancelled; the next sync returns the remote to its last commit.");
        }
        catch (OperationCanceledException) when (held is { IsLost: true })
        {
            const string message = "Another sync took over the remote folder's lock while this one ran (it had not been renewed in time); this sync stopped without committing.";
            LogFailed(job.Name, message);
            return run.Finish(SyncOutcome.Failed, retry.Retries, message, SyncErrorKind.RemoteLocked);
        }
        catch (Exception e)
        {
            var message = Describe(e);
            LogFailed(job.Name, message);
            if (e is not RemoteException { IsTransient: true })
                await TrySettleAsync(owned, held, snapshot, keepStaged: e is not RemoteException { Kind: RemoteErrorKind.DiskFull }, job.Name);
            return run.Finish(SyncOutcome.Failed, retry.Retries, message, KindOf(e));
        }
        finally
        {
            if (held is not null)
                await held.DisposeAsync();
        }
    }

    /// <summary>Committed files that the folder's listing shows missing or with another size.</summary>
    private static HashSet<string> Damaged(Manifest committed, IReadOnlyList<RemoteFileInfo> mirror, NameKeys names)
    {
        var lengths = new Dictionary<string, long>(mirror.Count, StringComparer.Ordinal);
        foreach (var file in mirror)
            lengths[names.Key(file.Path)] = file.Length;
        var damaged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in committed.Files)
        {
            if (!lengths.TryGetValue(names.Key(entry.Path), out var length) || length != entry.Length)
                damaged.Add(entry.Path);
        }
        return damaged;
    }

    /// <summary>Roll the failed attempt back right away where the target still answers and the lock is still this sync's; the next sync does it otherwise.</summary>
    private async Task<bool> TrySettleAsync(CommitProtocol? protocol, RemoteLock? held, RepositorySnapshot? snapshot, bool keepStaged, string syncName)
    {
        if (protocol is null)
            return true;
        if (held is { IsLost: true })
            return false;
        try
        {
            await protocol.RecoverAsync(snapshot, keepStaged, CancellationToken.None);
            return true;
        }
        catch (Exception e)
        {
            LogSettleFailed(syncName, e.Message);
            return false;
        }
    }

    internal string Describe(Exception e) => e switch
    {
        SyncException sync => sync.Message,
        RemoteException { Kind: RemoteErrorKind.DiskFull } remote => remote.Message + " Free space on the target or choose a larger one.",
        // A refused sign-in names its own setting (password, key file, host key or certificate pin, the clock): a generic
        // "check the password" would send a person after the wrong one when a server's identity was refused.
        RemoteException { Kind: RemoteErrorKind.AuthenticationFailed } remote => remote.Message,
        RemoteException { IsTransient: true } remote => remote.Message +
            $" The connection could not be restored within the retry window ({Span(_options.RetryWindow)}, the RetryWindow setting); the next sync continues from what this one sent.",
        RemoteException remote => remote.Message,
        UnauthorizedAccessException => "The repository could not be read: " + e.Message,
        IOException => "The repository could not be read: " + e.Message,
        // Most likely damaged remote state that nothing above recognised: say how to get past it, not only that it failed.
        _ => $"The sync failed unexpectedly: {e.Message} If this repeats, 'syncconfig verify' shows what is wrong on the target, " +
            "and 'syncconfig reinitialize' rebuilds the remote state from the files already there.",
    };

    private static string Span(TimeSpan span) => span.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min");

    private static SyncErrorKind KindOf(Exception e) => e switch
    {
        SyncException sync => sync.Kind,
        RemoteException remote => KindOf(remote.Kind),
        _ => SyncErrorKind.Other,
    };

    private static SyncErrorKind KindOf(RemoteErrorKind kind) => kind switch
    {
        RemoteErrorKind.Unreachable => SyncErrorKind.Unreachable,
        RemoteErrorKind.AuthenticationFailed => SyncErrorKind.AuthenticationFailed,
        RemoteErrorKind.NotFound => SyncErrorKind.TargetMissing,
        RemoteErrorKind.PermissionDenied => SyncErrorKind.PermissionDenied,
        RemoteErrorKind.DiskFull => SyncErrorKind.DiskFull,
        RemoteErrorKind.ConnectionDropped => SyncErrorKind.ConnectionDropped,
        _ => SyncErrorKind.Other,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync {Name} succeeded: {Files} files, {Bytes} bytes uploaded")]
    private partial void LogSucceeded(string name, int files, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync {Name} failed: {Reason}")]
    private partial void LogFailed(string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {Name} was abandoned: backups still running at its start deadline")]
    private partial void LogAbandoned(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {Name} uploads {Count} files again that are missing or damaged on the target")]
    private partial void LogRepairing(string name, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {Name} could not roll back right away ({Reason}); the next sync will")]
    private partial void LogSettleFailed(string name, string reason);
}
