using Microsoft.Extensions.Logging;
using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Execution;
using SyncConfig.Runtime.Progress;
using SyncConfig.Runtime.Status;

namespace SyncConfig.Runtime.Scheduling;

/// <summary>
/// What the scheduler does on each tick for one sync: if the sync's window is open and this
/// occurrence has not run, start it (the engine closes the backup gate, waits for running backups
/// until the window's end, and abandons the attempt if they outlast it). A sync already running at
/// the window's end finishes: the end only limits the start.
/// </summary>
public sealed class WindowScheduler
{
    private readonly SyncRunner _runner;
    private readonly WindowAttempts _attempts;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly TimeSpan _progressInterval;

    public WindowScheduler(SyncRunner runner, WindowAttempts attempts, TimeZoneInfo zone, TimeProvider clock, ILogger logger, TimeSpan progressInterval)
    {
        _runner = runner;
        _attempts = attempts;
        _zone = zone;
        _clock = clock;
        _logger = logger;
        _progressInterval = progressInterval;
    }

    /// <summary>Runs the due occurrence, if any; returns the outcome, or null when nothing was due.</summary>
    public async Task<RunOutcome?> TickAsync(ResolvedSync sync, CancellationToken cancellationToken)
    {
        var calendar = new SyncWindowCalendar(sync.Registration.Window, _zone);
        if (_attempts.Due(sync.Name, calendar, _clock.GetUtcNow()) is not { } window)
            return null;

        // Recorded before the run: a process stopped mid-sync leaves it unfinished, so a restart inside the window runs it again.
        _attempts.Record(sync.Name, new WindowAttempt(window.Day, Finished: false));
        SchedulerLog.WindowOpen(_logger, sync.Name, window.Start, window.End);
        var lines = new PeriodicProgressLines(sync.Name, _progressInterval, _clock, line => SchedulerLog.Progress(_logger, TerminalText.Escape(line)));
        var outcome = await _runner.RunAsync(sync, AttemptTrigger.Window, window, lines, cancellationToken);
        if (outcome.Result is not { } result)
        {
            SchedulerLog.Busy(_logger, sync.Name, outcome.BusyWith);
            return outcome;
        }

        lines.Flush();
        // Only a run the stop interrupted is left unfinished; one that completed before the stop counts.
        var interrupted = result.Outcome == SyncOutcome.RolledBack && cancellationToken.IsCancellationRequested;
        if (!interrupted)
            _attempts.Record(sync.Name, new WindowAttempt(window.Day, Finished: true));
        SchedulerLog.Finished(_logger, sync.Name, result.Outcome, result.BytesUploaded, result.FilesUploaded.Count, result.FilesDeleted.Count, result.FilesUnchanged.Count);
        if (outcome.StatusProblem is { } statusProblem)
            SchedulerLog.RunError(_logger, sync.Name, TerminalText.Escape(statusProblem));
        foreach (var skipped in result.Skipped)
            SchedulerLog.Skipped(_logger, sync.Name, TerminalText.Escape(skipped));
        foreach (var error in result.Errors)
            SchedulerLog.RunError(_logger, sync.Name, TerminalText.Escape(error));
        return outcome;
    }
}
