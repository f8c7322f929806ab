using System.Diagnostics;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>
/// The server goes away in the middle of an upload, as a stopped server does (open connections reset, new ones
/// refused), and comes back: within the retry window (<c>SyncConfig:RetryWindow</c>) the sync finishes; past it the
/// sync fails naming the unreachable server, and the next sync completes. The shared test server keeps running for
/// the other tests: the executable reaches it through relays that the test stops and starts (<see cref="ServerOutage"/>).
/// </summary>
[TestClass]
public sealed class ServerRestartTests
{
    private const int MiB = 1 << 20;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("FTPS")]
    [DataRow("SMB")]
    public async Task AServerBackWithinTheRetryWindowLetsTheSyncFinishAndOneAwayLongerFailsUntilTheNextSync(string kind)
    {
        await using var target = ReliabilityTarget.Create(kind);
        target.GenerateRepository(seed: 31, megabytes: 1, largeMegabytes: 4);
        await using var outage = target.RouteThroughRelay();

        // Past the window: the server stops after 1 MiB of the upload and stays away for longer than 2 s.
        target.Configure(new Dictionary<string, string> { ["RetryWindow"] = "00:00:02" });
        var (failed, failedAfter) = await SyncWhileTheServerStopsAsync(target, outage, awayFor: null);
        BadRemoteStateTests.AssertNoCrash(failed);
        Assert.AreEqual(ExitCodes.SyncFailed, failed.ExitCode, failed.ToString());
        Assert.AreEqual("Failed", target.LastAttempt().GetProperty("outcome").GetString(), failed.ToString());
        AssertNamesTheUnreachableServer(failed);
        Assert.Contains("retry window (2 s, the RetryWindow setting)", failed.Error, "the message says how long it retried and what sets that");
        Assert.IsLessThan(TimeSpan.FromSeconds(60), failedAfter, "the sync gave up long after its 2 s window");

        outage.Down = false;
        var next = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Assert.AreEqual(ExitCodes.Ok, next.ExitCode, next.ToString());
        await BadRemoteStateTests.AssertSettledAsync(target);

        // Within the window: a new 4 MiB image; the server stops after 1 MiB of it and is back 2 s later.
        BadRemoteStateTests.AddImage(target, "restart.mrimg", 4 * MiB);
        target.Configure(new Dictionary<string, string> { ["RetryWindow"] = "00:01:00" });
        var (resumed, resumedAfter) = await SyncWhileTheServerStopsAsync(target, outage, awayFor: TimeSpan.FromSeconds(2));
        Assert.AreEqual(ExitCodes.Ok, resumed.ExitCode, resumed.ToString());
        var retries = target.LastAttempt().GetProperty("retries").GetInt32();
        Assert.IsGreaterThan(0, retries, "the sync went on without noticing the server was gone:\n" + resumed);
        await BadRemoteStateTests.AssertSettledAsync(target);

        var summary = $"server restart: {kind}: away past a 2 s window: exit {failed.ExitCode} {failedAfter.TotalSeconds:F1} s after the stop, next sync Ok; "
            + $"away 2 s within a 60 s window: exit {resumed.ExitCode} after {retries} retries, {resumedAfter.TotalSeconds:F1} s after the stop; mirror = snapshot, nothing left over";
        TestContext.WriteLine(summary);
        Console.WriteLine(summary + "\n  past the window: " + failed.Error.Trim().Replace('\n', ' '));
    }

    /// <summary>
    /// Starts a sync, stops the server once 1 MiB more went up, brings it back after <paramref name="awayFor"/> (never
    /// when null), and waits for the sync; returns the run and how long after the stop it ended.
    /// </summary>
    private static async Task<(ProcessRun Run, TimeSpan AfterStop)> SyncWhileTheServerStopsAsync(ReliabilityTarget target, ServerOutage outage, TimeSpan? awayFor)
    {
        var stopAt = outage.BytesUp + MiB;
        using var process = target.Cli.Start("sync", target.Sync, "--now");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (outage.BytesUp < stopAt && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(1))
            await Task.Delay(2);
        var stoppedMidSync = !process.HasExited;
        outage.Down = true;
        var sinceStop = Stopwatch.StartNew();
        if (awayFor is { } away)
        {
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(away));
            outage.Down = false;
        }
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            await process.WaitForExitAsync(limit.Token);
        var run = new ProcessRun(process.ExitCode, await output, await error);
        Assert.IsTrue(stoppedMidSync, "the sync ended before the server was stopped:\n" + run);
        return (run, sinceStop.Elapsed);
    }

    private static void AssertNamesTheUnreachableServer(ProcessRun run)
    {
        string[] words = ["refused", "reset", "unreachable", "could not connect", "cannot connect", "connection"];
        Assert.IsTrue(words.Any(w => run.Error.Contains(w, StringComparison.OrdinalIgnoreCase)),
            "the error does not say the server could not be reached:\n" + run);
    }
}
