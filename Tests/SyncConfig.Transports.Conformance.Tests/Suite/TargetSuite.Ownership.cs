using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Testing;

namespace SyncConfig.Transports.Conformance.Tests.Suite;

/// <summary>Two repositories sharing one remote folder: exactly one owns it; reinitialize hands it over.</summary>
public abstract partial class TargetSuite
{
    [TestMethod]
    public async Task OneRepositoryOwnsTheFolderAndReinitializeTakesItOver()
    {
        using var temp = new TestFolder("owner");
        await using var target = await Target.CreateAsync();
        var view = await ConnectedAsync(target);
        const string remote = "Shared";
        var first = new RepositoryBuilder(temp.Sub("first"));
        var second = new RepositoryBuilder(temp.Sub("second"));
        var shared = RepositoryBuilder.Content(20_000, 42);
        first.Write("PC01/AAAA/full.mrimg", shared);
        first.Write("PC01/AAAA/only-first.mrimg", 3_000, 1);
        second.Write("PC01/AAAA/full.mrimg", shared);
        second.Write("PC09/BBBB/only-second.mrimg", 4_000, 2);
        var engine = new SyncEngine();
        var firstJob = new SyncJob("first", first.Root, remote);
        var secondJob = new SyncJob("second", second.Root, remote);

        Assert.AreEqual(SyncOutcome.Succeeded, (await engine.SyncAsync(firstJob, target.Open(), null, default)).Outcome);
        var owned = (await RemoteState.FilesAsync(view, remote)).Values.ToList();

        var refused = await engine.SyncAsync(secondJob, target.Open(), null, default);
        Assert.AreEqual(SyncOutcome.Failed, refused.Outcome);
        Assert.AreEqual(SyncErrorKind.RemoteIdMismatch, refused.ErrorKind);
        CollectionAssert.AreEqual(new[] { "Remote server ID does not match this repository" }, refused.Errors.ToList());
        CollectionAssert.AreEqual(owned, (await RemoteState.FilesAsync(view, remote)).Values.ToList(), "the refused repository wrote nothing");

        var takeover = await engine.ReinitializeAsync(secondJob, target.Open(), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, takeover.Outcome, string.Join("; ", takeover.Errors));
        CollectionAssert.AreEqual(new[] { "PC09/BBBB/only-second.mrimg" }, takeover.FilesUploaded.ToList(), "the matching file already there is reused");
        CollectionAssert.AreEqual(new[] { "PC01/AAAA/only-first.mrimg" }, takeover.FilesDeleted.ToList());
        var secondFiles = (await Disk.FilesAsync(second.Root)).Values.ToList();
        CollectionAssert.AreEqual(secondFiles, (await RemoteState.FilesAsync(view, remote)).Values.ToList());
        CollectionAssert.AreEqual(secondFiles, (await RemoteState.CommittedAsync(view, remote)).Values.ToList());
        CollectionAssert.AreEqual(Array.Empty<string>(), await RemoteState.LeftoversAsync(view, remote));

        var formerOwner = await engine.SyncAsync(firstJob, target.Open(), null, default);
        CollectionAssert.AreEqual(new[] { "Remote server ID does not match this repository" }, formerOwner.Errors.ToList());
        Assert.IsTrue((await engine.VerifyAsync(secondJob, target.Open(), default)).IsIntact);
    }
}
