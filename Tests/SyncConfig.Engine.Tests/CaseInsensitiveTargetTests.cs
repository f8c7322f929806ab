using System.Text;
using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;

namespace SyncConfig.Engine.Tests;

/// <summary>On a target that ignores case, a name that changed only in case is the same file: replaced, never deleted.</summary>
[TestClass]
public sealed class CaseInsensitiveTargetTests
{
    [TestMethod]
    public async Task RenamingAComputerFolderOnlyInCaseKeepsItsFilesOnTheTarget()
    {
        using var f = new Fixture();
        f.Repository.Write("pc01/AAAA/full.mrimg", 30_000, 1);
        f.Repository.Write("pc01/AAAA/inc-01.mrimg", 3_000, 2);
        await f.SyncSucceedsAsync(new CaseFoldingTransport(f.Target()));
        Directory.Move(f.Repository.Full("pc01"), f.Repository.Full("PC01"));

        var renamed = await f.SyncSucceedsAsync(new CaseFoldingTransport(f.Target()));
        Assert.IsEmpty(renamed.FilesDeleted, "nothing is deleted: upload-then-delete would delete what was just uploaded");
        CollectionAssert.AreEqual(new[] { "PC01/AAAA/full.mrimg", "PC01/AAAA/inc-01.mrimg" }, (await Disk.CommittedAsync(f.RemoteFolder)).Keys.ToList());
        var report = await f.Engine.VerifyAsync(f.Job, new CaseFoldingTransport(f.Target()), default);
        Assert.IsTrue(report.IsIntact, string.Join("; ", report.Missing.Concat(report.SizeMismatches).Concat(report.HashMismatches).Concat(report.Errors)));
        CollectionAssert.AreEqual((await Disk.FilesAsync(f.Repository.Root)).Values.Select(v => v.Sha256).ToList(), (await Disk.FilesAsync(f.RemoteFolder)).Values.Select(v => v.Sha256).ToList());

        var again = await f.SyncSucceedsAsync(new CaseFoldingTransport(f.Target()));
        Assert.IsEmpty(again.FilesUploaded, "the folded listing finds every file in place");
    }

    [TestMethod]
    public async Task TwoFilesThatDifferOnlyInCaseStopTheSyncBeforeItWrites()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 3_000, 1);
        f.Repository.Write("PC01/AAAA/FULL.mrimg", 3_000, 2);
        var result = await f.SyncAsync(new CaseFoldingTransport(f.Target()));
        Assert.AreEqual(SyncOutcome.Failed, result.Outcome);
        StringAssert.Contains(result.Errors.Single(), "differ only in letter case");
        Assert.IsFalse(Directory.Exists(Path.Combine(f.RemoteFolder, "PC01")));
    }

    /// <summary>
    /// A repository folder named like the target's metadata folder in another case (.SyncConfig) is that very folder on a
    /// target that ignores case: promoting its files would write over the folder's ID, journal or lock.
    /// </summary>
    [TestMethod]
    public async Task AFolderNamedLikeTheMetadataFolderInAnotherCaseNeverWritesIntoIt()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 3_000, 1);
        await f.SyncSucceedsAsync(new CaseFoldingTransport(f.Target()));
        var idFile = Path.Combine(f.RemoteFolder, ".syncconfig", "id");
        var id = await File.ReadAllBytesAsync(idFile);
        f.Repository.Write(".SyncConfig/id", Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()));

        var result = await f.SyncAsync(new CaseFoldingTransport(f.Target()));
        CollectionAssert.AreEqual(id, await File.ReadAllBytesAsync(idFile), "the target's ID is still this repository's");
        Assert.AreEqual(SyncOutcome.Failed, result.Outcome);
        StringAssert.Contains(result.Errors.Single(), ".SyncConfig");

        File.Delete(f.Repository.Full(".SyncConfig/id"));
        Directory.Delete(f.Repository.Full(".SyncConfig"));
        await f.SyncSucceedsAsync(new CaseFoldingTransport(f.Target()));
        await f.AssertRemoteIsRepositoryAsync();
    }
}
