using SyncConfig.Runtime.Cli;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>
/// The remote runs out of space in the middle of a sync: a Swift quota on the bucket (S3), a small tmpfs mounted
/// under the server's folder (SFTP, FTP, SMB; needs root, as CI and the test machine run). The sync fails naming
/// the full disk, the committed state stays intact (verify passes), and once space is freed the next sync completes.
/// Local Path's full disk: <c>EngineBehaviourTests.FullTargetDiskFailsWithADiskFullMessageAndLeavesNothing</c>.
/// </summary>
[TestClass]
public sealed class OutOfSpaceTests
{
    private const int MiB = 1 << 20;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("FTP")]
    [DataRow("SMB")]
    public async Task AFullRemoteFailsTheSyncNamingTheFullDiskAndTheSyncAfterSpaceIsFreedCompletes(string kind)
    {
        await using var target = ReliabilityTarget.Create(kind, fullBucket: true);
        target.GenerateRepository(seed: 37, megabytes: 2, largeMegabytes: 0);
        using var space = target.LimitSpace(6 * MiB);
        var first = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, "the first sync fits in 6 MiB: " + first);
        var committed = BadRemoteStateTests.Mirror(await target.RemoteFilesAsync());

        // A night's new image larger than what is left.
        BadRemoteStateTests.AddImage(target, "does-not-fit.mrimg", 8 * MiB);
        var full = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);

        BadRemoteStateTests.AssertNoCrash(full);
        Assert.AreEqual(ExitCodes.SyncFailed, full.ExitCode, full.ToString());
        Assert.AreEqual("Failed", target.LastAttempt().GetProperty("outcome").GetString(), full.ToString());
        StringAssert.Contains(full.Error, "full", full.ToString());
        StringAssert.Contains(full.Error, "Free space on the target", full.ToString());
        CollectionAssert.AreEquivalent(committed.ToList(), BadRemoteStateTests.Mirror(await target.RemoteFilesAsync()).ToList(),
            "the mirror is the last committed snapshot");
        var verify = await target.Cli.RunAsync(["verify", target.Sync]);
        Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, "the committed state is intact: " + verify);

        space.Free();
        var next = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Assert.AreEqual(ExitCodes.Ok, next.ExitCode, next.ToString());
        await BadRemoteStateTests.AssertSettledAsync(target);

        var message = full.Error.Split('\n').First(l => l.Contains("full", StringComparison.Ordinal)).Trim();
        var summary = $"out of space: {kind}: sync exit {full.ExitCode}: \"{message}\"; verify Ok; after freeing space sync Ok, mirror = snapshot, nothing left over";
        TestContext.WriteLine(summary);
        Console.WriteLine(summary);
    }
}
