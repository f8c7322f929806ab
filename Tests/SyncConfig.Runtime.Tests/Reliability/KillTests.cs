using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>
/// kill -9 of the built <c>syncconfig sync NAME --now</c> at random moments on every landed target, then a rerun to
/// completion: the remote must equal the local snapshot file by file, with nothing left in staging, no journal, no
/// pending S3 multipart upload, the repository untouched, and the rerun sending no more than was missing.
/// </summary>
/// <remarks>
/// The moments come from a seeded <see cref="Random"/>; the seed is printed (set <c>SYNCCONFIG_KILL_SEED</c> to
/// repeat a run). A third of the kills land at a random time after the start (often during start-up, connecting or
/// locking), a third at a random time after the run's progress file appears, and a third at a random time after the
/// journal appears on the remote (uploading, committing, promoting). Each round adds a new image first, so every run
/// has something to upload.
/// </remarks>
[TestClass]
public sealed class KillTests
{
    private const int KillsPerTarget = 6;
    private const int MaxRoundsPerTarget = 16;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("Local Path")]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("FTP")]
    [DataRow("FTPS")]
    [DataRow("SMB")]
    public async Task KilledSyncsAreCompletedByTheNextRunWithNothingLostOrLeftOver(string kind)
    {
        var seed = Environment.GetEnvironmentVariable("SYNCCONFIG_KILL_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture) + Array.IndexOf(ReliabilityTarget.Kinds, kind)
            : Random.Shared.Next(1, 1_000_000);
        TestContext.WriteLine($"kill -9 {kind}: seed {seed}");
        var random = new Random(seed);
        var total = Stopwatch.StartNew();
        await using var target = ReliabilityTarget.Create(kind);
        target.GenerateRepository(seed: 17, megabytes: 2, largeMegabytes: 2);
        var outcomes = new List<string>();
        var kills = 0;
        var extra = 0;
        // How long a whole run took when one finished before its kill: the kills are spread over that.
        var runTime = TimeSpan.FromSeconds(3);

        for (var round = 0; kills < KillsPerTarget && round < MaxRoundsPerTarget; round++)
        {
            AddImage(target, random, ref extra);
            var before = target.LocalSnapshot();
            var (killed, outcome, elapsed) = await RunAndKillAsync(target, random, (KillFrom)(round % 3), runTime);
            if (killed)
                kills++;
            else
                runTime = elapsed;
            CollectionAssert.AreEquivalent(before.ToList(), target.LocalSnapshot().ToList(), $"round {round}: the repository changed under a killed sync");
            var remote = await target.RemoteFilesAsync();
            var state = remote.ContainsKey(".syncconfig/journal.json") ? "journal left"
                : remote.Keys.Any(k => k.StartsWith(".syncconfig/staging/", StringComparison.Ordinal)) ? "staging left"
                : remote.Keys.Any(k => k.StartsWith(".syncconfig/manifests/", StringComparison.Ordinal)) ? "committed state only"
                : "nothing committed";
            outcomes.Add($"{outcome}, {state}");
            TestContext.WriteLine($"  round {round}: {outcome}; remote: {state}");
        }

        Assert.IsGreaterThanOrEqualTo(KillsPerTarget, kills, $"only {kills} runs were still running when killed");

        var snapshot = target.LocalSnapshot();
        var missing = await MissingBytesAsync(target, snapshot);
        var rerun = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Assert.AreEqual(ExitCodes.Ok, rerun.ExitCode, rerun.ToString());
        var resent = target.LastAttempt().GetProperty("bytesUploaded").GetInt64();

        var after = await target.RemoteFilesAsync();
        var mirror = after.Where(f => !f.Key.StartsWith(".syncconfig/", StringComparison.Ordinal)).ToDictionary();
        CollectionAssert.AreEquivalent(snapshot.Keys.ToList(), mirror.Keys.ToList(), "the mirror holds exactly the snapshot's files");
        foreach (var (path, facts) in snapshot)
            Assert.AreEqual(facts, mirror[path], path);
        var leftOver = after.Keys.Where(k => k.StartsWith(".syncconfig/staging/", StringComparison.Ordinal)
            || k.StartsWith(".syncconfig/tmp/", StringComparison.Ordinal) || k == ".syncconfig/journal.json").ToList();
        Assert.IsEmpty(leftOver, "left over: " + string.Join(", ", leftOver));
        Assert.AreEqual(1, after.Keys.Count(k => k.StartsWith(".syncconfig/manifests/", StringComparison.Ordinal)), "one committed manifest");
        Assert.AreEqual(0, await target.PendingMultipartUploadsAsync(), "a multipart upload was left pending");
        CollectionAssert.AreEquivalent(snapshot.ToList(), target.LocalSnapshot().ToList(), "the repository changed");
        // The report counts each uploaded file whole (a resumed prefix included): the rerun may send no file that was
        // already committed in place, so its count stays within the bytes of the files that were not.
        Assert.IsLessThanOrEqualTo(missing.Uncommitted, resent, $"the rerun uploaded {resent} bytes of files; only {missing.Uncommitted} bytes of files were not committed");
        if (target.Secrets.Count > 0)
            SecretScan.AssertNone(target.Secrets, rerun.ToString(), target.Cli.WorkFolder);

        var bytes = snapshot.Values.Sum(f => f.Length);
        var summary = $"kill -9 summary: {kind}: {kills} kills in {outcomes.Count} runs (seed {seed}); remote after each run: "
            + string.Join("; ", outcomes.Select(o => o.Split(", ")[1]).GroupBy(o => o).Select(g => $"{g.Count()} {g.Key}"))
            + $"; rerun Ok, {snapshot.Count} files ({bytes} bytes) equal by SHA-256, rerun uploaded {resent} bytes of files ({missing.Uncommitted} not committed before it, of which {missing.Uncommitted - missing.Bytes} already staged), "
            + $"staging empty, local unchanged; {total.Elapsed.TotalSeconds:F0} s";
        TestContext.WriteLine(summary);
        Console.WriteLine(summary);
    }

    /// <summary>Starts a sync and SIGKILLs it at a random moment; returns whether it was still running then.</summary>
    private enum KillFrom { Start, Progress, Journal }

    private static async Task<(bool Killed, string Outcome, TimeSpan Elapsed)> RunAndKillAsync(ReliabilityTarget target, Random random, KillFrom from, TimeSpan runTime)
    {
        var afterProgress = from != KillFrom.Start;
        var progress = Path.Combine(target.Cli.StatusFolder, target.Sync + ".progress.json");
        using var process = target.Cli.Start("sync", target.Sync, "--now");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        if (from == KillFrom.Progress)
        {
            while (!File.Exists(progress) && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(5);
        }
        if (from == KillFrom.Journal)
        {
            while (!await target.RemoteExistsAsync(".syncconfig/journal.json") && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(10);
        }
        var waitedFrom = clock.Elapsed;
        // Somewhere in what is left of a run as long as the last whole one (start-up included when not after progress).
        var left = Math.Max(100, (runTime - waitedFrom).TotalMilliseconds);
        var delay = (int)(left * (afterProgress ? random.NextDouble() * 0.9 : 0.1 + random.NextDouble() * 0.85));
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(delay));
        var killed = !process.HasExited && Signals.Kill(process.Id, 9) == 0;
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            await process.WaitForExitAsync(limit.Token);
        var log = await output + await error;
        var at = from switch
        {
            KillFrom.Progress => $"{(int)waitedFrom.TotalMilliseconds} ms to progress + {delay} ms",
            KillFrom.Journal => $"{(int)waitedFrom.TotalMilliseconds} ms to the journal + {delay} ms",
            _ => $"{delay} ms after start",
        };
        if (killed)
            return (true, $"killed at {at}", clock.Elapsed);
        Assert.AreEqual(ExitCodes.Ok, process.ExitCode, "a sync that was not killed failed:\n" + log);
        return (false, $"finished before the kill ({at})", clock.Elapsed);
    }

    /// <summary>A new small image, as a night's incremental backup would add.</summary>
    private static void AddImage(ReliabilityTarget target, Random random, ref int extra)
    {
        var folders = Directory.EnumerateDirectories(target.Repository, "*", SearchOption.AllDirectories)
            .Where(d => !d.Contains(".syncconfig", StringComparison.Ordinal) && Directory.EnumerateFiles(d).Any())
            .Order(StringComparer.Ordinal).ToList();
        var content = new byte[random.Next(256 << 10, 1536 << 10)];
        random.NextBytes(content);
        File.WriteAllBytes(Path.Combine(folders[random.Next(folders.Count)], $"kill-{++extra:000}.mrimg"), content);
    }

    /// <summary>
    /// What the rerun has to send at most: every snapshot file not already committed with its content, minus the
    /// prefix of it a staged copy already holds. Files placed at their mirror path by an uncommitted S3 sync count as
    /// missing (the rollback removes them).
    /// </summary>
    private static async Task<(long Bytes, long Uncommitted)> MissingBytesAsync(ReliabilityTarget target, Dictionary<string, FileFacts> snapshot)
    {
        var remote = await target.RemoteFilesAsync();
        var manifestName = remote.Keys.Where(k => k.StartsWith(".syncconfig/manifests/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).LastOrDefault();
        var committed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (manifestName is not null && await target.ReadRemoteAsync(manifestName) is { } manifest)
        {
            try
            {
                foreach (var file in JsonDocument.Parse(manifest).RootElement.GetProperty("files").EnumerateArray())
                    committed[file.GetProperty("path").GetString()!] = file.GetProperty("sha256").GetString()!;
            }
            catch (JsonException)
            {
                // A manifest caught half written counts as nothing committed.
            }
        }

        long bytes = 0;
        long uncommitted = 0;
        foreach (var (path, facts) in snapshot)
        {
            if (remote.TryGetValue(path, out var there) && there == facts && committed.TryGetValue(path, out var sha)
                && string.Equals(sha, facts.Sha256, StringComparison.OrdinalIgnoreCase))
                continue;
            uncommitted += facts.Length;
            if (remote.ContainsKey(".syncconfig/staging/" + path))
            {
                var staged = await target.ReadRemoteAsync(".syncconfig/staging/" + path) ?? [];
                var local = await File.ReadAllBytesAsync(Path.Combine(target.Repository, path));
                var prefix = staged.Length <= local.Length && staged.AsSpan().SequenceEqual(local.AsSpan(0, staged.Length)) ? staged.Length : 0;
                bytes += facts.Length - prefix;
                continue;
            }
            bytes += facts.Length;
        }
        return (bytes, uncommitted);
    }
}
