using System.Text;
using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>
/// The built executable meeting a remote folder that someone or something else damaged: a garbage or truncated
/// manifest or journal, a lost ID file, a stale lock, foreign files, files changed behind SyncConfig's back. Each is
/// detected with a message that says what to do; none crashes the runtime; none makes it delete data it does not own.
/// Local Path and network targets, against the real servers.
/// </summary>
[TestClass]
public sealed class BadRemoteStateTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("Local Path", "garbage manifest")]
    [DataRow("Local Path", "truncated journal")]
    [DataRow("SFTP", "truncated manifest")]
    [DataRow("SFTP", "garbage journal")]
    [DataRow("S3", "garbage manifest")]
    [DataRow("S3", "truncated journal")]
    [DataRow("SMB", "truncated manifest")]
    [DataRow("FTP", "garbage journal")]
    public async Task ACorruptedManifestOrJournalStopsTheSyncNamingReinitializeAndDeletesNothing(string kind, string damage)
    {
        await using var target = await SyncedTargetAsync(kind);
        var mirror = Mirror(await target.RemoteFilesAsync());
        var manifest = (await target.RemoteFilesAsync()).Keys.Single(k => k.StartsWith(".syncconfig/manifests/", StringComparison.Ordinal));
        var committed = (await target.ReadRemoteAsync(manifest))!;
        var damaged = damage.StartsWith("garbage", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes("garbage \0 {\"files\": [") : committed[..(committed.Length / 2)];
        await target.WriteRemoteAsync(damage.EndsWith("manifest", StringComparison.Ordinal) ? manifest : ".syncconfig/journal.json", damaged);
        // As a host that restored the repository would: no local copy of the manifest to fall back on.
        File.Delete(Path.Combine(target.Repository, ".syncconfig", "state", target.Sync + ".json"));

        var sync = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);

        AssertNoCrash(sync);
        Assert.AreEqual(ExitCodes.SyncFailed, sync.ExitCode, sync.ToString());
        StringAssert.Contains(sync.ToString(), "is corrupted", sync.ToString());
        StringAssert.Contains(sync.ToString(), "Run reinitialize", sync.ToString());
        CollectionAssert.AreEquivalent(mirror.ToList(), Mirror(await target.RemoteFilesAsync()).ToList(), "the failed sync changed the mirror");
        if (damage.EndsWith("manifest", StringComparison.Ordinal))
        {
            var verify = await target.Cli.RunAsync(["verify", target.Sync]);
            AssertNoCrash(verify);
            Assert.AreEqual(ExitCodes.VerifyFailed, verify.ExitCode, verify.ToString());
            StringAssert.Contains(verify.ToString(), "is corrupted", verify.ToString());
        }

        var reinitialize = await target.Cli.RunAsync(["reinitialize", target.Sync]);
        Assert.AreEqual(ExitCodes.Ok, reinitialize.ExitCode, reinitialize.ToString());
        Assert.AreEqual(0, target.LastAttempt().GetProperty("bytesUploaded").GetInt64(), "every file matched: nothing sent again");
        await AssertMirrorsRepositoryAsync(target);
        TestContext.WriteLine($"bad remote state: {kind}: {damage}: sync exit {sync.ExitCode} naming reinitialize; reinitialize Ok, nothing re-sent");
    }

    [TestMethod]
    [DataRow("Local Path")]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("FTPS")]
    public async Task AMissingIdFileIsRestoredFromTheManifestAndAnotherRepositoryIsRefused(string kind)
    {
        await using var target = await SyncedTargetAsync(kind);
        var id = File.ReadAllText(Path.Combine(target.Repository, ".syncconfig", "id")).Trim();
        await target.DeleteRemoteAsync(".syncconfig/id");

        var restored = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);

        Assert.AreEqual(ExitCodes.Ok, restored.ExitCode, restored.ToString());
        Assert.AreEqual(id, Encoding.UTF8.GetString((await target.ReadRemoteAsync(".syncconfig/id"))!).Trim(), "the ID file is this repository's again");
        Assert.AreEqual(0, target.LastAttempt().GetProperty("bytesUploaded").GetInt64());

        // A repository that lost its own ID meets a remote with data and no ID file: it is not this repository's.
        var mirror = Mirror(await target.RemoteFilesAsync());
        await target.DeleteRemoteAsync(".syncconfig/id");
        File.Delete(Path.Combine(target.Repository, ".syncconfig", "id"));
        var refused = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);

        AssertNoCrash(refused);
        Assert.AreEqual(ExitCodes.RemoteIdMismatch, refused.ExitCode, refused.ToString());
        StringAssert.Contains(refused.Error, "Remote server ID does not match this repository", refused.ToString());
        StringAssert.Contains(refused.Error, $"syncconfig reinitialize {target.Sync}", refused.ToString());
        CollectionAssert.AreEquivalent(mirror.ToList(), Mirror(await target.RemoteFilesAsync()).ToList(), "the refused sync changed the mirror");
        TestContext.WriteLine($"bad remote state: {kind}: missing ID file: restored from the manifest (nothing re-sent); another repository refused with exit {refused.ExitCode}");
    }

    [TestMethod]
    [DataRow("Local Path")]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("FTP")]
    public async Task AStaleLockOfAnotherHostIsTakenOver(string kind)
    {
        await using var target = await SyncedTargetAsync(kind);
        var id = File.ReadAllText(Path.Combine(target.Repository, ".syncconfig", "id")).Trim();
        var token = Guid.NewGuid().ToString("N");
        var then = DateTimeOffset.UtcNow.AddHours(-3);
        var record = JsonSerializer.SerializeToUtf8Bytes(new
        {
            format = 1, token, host = "old-backup-host", processId = 4242, processStartedAt = then, syncName = target.Sync,
            repositoryId = id, startedAt = then, renewedAt = then,
        });
        // Where a writer that died would have left it: the exclusive-create lock, or restic's scheme's lock file.
        if (kind is "Local Path" or "SFTP" or "S3")
            await target.WriteRemoteAsync(".syncconfig/lock", record);
        if (kind is "FTP" or "S3")
            await target.WriteRemoteAsync($".syncconfig/locks/{token}-0.json", record);
        AddImage(target);

        var sync = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);

        Assert.AreEqual(ExitCodes.Ok, sync.ExitCode, sync.ToString());
        var remote = await target.RemoteFilesAsync();
        Assert.IsFalse(remote.ContainsKey($".syncconfig/locks/{token}-0.json"), "the stale lock file is gone");
        await AssertMirrorsRepositoryAsync(target);
        TestContext.WriteLine($"bad remote state: {kind}: stale lock of another host (3 h old): taken over, sync Ok");
    }

    [TestMethod]
    [DataRow("Local Path")]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("SMB")]
    public async Task ForeignFilesInTheTargetFolderAreReportedAndNeverDeleted(string kind)
    {
        await using var target = await SyncedTargetAsync(kind);
        var computer = Directory.EnumerateDirectories(target.Repository).Select(Path.GetFileName).First(n => n != ".syncconfig")!;
        var foreign = new Dictionary<string, byte[]>
        {
            ["notes.txt"] = Encoding.UTF8.GetBytes("the administrator's notes"),
            [$"{computer}/foreign.bin"] = new byte[1000],
            ["OTHER-TOOL/data/archive.zip"] = Encoding.UTF8.GetBytes("another tool's data"),
        };
        foreach (var (path, content) in foreign)
            await target.WriteRemoteAsync(path, content);
        // A sync that deletes: a whole backup definition folder goes, the folders it leaves empty with it.
        var definition = Directory.EnumerateDirectories(Path.Combine(target.Repository, computer)).First();
        Directory.Delete(definition, recursive: true);

        var sync = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        var verify = await target.Cli.RunAsync(["verify", target.Sync]);

        Assert.AreEqual(ExitCodes.Ok, sync.ExitCode, sync.ToString());
        Assert.IsGreaterThan(0, target.LastAttempt().GetProperty("filesDeletedCount").GetInt32(), "the sync deleted its own files");
        var remote = await target.RemoteFilesAsync();
        foreach (var (path, content) in foreign)
            Assert.AreEqual(ReliabilityTarget.Facts(content), remote.GetValueOrDefault(path), $"{path} was not SyncConfig's to touch");
        AssertNoCrash(verify);
        StringAssert.Contains(verify.Output, "notes.txt", verify.ToString());
        StringAssert.Contains(verify.Output, "OTHER-TOOL/data/archive.zip", verify.ToString());

        // A folder holding only someone else's files is not claimed at all.
        await using var fresh = ReliabilityTarget.Create(kind);
        fresh.GenerateRepository(seed: 5, megabytes: 1, largeMegabytes: 0);
        await fresh.WriteRemoteAsync("existing/data.bin", new byte[4096]);
        var refused = await fresh.Cli.RunAsync(["sync", fresh.Sync, "--now"]);
        AssertNoCrash(refused);
        Assert.AreEqual(ExitCodes.RemoteIdMismatch, refused.ExitCode, refused.ToString());
        var left = await fresh.RemoteFilesAsync();
        Assert.IsTrue(left.ContainsKey("existing/data.bin"), "the foreign file is still there");
        Assert.IsFalse(left.Keys.Any(k => !k.StartsWith("existing/", StringComparison.Ordinal) && !k.StartsWith(".syncconfig/", StringComparison.Ordinal)), "nothing uploaded into a folder that is not ours");
        TestContext.WriteLine($"bad remote state: {kind}: foreign files kept through a deleting sync and reported by verify (exit {verify.ExitCode}); a folder of foreign files refused with exit {refused.ExitCode}");
    }

    [TestMethod]
    [DataRow("Local Path")]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("FTPS")]
    public async Task FilesChangedBehindItsBackAreFoundByVerifyAndRepaired(string kind)
    {
        await using var target = await SyncedTargetAsync(kind);
        var files = target.LocalSnapshot().Keys.Where(k => k.EndsWith(".mrimg", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var (altered, truncated, deleted) = (files[0], files[1], files[2]);
        var content = (await target.ReadRemoteAsync(altered))!;
        content[content.Length / 2] ^= 0xFF;
        await target.WriteRemoteAsync(altered, content);
        await target.WriteRemoteAsync(truncated, (await target.ReadRemoteAsync(truncated))![..100]);
        await target.DeleteRemoteAsync(deleted);

        var verify = await target.Cli.RunAsync(["verify", target.Sync]);

        AssertNoCrash(verify);
        Assert.AreEqual(ExitCodes.VerifyFailed, verify.ExitCode, verify.ToString());
        foreach (var path in new[] { altered, truncated, deleted })
            StringAssert.Contains(verify.Output, path, verify.ToString());

        // A plain sync sees the resized and the missing file in its listing and sends them again.
        var sync = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Assert.AreEqual(ExitCodes.Ok, sync.ExitCode, sync.ToString());
        Assert.AreEqual(2, target.LastAttempt().GetProperty("filesUploadedCount").GetInt32(), sync.ToString());
        // Content changed at the same size needs reading: verify --repair.
        var stillAltered = await target.Cli.RunAsync(["verify", target.Sync]);
        Assert.AreEqual(ExitCodes.VerifyFailed, stillAltered.ExitCode, stillAltered.ToString());
        var repair = await target.Cli.RunAsync(["verify", target.Sync, "--repair"]);
        Assert.AreEqual(ExitCodes.Ok, repair.ExitCode, repair.ToString());
        await AssertMirrorsRepositoryAsync(target);
        var after = await target.Cli.RunAsync(["verify", target.Sync]);
        Assert.AreEqual(ExitCodes.Ok, after.ExitCode, after.ToString());
        TestContext.WriteLine($"bad remote state: {kind}: altered, truncated, deleted files: verify exit {verify.ExitCode} naming all three; sync re-sent 2; verify --repair Ok");
    }

    internal static void AssertNoCrash(ProcessRun run)
    {
        Assert.IsTrue(run.ExitCode is >= 0 and <= 9, "an exit code outside the documented ones: " + run);
        Assert.DoesNotContain("Unhandled exception", run.Error, run.ToString());
        Assert.DoesNotContain("   at SyncConfig.", run.ToString(), "a stack trace: " + run);
    }

    /// <summary>A target whose first sync of a 2 MB repository succeeded.</summary>
    internal static async Task<ReliabilityTarget> SyncedTargetAsync(string kind)
    {
        var target = ReliabilityTarget.Create(kind);
        try
        {
            target.GenerateRepository(seed: 23, megabytes: 2, largeMegabytes: 0);
            var first = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
            Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    internal static Dictionary<string, FileFacts> Mirror(Dictionary<string, FileFacts> remote) =>
        remote.Where(f => !f.Key.StartsWith(".syncconfig/", StringComparison.Ordinal)).ToDictionary();

    internal static async Task AssertMirrorsRepositoryAsync(ReliabilityTarget target)
    {
        var local = target.LocalSnapshot();
        var mirror = Mirror(await target.RemoteFilesAsync());
        CollectionAssert.AreEquivalent(local.ToList(), mirror.ToList(), "the mirror is the repository's snapshot");
    }

    /// <summary>The mirror is the repository's snapshot, one manifest is committed, and no journal, staged or temporary file is left.</summary>
    internal static async Task AssertSettledAsync(ReliabilityTarget target)
    {
        await AssertMirrorsRepositoryAsync(target);
        var remote = await target.RemoteFilesAsync();
        var leftOver = remote.Keys.Where(k => k.StartsWith(".syncconfig/staging/", StringComparison.Ordinal)
            || k.StartsWith(".syncconfig/tmp/", StringComparison.Ordinal) || k == ".syncconfig/journal.json").ToList();
        Assert.IsEmpty(leftOver, "left over: " + string.Join(", ", leftOver));
        Assert.AreEqual(1, remote.Keys.Count(k => k.StartsWith(".syncconfig/manifests/", StringComparison.Ordinal)), "one committed manifest");
        Assert.AreEqual(0, await target.PendingMultipartUploadsAsync(), "a multipart upload was left pending");
    }

    internal static void AddImage(ReliabilityTarget target, string name = "added.mrimg", int bytes = 50_000)
    {
        var folder = Directory.EnumerateFiles(target.Repository, "*.mrimg", SearchOption.AllDirectories).Select(Path.GetDirectoryName).First()!;
        var content = new byte[bytes];
        Random.Shared.NextBytes(content);
        File.WriteAllBytes(Path.Combine(folder, name), content);
    }
}
