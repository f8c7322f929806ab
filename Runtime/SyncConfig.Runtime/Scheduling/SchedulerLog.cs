using Microsoft.Extensions.Logging;
using SyncConfig.Catalog;
using SyncConfig.Engine.Results;

namespace SyncConfig.Runtime.Scheduling;

/// <summary>What the scheduler logs, generated so a line costs no formatting unless its level is on.</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Sync}: window {Window} ({Zone})")]
    public static partial void Scheduled(ILogger logger, string sync, SyncWindowSpec window, string zone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sync}: not scheduled. {Reason}")]
    public static partial void NotScheduled(ILogger logger, string sync, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sync}: NOT SCHEDULED, its configuration has a problem: {Problem}")]
    public static partial void Broken(ILogger logger, string sync, string problem);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Broken} of {Total} syncs are not scheduled because of configuration problems; the other syncs run. 'syncconfig run --check' lists them; StrictStartup (or run --strict) refuses to start instead.")]
    public static partial void BrokenSummary(ILogger logger, int broken, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler error: {Message}")]
    public static partial void SchedulerError(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Sync}: window {Start:O} to {End:O} is open; starting")]
    public static partial void WindowOpen(ILogger logger, string sync, DateTimeOffset start, DateTimeOffset end);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Progress}")]
    public static partial void Progress(ILogger logger, string progress);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Sync}: {Reason}; trying again on the next tick while the window is open")]
    public static partial void Busy(ILogger logger, string sync, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Sync}: {Outcome}; {Bytes} bytes uploaded, {Uploaded} files uploaded, {Deleted} deleted, {Unchanged} unchanged")]
    public static partial void Finished(ILogger logger, string sync, SyncOutcome outcome, long bytes, int uploaded, int deleted, int unchanged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sync}: {Error}")]
    public static partial void RunError(ILogger logger, string sync, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sync}: skipped: {Entry}")]
    public static partial void Skipped(ILogger logger, string sync, string entry);
}
