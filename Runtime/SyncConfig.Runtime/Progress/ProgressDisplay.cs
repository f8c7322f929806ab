using Spectre.Console;
using SyncConfig.Engine.Results;

namespace SyncConfig.Runtime.Progress;

/// <summary>
/// Shows a running sync's progress: a live Spectre.Console bar on a terminal, plain periodic lines
/// when output goes to a file, a pipe or the journal (a live bar there is only noise).
/// </summary>
public static class ProgressDisplay
{
    public static bool IsInteractive(IAnsiConsole console) =>
        !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> with a live bar on <paramref name="console"/> if it is a terminal, else lines on <paramref name="plain"/>.</summary>
    public static async Task<T> RunAsync<T>(
        IAnsiConsole console, TextWriter plain, string syncName, TimeSpan logInterval, TimeProvider clock,
        Func<IProgress<SyncProgress>, Task<T>> work)
    {
        if (!IsInteractive(console))
        {
            // Plain text, not the console's WriteLine: that wraps at its assumed width when output is redirected.
            var lines = new PeriodicProgressLines(syncName, logInterval, clock, plain.WriteLine);
            var result = await work(lines);
            lines.Flush();
            return result;
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(syncName), maxValue: 1);
                var result = await work(new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesDone;
                    task.Description = Markup.Escape($"{syncName}: {p.Phase} {p.FilesDone}/{p.FilesTotal} files");
                }));
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }
}

/// <summary>Plain progress: at most one line per interval, plus the final state.</summary>
public sealed class PeriodicProgressLines : IProgress<SyncProgress>
{
    private readonly string _syncName;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly Action<string> _write;
    private readonly long _startedAt;
    private readonly Lock _gate = new();
    private long _lastWrittenAt;
    private SyncProgress? _latest;
    private bool _latestWritten;

    public PeriodicProgressLines(string syncName, TimeSpan interval, TimeProvider clock, Action<string> write)
    {
        _syncName = syncName;
        _interval = interval;
        _clock = clock;
        _write = write;
        _startedAt = _clock.GetTimestamp();
        _lastWrittenAt = _startedAt;
    }

    public void Report(SyncProgress value)
    {
        lock (_gate)
        {
            _latest = value;
            _latestWritten = false;
            var now = _clock.GetTimestamp();
            if (_clock.GetElapsedTime(_lastWrittenAt, now) < _interval)
                return;
            _lastWrittenAt = now;
            WriteLatest();
        }
    }

    /// <summary>Writes the last state reported, unless it was already written.</summary>
    public void Flush()
    {
        lock (_gate)
            WriteLatest();
    }

    private void WriteLatest()
    {
        if (_latest is not { } progress || _latestWritten)
            return;
        _latestWritten = true;
        _write(ProgressText.Format(_syncName, progress, _clock.GetElapsedTime(_startedAt)));
    }
}

/// <summary>
/// Calls back on the reporting thread. <see cref="Progress{T}"/> posts to the thread pool, so a
/// final report could land after the sync has returned.
/// </summary>
public sealed class SynchronousProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
{
    public void Report(SyncProgress value) => report(value);
}
