using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;

namespace SyncConfig.Engine.Tests;

/// <summary>Two repositories sharing one remote folder: exactly one owns it; reinitialize hands it over.</summary>
[TestClass]
public sealed class OwnershipTests
{
    [TestMethod]
    [DataRow(Targets.Local)]
    [DataRow(Targets.S3)]
    [DataRow(Targets.Smb)]
    [DataRow(Targets.Ftp)]
    public async Task OneRepositoryOwnsTheFolderAndReinitializeTakesItOver(string target)
    {
        using var temp = new TestFolder("owner");
        var targetPath = temp.Sub("target");
        var remote = Path.Combine(targetPath, "Shared");
        var first = new RepositoryBuilder(temp.Sub("first"));
        var second = new RepositoryBuilder(temp.Sub("second"));
        var shared = RepositoryBuilder.Content(20_000, 42);
        first.Write("PC01/AAAA/full.mrimg", shared);
        first.Write("PC01/AAAA/only-first.mrimg", 3_000, 1);
        second.Write("PC01/AAAA/full.mrimg", shared);
        second.Write("PC09/BBBB/only-second.mrimg", 4_000, 2);
        var engine = new SyncEngine();
        var firstJob = new SyncJob("first", first.Root, "Shared");
        var secondJob = new SyncJob("second", second.Root, "Shared");

        Assert.AreEqual(SyncOutcome.Succeeded, (await engine.SyncAsync(firstJob, Targets.Open(target, targetPath), null, default)).Outcome);
        var owned = Disk.Files(remote).Values.ToList();

        var refused = await engine.SyncAsync(secondJob, Targets.Open(target, targetPath), null, default);
        Assert.AreEqual(SyncOutcome.Failed, refused.Outcome);
        CollectionAssert.AreEqual(new[] { "Remote server ID does not match this repository" }, refused.Errors.ToList());
        CollectionAssert.AreEqual(owned, Disk.Files(remote).Values.ToList(), "the refused repository wrote nothing");

        var takeover = await engine.ReinitializeAsync(secondJob, Targets.Open(target, targetPath), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, takeover.Outcome, string.Join("; ", takeover.Errors));
        CollectionAssert.AreEqual(new[] { "PC09/BBBB/only-second.mrimg" }, takeover.FilesUploaded.ToList(), "the matching file already there is reused");
        CollectionAssert.AreEqual(new[] { "PC01/AAAA/only-first.mrimg" }, takeover.FilesDeleted.ToList());
        CollectionAssert.AreEqual(Disk.Files(second.Root).Values.ToList(), Disk.Files(remote).Values.ToList());
        CollectionAssert.AreEqual(Disk.Files(second.Root).Values.ToList(), Disk.Committed(remote).Values.ToList());
        CollectionAssert.AreEqual(Array.Empty<string>(), Disk.Leftovers(remote).ToList());

        var formerOwner = await engine.SyncAsync(firstJob, Targets.Open(target, targetPath), null, default);
        CollectionAssert.AreEqual(new[] { "Remote server ID does not match this repository" }, formerOwner.Errors.ToList());
        Assert.IsTrue((await engine.VerifyAsync(secondJob, Targets.Open(target, targetPath), default)).IsIntact);
    }

    [TestMethod]
    public async Task ReinitializeRepairsACorruptedManifest()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        await f.SyncSucceedsAsync();
        File.WriteAllText(Disk.ManifestFiles(f.RemoteFolder).Single(), "{ not json");
        File.Delete(Path.Combine(f.Repository.Root, ".syncconfig", "state", "offsite.json"));

        var broken = await f.SyncAsync();
        Assert.AreEqual(SyncOutcome.Failed, broken.Outcome);
        Assert.Contains("corrupted", broken.Errors.Single());

        var repaired = await f.Engine.ReinitializeAsync(f.Job, f.Target(), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, repaired.Outcome, string.Join("; ", repaired.Errors));
        Assert.IsEmpty(repaired.FilesUploaded, "the file on the remote matched and was kept");
        f.AssertRemoteIsRepository();
    }
}
