using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SyncConfig.Engine.Leases;
using SyncConfig.Engine.Protocol;
using SyncConfig.Engine.Repository;
using SyncConfig.Engine.Results;
using SyncConfig.Transports;
using SyncConfig.Engine.Verification;

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
        RunAsync(job, transport, progress, reinitialize: false, cancellationToken);

    /// <summary>Take the remote folder over for this repository, keeping files already there whose size and hash match.</summary>
    public Task<SyncResult> ReinitializeAsync(SyncJob job, IRemoteTransport transport, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(job, transport, progress, reinitialize: true, cancellationToken);

    /// <summary>Only settle an interrupted sync (roll back, or forward past a written commit); returns what was done.</summary>
    public async Task<string?> RecoverAsync(SyncJob job, IRemoteTransport transport, CancellationToken cancellationToken)
    {
        var repository = BackupRepository.Open(job.RepositoryPath);
        var retry = new RemoteRetry(_options, _time, _logger);
        await retry.RunAsync(c => transport.ConnectAsync(c), cancellationToken);
        var remote = new RemoteFolder(transport, job.FolderName, retry);
        await remote.EnsureOwnerAsync(repository.Id, cancellationToken);
        return await new CommitProtocol(remote, _options.Parallelism).RecoverAsync(cancellationToken);
    }

    private async Task<SyncResult> RunAsync(SyncJob job, IRemoteTransport transport, IProgress<SyncProgress>? progress, bool reinitialize, CancellationToken ct)
    {
        var run = new SyncRun(job, _time, progress, _time.GetUtcNow());
        var retry = new RemoteRetry(_options, _time, _logger);
        CommitProtocol? owned = null;
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
            var snapshot = RepositorySnapshot.Take(repository);
            var reopenEarly = job.AllowBackupsDuringSync && !job.RunNow;
            if (reopenEarly)
                gate.OpenGate();
            run.Gate = reopenEarly ? gate : null;

            run.Report("Connecting");
            await retry.RunAsync(c => transport.ConnectAsync(c), ct);
            var remote = new RemoteFolder(transport, job.FolderName, retry);
            var protocol = new CommitProtocol(remote, _options.Parallelism);
            if (reinitialize)
            {
                await remote.TakeOverAsync(repository.Id, ct);
                LocalState.Forget(repository, job.Name);
            }
            else
            {
                await remote.EnsureOwnerAsync(repository.Id, ct);
            }
            owned = protocol;

            run.Recovery = await protocol.RecoverAsync(ct);
            var cached = LocalState.Load(repository, job.Name) is { } state && state.FolderName == job.FolderName && state.Manifest.RepositoryId == repository.Id
                ? state.Manifest : null;
            if (reinitialize)
                run.Report("Comparing files already on the target");
            var (committed, fromRemote, present) = await protocol.LoadCommittedAsync(repository.Id, cached, reinitialize, snapshot, ct);
            if (fromRemote && committed.CommitId.Length > 0 && committed.Name == present[^1])
                new LocalState(job.FolderName, committed).Save(repository, job.Name);

            var plan = SyncPlan.Create(committed, snapshot, job.PerFolderUpload, smallestComputerFirst: reopenEarly);
            run.Plan(plan, repository, job.FolderName);
            var uploader = new Uploader(remote, snapshot);
            // A taken-over folder is committed even when every file matched, so its own manifest replaces the old one.
            var adopted = committed.CommitId.Length == 0 && present.Count > 0;
            foreach (var cycle in plan.Cycles.Count == 0 && adopted ? [new CyclePlan([])] : plan.Cycles)
            {
                committed = await protocol.RunCycleAsync(committed, present, cycle, uploader, run, ct);
                present = [committed.Name];
            }
            LogSucceeded(job.Name, run.FilesUploadedCount, run.BytesUploaded);
            run.Report("Finished");
            return run.Finish(SyncOutcome.Succeeded, retry.Retries);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var settled = await TrySettleAsync(owned, job.Name);
            return run.Finish(SyncOutcome.RolledBack, retry.Retries, settled
                ? "The sync was cancelled; the remote was returned to its last commit."
                : "The sync was cancelled; the next sync returns the remote to its last commit.");
        }
        catch (Exception e)
        {
            var message = Describe(e);
            LogFailed(job.Name, message);
            if (e is not RemoteException { IsTransient: true })
                await TrySettleAsync(owned, job.Name);
            return run.Finish(SyncOutcome.Failed, retry.Retries, message);
        }
    }

    /// <summary>Roll the failed attempt back right away where the target still answers; the next sync does it otherwise.</summary>
    private async Task<bool> TrySettleAsync(CommitProtocol? protocol, string syncName)
    {
        if (protocol is null)
            return true;
        try
        {
            await protocol.RecoverAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e)
        {
            LogSettleFailed(syncName, e.Message);
            return false;
        }
    }

    private static string Describe(Exception e) => e switch
    {
        SyncException sync => sync.Message,
        RemoteException { Kind: RemoteErrorKind.DiskFull } remote => remote.Message + " Free space on the target or choose a larger one.",
        RemoteException { Kind: RemoteErrorKind.AuthenticationFailed } remote => remote.Message + " Check the user name and password.",
        RemoteException { IsTransient: true } remote => remote.Message + " The connection could not be restored within the retry window.",
        RemoteException remote => remote.Message,
        UnauthorizedAccessException => "The repository could not be read: " + e.Message,
        IOException => "The repository could not be read: " + e.Message,
        _ => "The sync failed unexpectedly: " + e.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync {Name} succeeded: {Files} files, {Bytes} bytes uploaded")]
    private partial void LogSucceeded(string name, int files, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync {Name} failed: {Reason}")]
    private partial void LogFailed(string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {Name} was abandoned: backups still running at its start deadline")]
    private partial void LogAbandoned(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {Name} could not roll back right away ({Reason}); the next sync will")]
    private partial void LogSettleFailed(string name, string reason);
}
