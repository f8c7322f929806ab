using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>
/// One repository restored on two hosts (two copies with the same ID, each runtime with its own state), both syncing
/// into one remote folder on a network target. Started at once, one waits for the other's remote lock and then finds
/// nothing left to upload; with a short <c>SyncConfig:RemoteLockWait</c> the late one stops naming the holder. The
/// remote ends as one committed snapshot. Local Path: <c>RemoteLockEndToEndTests</c>.
/// </summary>
[TestClass]
public sealed partial class TwoHostsTests
{
    private const int SIGSTOP = 19;
    private const int SIGCONT = 18;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("FTP")]
    [DataRow("SMB")]
    public async Task TwoHostsSyncingOneRemoteFolderAtOnceCommitOneSnapshotAndALateOneNamesTheHolder(string kind)
    {
        await using var target = ReliabilityTarget.Create(kind);
        target.GenerateRepository(seed: 41, megabytes: 2, largeMegabytes: 2);
        Directory.CreateDirectory(Path.Combine(target.Repository, ".syncconfig"));
        File.WriteAllText(Path.Combine(target.Repository, ".syncconfig", "id"), Guid.NewGuid().ToString("D"));
        using var second = target.SecondHost();

        // Both at once, each willing to wait the default minute: one commits, the other then has nothing to send.
        var results = await Task.WhenAll(target.Cli.RunAsync(["sync", target.Sync, "--now"]), second.RunAsync(["sync", target.Sync, "--now"]));
        foreach (var run in results)
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
        var uploaded = results.Select(UploadedFiles).ToList();
        Assert.AreEqual(1, uploaded.Count(n => n > 0), "exactly one host uploaded; the other found its commit:\n" + string.Join("\n", results));
        await BadRemoteStateTests.AssertSettledAsync(target);

        // The same new image on both hosts. The first holds the lock (stopped with SIGSTOP while it uploads, a host
        // asleep), the second waits 1 s and stops naming it; the first then finishes.
        // Large enough that the upload lasts well beyond the 5 ms the test polls at: the native executable copies 3 MiB to
        // a local target in a few milliseconds, and the test then saw the holder finish before it could stop it.
        BadRemoteStateTests.AddImage(target, "both-hosts.mrimg", 32 << 20);
        var image = Directory.EnumerateFiles(target.Repository, "both-hosts.mrimg", SearchOption.AllDirectories).Single();
        File.Copy(image, Path.Combine(second.Combine("repository"), Path.GetRelativePath(target.Repository, image)));
        ReliabilityTarget.Configure(second, new Dictionary<string, string> { ["RemoteLockWait"] = "00:00:01" });
        using var holder = target.Cli.Start("sync", target.Sync, "--now");
        var holderOutput = holder.StandardOutput.ReadToEndAsync();
        var holderError = holder.StandardError.ReadToEndAsync();
        ProcessRun late;
        try
        {
            await WaitForPhaseAsync(target, holder, "Uploading");
            Assert.AreEqual(0, Signals.Kill(holder.Id, SIGSTOP), "SIGSTOP");
            late = await second.RunAsync(["sync", target.Sync, "--now"]);
        }
        finally
        {
            Signals.Kill(holder.Id, SIGCONT);
        }
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            await holder.WaitForExitAsync(limit.Token);
        var held = new ProcessRun(holder.ExitCode, await holderOutput, await holderError);

        BadRemoteStateTests.AssertNoCrash(late);
        Assert.AreEqual(ExitCodes.SyncBusy, late.ExitCode, late.ToString());
        StringAssert.Contains(late.Error, $"The remote folder is locked by sync '{target.Sync}' on", late.ToString());
        StringAssert.Contains(late.Error, $"(process {holder.Id})", late.ToString());
        Assert.AreEqual(ExitCodes.Ok, held.ExitCode, held.ToString());
        await BadRemoteStateTests.AssertSettledAsync(target);
        var verify = await second.RunAsync(["verify", target.Sync]);
        Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, verify.ToString());

        var message = late.Error.Split('\n').First(l => l.Contains("locked by", StringComparison.Ordinal)).Trim();
        var summary = $"two hosts: {kind}: at once: both Ok, one uploaded {uploaded.Max()} files, the other none; "
            + $"holder asleep: the late host exit {late.ExitCode} \"{message[..Math.Min(message.Length, 120)]}…\", holder Ok; mirror = snapshot, one manifest";
        TestContext.WriteLine(summary);
        Console.WriteLine(summary);
    }

    /// <summary>Waits until the run's progress file reports <paramref name="phase"/> (by then it holds the remote lock).</summary>
    internal static async Task WaitForPhaseAsync(ReliabilityTarget target, Process process, string phase)
    {
        var progress = Path.Combine(target.Cli.StatusFolder, target.Sync + ".progress.json");
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            try
            {
                if (File.Exists(progress) && JsonDocument.Parse(File.ReadAllBytes(progress)).RootElement.TryGetProperty("phase", out var now)
                    && now.GetString() == phase)
                    return;
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // Being replaced right now: read it again.
            }
            await Task.Delay(5);
        }
        Assert.Fail($"the sync never reported '{phase}' (exited: {process.HasExited})");
    }

    /// <summary>"files: N uploaded" of a sync that uploaded; 0 for one that says "Nothing to upload".</summary>
    private static int UploadedFiles(ProcessRun run) =>
        UploadedCount().Match(run.Output) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
        : run.Output.Contains("Nothing to upload", StringComparison.Ordinal) ? 0
        : throw new AssertFailedException("neither an upload count nor 'Nothing to upload' in:\n" + run);

    [GeneratedRegex(@"files: (\d+) uploaded")]
    private static partial Regex UploadedCount();
}
