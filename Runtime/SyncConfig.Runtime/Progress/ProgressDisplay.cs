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
    private readonly string syncName;
    private readonly TimeSpan interval;
    private readonly TimeProvider clock;
    private readonly Action<string> write;
    private readonly long startedAt;
    private readonly Lock gate = new();
    private long lastWrittenAt;
    private SyncProgress? latest;
    private bool latestWritten;

    public PeriodicProgressLines(string syncName, TimeSpan interval, TimeProvider clock, Action<string> write)
    {
        this.syncName = syncName;
        this.interval = interval;
        this.clock = clock;
        this.write = write;
        startedAt = clock.GetTimestamp();
        lastWrittenAt = startedAt;
    }

    public void Report(SyncProgress value)
    {
        lock (gate)
        {
            latest = value;
            latestWritten = false;
            var now = clock.GetTimestamp();
            if (clock.GetElapsedTime(lastWrittenAt, now) < interval)
                return;
            lastWrittenAt = now;
            WriteLatest();
        }
    }

    /// <summary>Writes the last state reported, unless it was already written.</summary>
    public void Flush()
    {
        lock (gate)
            WriteLatest();
    }

    private void WriteLatest()
    {
        if (latest is not { } progress || latestWritten)
            return;
        latestWritten = true;
        write(ProgressText.Format(syncName, progress, clock.GetElapsedTime(startedAt)));
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
