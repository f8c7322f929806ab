using System.Runtime.Versioning;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>
/// The built executable meeting a damaged repository on this host: gone, unreadable, without its ID file, or with
/// files growing and vanishing while they upload. Each is reported, none deletes the remote copy, and what is
/// committed is always one consistent snapshot. Local Path and SFTP. Covered elsewhere, not repeated here: a
/// repository with no ID meeting a remote without one (<c>BadRemoteStateTests</c>), growth during a sync in-process
/// (<c>BackupsDuringSyncTests</c>), FIFOs and names that are not UTF-8 (<c>HostileDiskEndToEndTests</c>).
/// </summary>
[TestClass]
public sealed class BadLocalStateTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("Local Path")]
    [DataRow("SFTP")]
    [SupportedOSPlatform("linux")]
    public async Task AMissingOrUnreadableRepositoryOrALostLocalIdIsReportedAndDeletesNothingOnTheRemote(string kind)
    {
        await using var target = await BadRemoteStateTests.SyncedTargetAsync(kind);
        var mirror = BadRemoteStateTests.Mirror(await target.RemoteFilesAsync());

        // Gone: an unmounted disk, a mistyped path.
        var away = target.Repository + ".away";
        Directory.Move(target.Repository, away);
        var missing = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Directory.Move(away, target.Repository);
        await AssertRefusedAsync(target, missing, mirror, target.Repository);

        // Unreadable: a computer's folder the service account may not read.
        target.Cli.RunAsUnprivilegedUser();
        var computer = Directory.EnumerateDirectories(target.Repository).First(d => Path.GetFileName(d) != ".syncconfig");
        File.SetUnixFileMode(computer, UnixFileMode.None);
        var unreadable = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        File.SetUnixFileMode(computer, (UnixFileMode)0b111_101_101);
        await AssertRefusedAsync(target, unreadable, mirror, Path.GetFileName(computer));

        // The repository's ID file deleted: it can no longer show the remote folder is its own.
        var id = Path.Combine(target.Repository, ".syncconfig", "id");
        var saved = File.ReadAllBytes(id);
        File.Delete(id);
        var lostId = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        await AssertRefusedAsync(target, lostId, mirror, $"syncconfig reinitialize {target.Sync}");
        Assert.AreEqual(ExitCodes.RemoteIdMismatch, lostId.ExitCode, lostId.ToString());
        File.WriteAllBytes(id, saved);

        var again = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Assert.AreEqual(ExitCodes.Ok, again.ExitCode, again.ToString());
        Assert.AreEqual(0, target.LastAttempt().GetProperty("bytesUploaded").GetInt64(), "nothing to send again once the repository is back");
        await BadRemoteStateTests.AssertSettledAsync(target);

        var summary = $"bad local state: {kind}: repository missing: exit {missing.ExitCode}; a computer's folder unreadable: exit {unreadable.ExitCode}; "
            + $"local ID deleted: exit {lostId.ExitCode}; the mirror unchanged each time; repaired: sync Ok, nothing re-sent";
        TestContext.WriteLine(summary);
        Console.WriteLine(summary);
        foreach (var run in new[] { missing, unreadable, lostId })
            TestContext.WriteLine("  " + run.Error.Trim().Replace('\n', ' '));
    }

    [TestMethod]
    [DataRow("Local Path")]
    [DataRow("SFTP")]
    public async Task FilesGrowingAndVanishingDuringTheUploadLeaveOneConsistentCommit(string kind)
    {
        await using var target = await BadRemoteStateTests.SyncedTargetAsync(kind);
        // Large enough that the native executable is still uploading when the test changes the files.
        BadRemoteStateTests.AddImage(target, "growing.mrimg", 32 << 20);
        BadRemoteStateTests.AddImage(target, "vanishing.mrimg", 4 << 20);
        var growing = Directory.EnumerateFiles(target.Repository, "growing.mrimg", SearchOption.AllDirectories).Single();
        var vanishing = Directory.EnumerateFiles(target.Repository, "vanishing.mrimg", SearchOption.AllDirectories).Single();
        var relative = Path.GetRelativePath(target.Repository, growing).Replace('\\', '/');
        var versions = new List<FileFacts> { ReliabilityTarget.Facts(File.ReadAllBytes(growing)) };

        using var process = target.Cli.Start("sync", target.Sync, "--now");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await TwoHostsTests.WaitForPhaseAsync(target, process, "Uploading");
        var changedMidSync = !process.HasExited;
        await using (var append = new FileStream(growing, FileMode.Append))
            await append.WriteAsync(new byte[1 << 20]);
        File.Delete(vanishing);
        versions.Add(ReliabilityTarget.Facts(File.ReadAllBytes(growing)));
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            await process.WaitForExitAsync(limit.Token);
        var run = new ProcessRun(process.ExitCode, await output, await error);

        Assert.IsTrue(changedMidSync, "the sync ended before the files changed:\n" + run);
        BadRemoteStateTests.AssertNoCrash(run);
        var verify = await target.Cli.RunAsync(["verify", target.Sync]);
        Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, "the remote is not what its manifest says:\n" + run + "\n" + verify);
        var remote = await target.RemoteFilesAsync();
        if (remote.TryGetValue(relative, out var uploaded))
            CollectionAssert.Contains(versions, uploaded, "the remote copy of the growing file is neither its old nor its new content");

        var next = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Assert.AreEqual(ExitCodes.Ok, next.ExitCode, next.ToString());
        await BadRemoteStateTests.AssertSettledAsync(target);

        var state = !remote.ContainsKey(relative) ? "not committed" : uploaded == versions[0] ? "committed as it was at the snapshot" : "committed as it grew";
        var summary = $"bad local state: {kind}: a file grew by 1 MiB and another vanished during the upload: exit {run.ExitCode}, the growing file {state}; "
            + "verify Ok; next sync Ok, mirror = repository";
        TestContext.WriteLine(summary + "\n  " + run.Error.Trim().Replace('\n', ' '));
        Console.WriteLine(summary);
    }

    /// <summary>The run is reported with <paramref name="named"/> in its error, and left the mirror as it was.</summary>
    private static async Task AssertRefusedAsync(ReliabilityTarget target, ProcessRun run, Dictionary<string, FileFacts> mirror, string named)
    {
        BadRemoteStateTests.AssertNoCrash(run);
        Assert.AreNotEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, named, run.ToString());
        CollectionAssert.AreEquivalent(mirror.ToList(), BadRemoteStateTests.Mirror(await target.RemoteFilesAsync()).ToList(), "the mirror changed:\n" + run);
    }
}
