using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;

namespace SyncConfig.Engine.Tests;

/// <summary>Ownership without guessing: a folder whose ID file is gone still belongs to the repository its manifests name.</summary>
[TestClass]
public sealed class RemoteOwnerTests
{
    [TestMethod]
    public async Task AnotherRepositoryDoesNotClaimAFolderWhoseIdFileIsGone()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 20_000, 1);
        await f.SyncSucceedsAsync();
        var owned = (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList();
        File.Delete(Path.Combine(f.RemoteFolder, ".syncconfig", "id"));

        var other = new RepositoryBuilder(Path.Combine(f.Temp, "other"));
        other.Write("PC09/BBBB/full.mrimg", 7_000, 2);
        var refused = await f.Engine.SyncAsync(new SyncJob("other", other.Root, "Offsite"), f.Target(), null, default);
        Assert.AreEqual(SyncOutcome.Failed, refused.Outcome);
        Assert.AreEqual(SyncErrorKind.RemoteIdMismatch, refused.ErrorKind);
        CollectionAssert.AreEqual(new[] { "Remote server ID does not match this repository" }, refused.Errors.ToList());
        CollectionAssert.AreEqual(owned, (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList(), "the other repository deleted or wrote nothing");
        Assert.IsFalse(File.Exists(Path.Combine(f.RemoteFolder, ".syncconfig", "id")), "and claimed nothing");
    }

    [TestMethod]
    public async Task TheOwnerRestoresItsIdFileFromItsManifest()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 20_000, 1);
        await f.SyncSucceedsAsync();
        var idFile = Path.Combine(f.RemoteFolder, ".syncconfig", "id");
        var id = File.ReadAllText(idFile);
        File.Delete(idFile);
        File.Delete(Path.Combine(f.Repository.Root, ".syncconfig", "state", "offsite.json"));

        var result = await f.SyncSucceedsAsync();
        Assert.IsEmpty(result.FilesUploaded);
        Assert.AreEqual(id, File.ReadAllText(idFile));
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task AFolderWithFilesButNoSyncConfigDataIsNotClaimed()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 20_000, 1);
        var stranger = new RepositoryBuilder(f.RemoteFolder);
        stranger.Write("someone/else.txt", 100, 3);

        var refused = await f.SyncAsync();
        Assert.AreEqual(SyncErrorKind.RemoteIdMismatch, refused.ErrorKind);
        StringAssert.StartsWith(refused.Errors.Single(), "Remote server ID does not match this repository");
        Assert.IsTrue(File.Exists(stranger.Full("someone/else.txt")));

        var takeover = await f.Engine.ReinitializeAsync(f.Job, f.Target(), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, takeover.Outcome, string.Join("; ", takeover.Errors));
        await f.AssertRemoteIsRepositoryAsync();
        StringAssert.Contains(File.ReadAllText(Path.Combine(f.RemoteFolder, ".syncconfig", "takeover.json")), "\"syncName\":\"offsite\"");
    }

    [TestMethod]
    public async Task AReinitializeInterruptedBeforeItsCommitIsFinishedByTheNextSync()
    {
        using var f = new Fixture();
        var previous = new RepositoryBuilder(Path.Combine(f.Temp, "previous"));
        previous.Write("PC01/AAAA/full.mrimg", 20_000, 1);
        await f.Engine.SyncAsync(new SyncJob("previous", previous.Root, "Offsite"), f.Target(), null, default);
        f.Repository.Write("PC01/AAAA/full.mrimg", RepositoryBuilder.Content(20_000, 1));
        f.Repository.Write("PC02/CCCC/full.mrimg", 5_000, 4);

        // Stopped right after the new ID: the manifest still names the previous repository.
        var stopAfterId = new FaultInjectingTransport(f.Target());
        await f.Engine.ReinitializeAsync(f.Job, stopAfterId, null, default);
        var idWrite = stopAfterId.Log.FindLastIndex(l => l.EndsWith("/.syncconfig/id", StringComparison.Ordinal) && l.Contains(": rename"));
        Assert.IsGreaterThan(0, idWrite, string.Join("\n", stopAfterId.Log));
        using var g = new Fixture();
        Directory.Delete(g.TargetPath, recursive: true);
        Directory.CreateDirectory(g.TargetPath);
        await f.Engine.SyncAsync(new SyncJob("previous", previous.Root, "Offsite"), g.Target(), null, default);
        var interrupted = await f.Engine.ReinitializeAsync(f.Job, new FaultInjectingTransport(g.Target(), idWrite + 2, FaultMode.AbruptStop), null, default);
        Assert.AreNotEqual(SyncOutcome.Succeeded, interrupted.Outcome);
        g.KillLockHolder();

        var finished = await g.Engine.SyncAsync(f.Job, g.Target(), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, finished.Outcome, string.Join("; ", finished.Errors));
        CollectionAssert.AreEqual(new[] { "PC02/CCCC/full.mrimg" }, finished.FilesUploaded.ToList(), "the matching file already there was kept");
        CollectionAssert.AreEqual((await Disk.FilesAsync(f.Repository.Root)).Values.ToList(), (await Disk.FilesAsync(Path.Combine(g.TargetPath, "Offsite"))).Values.ToList());
    }
}
