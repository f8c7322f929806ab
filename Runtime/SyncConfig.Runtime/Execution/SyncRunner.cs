using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Scheduling;
using SyncConfig.Runtime.Status;
using SyncConfig.Transports;

namespace SyncConfig.Runtime.Execution;

/// <summary>How a request to run a sync ended.</summary>
public sealed record RunOutcome(SyncResult? Result, string? BusyWith = null)
{
    /// <summary>Another run of the same sync held the lock; nothing was done.</summary>
    public bool WasBusy => Result is null;

    public bool RemoteIdMismatch => Result?.ErrorKind == SyncErrorKind.RemoteIdMismatch;
}

/// <summary>
/// Runs one attempt of one sync: takes the sync's lock, builds the transport, runs the engine with
/// progress, and records the result in the status files with every secret scrubbed.
/// </summary>
public sealed class SyncRunner
{
    /// <summary>How often the progress file that <c>status</c> reads is rewritten during a run.</summary>
    private static readonly TimeSpan ProgressFileInterval = TimeSpan.FromSeconds(1);

    private readonly SyncEngine engine;
    private readonly TransportRegistry transports;
    private readonly StatusPublisher status;
    private readonly string stateFolder;
    private readonly TimeProvider clock;

    public SyncRunner(SyncEngine engine, TransportRegistry transports, StatusPublisher status, string stateFolder, TimeProvider clock)
    {
        this.engine = engine;
        this.transports = transports;
        this.status = status;
        this.stateFolder = stateFolder;
        this.clock = clock;
    }

    public async Task<RunOutcome> RunAsync(
        ResolvedSync sync, AttemptTrigger trigger, WindowOccurrence? window, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        using var runLock = SyncLock.TryAcquire(stateFolder, sync.Name);
        if (runLock is null)
            return new RunOutcome(null, "another run of this sync is in progress");

        var startedAt = clock.GetUtcNow();
        var job = new SyncJob(sync.Name, sync.RepositoryPath, sync.FolderName)
        {
            PerFolderUpload = sync.Registration.PerFolderUpload,
            AllowBackupsDuringSync = sync.Registration.AllowBackupsDuringSync,
            RunNow = trigger != AttemptTrigger.Window,
            StartDeadline = window?.End,
        };

        var scrubber = new SecretScrubber(sync.SecretValues);
        var reporter = new ProgressFile(status.Store, sync.Name, trigger, startedAt, clock, ProgressFileInterval, progress);
        SyncResult result;
        try
        {
            await using var transport = transports.Create(sync.Destination);
            result = trigger == AttemptTrigger.Reinitialize
                ? await engine.ReinitializeAsync(job, transport, reporter, cancellationToken)
                : await engine.SyncAsync(job, transport, reporter, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = Failure(sync, startedAt, SyncOutcome.RolledBack, "Stopped before the sync finished; the next sync recovers the remote to its last commit.", null);
        }
        catch (SyncException e)
        {
            result = Failure(sync, startedAt, SyncOutcome.Failed, e.Message, e.Kind);
        }
        catch (Exception e) when (e is TransportNotAvailableException or RemoteException)
        {
            result = Failure(sync, startedAt, SyncOutcome.Failed, e.Message, SyncErrorKind.Other);
        }
        finally
        {
            status.Store.ClearProgress(sync.Name);
        }

        result = result with { Errors = result.Errors.Select(scrubber.Scrub).ToList() };
        status.RecordAttempt(sync, AttemptReport.From(result, trigger, window?.Day));
        return new RunOutcome(result);
    }

    private SyncResult Failure(ResolvedSync sync, DateTimeOffset startedAt, SyncOutcome outcome, string error, SyncErrorKind? kind) => new()
    {
        SyncName = sync.Name,
        Outcome = outcome,
        StartedAt = startedAt,
        EndedAt = clock.GetUtcNow(),
        Errors = [error],
        ErrorKind = kind,
    };

    /// <summary>Forwards progress and mirrors it, at most once per interval, into the file <c>status</c> reads.</summary>
    private sealed class ProgressFile(
        StatusStore store, string syncName, AttemptTrigger trigger, DateTimeOffset startedAt, TimeProvider clock, TimeSpan interval,
        IProgress<SyncProgress>? inner) : IProgress<SyncProgress>
    {
        private readonly Lock gate = new();
        private DateTimeOffset lastWritten = DateTimeOffset.MinValue;

        public void Report(SyncProgress value)
        {
            inner?.Report(value);
            var now = clock.GetUtcNow();
            lock (gate)
            {
                if (now - lastWritten < interval)
                    return;
                lastWritten = now;
                store.WriteProgress(syncName, new ActiveProgress
                {
                    ProcessId = Environment.ProcessId,
                    Trigger = trigger,
                    StartedAt = startedAt,
                    UpdatedAt = now,
                    Phase = value.Phase,
                    BytesDone = value.BytesDone,
                    BytesTotal = value.BytesTotal,
                    FilesDone = value.FilesDone,
                    FilesTotal = value.FilesTotal,
                    CurrentFile = value.CurrentFile,
                });
            }
        }
    }
}
