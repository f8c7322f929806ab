using System.Diagnostics;
using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>
/// The disaster: a sync is killed with its journal on the remote, then the local repository is lost. <c>syncconfig
/// recover NAME</c> settles the remote from the remote alone, and a plain client of the server (OpenSSH's sftp, curl,
/// smbclient, rclone for S3) restores the committed snapshot: every file the manifest names, SHA-256 equal, and that
/// snapshot is the repository as it was before or after the killed sync.
/// </summary>
[TestClass]
public sealed class DisasterRestoreTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("FTP")]
    [DataRow("SMB")]
    public async Task AfterTheRepositoryIsLostRecoverSettlesTheRemoteAndAPlainClientRestoresTheCommittedSnapshot(string kind)
    {
        await using var target = await BadRemoteStateTests.SyncedTargetAsync(kind);
        var before = target.LocalSnapshot();
        BadRemoteStateTests.AddImage(target, "last-night.mrimg", 4 << 20);
        var after = target.LocalSnapshot();
        var killedWith = await KillOnceTheJournalIsOnTheRemoteAsync(target);
        Directory.Delete(target.Repository, recursive: true);

        var recover = await target.Cli.RunAsync(["recover", target.Sync]);

        BadRemoteStateTests.AssertNoCrash(recover);
        Assert.AreEqual(ExitCodes.Ok, recover.ExitCode, recover.ToString());
        Assert.IsFalse(await target.RemoteExistsAsync(".syncconfig/journal.json"), "recover left the journal:\n" + recover);
        var restored = target.Cli.Combine("restored");
        var (exitCode, output) = target.RestoreWithPlainClient(restored);
        Assert.AreEqual(0, exitCode, output);

        var manifest = Directory.EnumerateFiles(Path.Combine(restored, ".syncconfig", "manifests")).Max(StringComparer.Ordinal)!;
        var committed = JsonDocument.Parse(File.ReadAllBytes(manifest)).RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => new FileFacts(f.GetProperty("length").GetInt64(), f.GetProperty("sha256").GetString()!.ToLowerInvariant()));
        var files = ReliabilityTarget.FolderFacts(restored, skipMetadata: true);
        CollectionAssert.AreEquivalent(committed.ToList(), files.ToList(), "the restored files are the committed manifest's, SHA-256 equal");
        var snapshot = SameFiles(files, after) ? "after" : SameFiles(files, before) ? "before"
            : throw new AssertFailedException("the restored files are neither the snapshot before the killed sync nor the one after it");

        var said = recover.Output.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Length > 0) ?? "";
        var summary = $"disaster restore: {kind}: {killedWith}; repository deleted; recover exit 0 (\"{said}\"); "
            + $"plain client restored {files.Count} files ({files.Values.Sum(f => f.Length)} bytes) = committed manifest by SHA-256 = the snapshot {snapshot} the killed sync";
        TestContext.WriteLine(summary);
        Console.WriteLine(summary);
    }

    private static bool SameFiles(Dictionary<string, FileFacts> a, Dictionary<string, FileFacts> b) =>
        a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var other) && other == f.Value);

    /// <summary>Starts a sync and SIGKILLs it as soon as its journal appears on the remote.</summary>
    private static async Task<string> KillOnceTheJournalIsOnTheRemoteAsync(ReliabilityTarget target)
    {
        using var process = target.Cli.Start("sync", target.Sync, "--now");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!await target.RemoteExistsAsync(".syncconfig/journal.json") && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
            await Task.Delay(5);
        var killed = !process.HasExited && Signals.Kill(process.Id, 9) == 0;
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            await process.WaitForExitAsync(limit.Token);
        Assert.IsTrue(killed, "the sync ended before it could be killed:\n" + await output + await error);
        Assert.IsTrue(await target.RemoteExistsAsync(".syncconfig/journal.json"), "the killed sync left no journal to recover from");
        return $"killed {clock.ElapsedMilliseconds} ms after start, journal left";
    }
}
