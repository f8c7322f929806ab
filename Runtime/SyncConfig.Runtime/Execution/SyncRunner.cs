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
    /// <summary>Why the status files could not be written, if they could not; the sync itself is not affected.</summary>
    public string? StatusProblem { get; init; }

    /// <summary>Another run of the same sync held the lock; nothing was done.</summary>
    public bool WasBusy => Result is null;

    public bool RemoteIdMismatch => Result?.ErrorKind == SyncErrorKind.RemoteIdMismatch;
}

/// <summary>
/// Runs one attempt of one sync: takes the sync's lock, builds the transport, runs the engine with
/// progress, and records the result in the status files with every secret scrubbed.
/// </summary>
public sealed class SyncRunner(SyncEngine engine, TransportRegistry transports, StatusPublisher status, string stateFolder, TimeProvider clock)
{
    /// <summary>How often the progress file that <c>status</c> reads is rewritten during a run.</summary>
    private static readonly TimeSpan ProgressFileInterval = TimeSpan.FromSeconds(1);

    public async Task<RunOutcome> RunAsync(
        ResolvedSync sync, AttemptTrigger trigger, WindowOccurrence? window, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        SyncLock? runLock;
        try
        {
            runLock = SyncLock.TryAcquire(stateFolder, sync.Name);
        }
        catch (SyncLockException e)
        {
            return Record(sync, trigger, window, Failure(sync, startedAt, SyncOutcome.Failed, e.Message, SyncErrorKind.Other));
        }
        using var held = runLock;
        if (runLock is null)
            return new RunOutcome(null, "another run of this sync is in progress");

        var job = new SyncJob(sync.Name, sync.RepositoryPath, sync.FolderName)
        {
            PerFolderUpload = sync.Registration.PerFolderUpload,
            AllowBackupsDuringSync = sync.Registration.AllowBackupsDuringSync,
            RunNow = trigger != AttemptTrigger.Window,
            StartDeadline = window?.End,
        };

        var reporter = new ProgressFile(status.Store, sync.Name, trigger, startedAt, clock, ProgressFileInterval, progress);
        SyncResult result;
        try
        {
            // Checked at start-up too; again here because a scheduler runs for months and a mount or link can move.
            if (TargetOverlap.Check(sync) is { } overlap)
                throw new SyncException(SyncErrorKind.Other, overlap.Message);
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
            BestEffort(() => status.Store.ClearProgress(sync.Name));
        }

        return Record(sync, trigger, window, result);
    }

    /// <summary>Writes the attempt into the status files; a status folder that refuses it does not undo the sync.</summary>
    private RunOutcome Record(ResolvedSync sync, AttemptTrigger trigger, WindowOccurrence? window, SyncResult result)
    {
        var scrubber = new SecretScrubber(sync.SecretValues);
        result = result with { Errors = result.Errors.Select(scrubber.Scrub).ToList() };
        var problem = BestEffort(() => status.RecordAttempt(sync, AttemptReport.From(result, trigger, window?.Day), AttemptFiles.From(result)));
        return new RunOutcome(result) { StatusProblem = problem is null ? null : $"the status files in '{status.Store.Folder}' could not be written: {problem}" };
    }

    /// <summary>Runs a status file write; returns why it failed, or null.</summary>
    private static string? BestEffort(Action write)
    {
        try
        {
            write();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
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

    /// <summary>Forwards progress and mirrors it into the file <c>status</c> reads: each new phase at once, else at most once per interval.</summary>
    private sealed class ProgressFile(
        StatusStore store, string syncName, AttemptTrigger trigger, DateTimeOffset startedAt, TimeProvider clock, TimeSpan interval,
        IProgress<SyncProgress>? inner) : IProgress<SyncProgress>
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _lastWritten = DateTimeOffset.MinValue;
        private string? _lastPhase;

        public void Report(SyncProgress value)
        {
            inner?.Report(value);
            var now = clock.GetUtcNow();
            lock (_gate)
            {
                // A new phase is written at once: the file must never show a phase the sync has left.
                if (now - _lastWritten < interval && value.Phase == _lastPhase)
                    return;
                _lastWritten = now;
                _lastPhase = value.Phase;
                // Only for status to read: a status folder that refuses it must not stop the upload.
                BestEffort(() => store.WriteProgress(syncName, new ActiveProgress
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
                }));
            }
        }
    }
}
