using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Testing;

namespace SyncConfig.Transports.Smb.Tests;

/// <summary>
/// SMB ignores letter case: renaming a computer's folder from <c>pc01</c> to <c>PC01</c> in the repository must
/// replace the files on the share, never upload them and then delete the same files under their old name.
/// </summary>
[TestClass]
public sealed class CaseOnlyRenameTests
{
    [TestMethod]
    public async Task ACaseOnlyRenameOfAComputerFolderKeepsTheRemoteComplete()
    {
        using var temp = new TestFolder("smb-case");
        await using var server = new SmbServer();
        var repository = new RepositoryBuilder(temp.Sub("repository"));
        repository.Write("pc01/AAAA/full.mrimg", 300_000, 1);
        repository.Write("pc01/AAAA/incr-1.mrimg", 40_000, 2);
        repository.Write("PC02/BBBB/full.mrimg", 50_000, 3);
        var engine = new SyncEngine();
        var job = new SyncJob("case", repository.Root, "Offsite");
        var view = server.Open(server.Target());
        await view.ConnectAsync(default);

        var first = await engine.SyncAsync(job, server.Open(server.Target()), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, first.Outcome, string.Join("; ", first.Errors));
        Directory.Move(Path.Combine(repository.Root, "pc01"), Path.Combine(repository.Root, "PC01"));

        var second = await engine.SyncAsync(job, server.Open(server.Target()), null, default);

        Assert.AreEqual(SyncOutcome.Succeeded, second.Outcome, string.Join("; ", second.Errors));
        var local = Folded(await Disk.FilesAsync(repository.Root));
        Assert.HasCount(3, local);
        CollectionAssert.AreEquivalent(local, Folded(await RemoteState.FilesAsync(view, "Offsite")), "every file is on the share, whole");
        CollectionAssert.AreEquivalent(local, Folded(await RemoteState.CommittedAsync(view, "Offsite")), "and listed in the committed manifest");
        CollectionAssert.AreEqual(Array.Empty<string>(), await RemoteState.LeftoversAsync(view, "Offsite"));
        Assert.IsTrue((await engine.VerifyAsync(job, server.Open(server.Target()), default)).IsIntact);

        var third = await engine.SyncAsync(job, server.Open(server.Target()), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, third.Outcome, string.Join("; ", third.Errors));
        Assert.AreEqual(0, third.BytesUploaded, "once renamed, nothing changes any more");
        CollectionAssert.AreEquivalent(local, Folded(await RemoteState.FilesAsync(view, "Offsite")));
    }

    /// <summary>The files by their path in upper case, with their length and hash: what a case-insensitive share can be compared by.</summary>
    private static List<string> Folded(SortedDictionary<string, FileState> files) =>
        files.Values.Select(f => $"{f.Path.ToUpperInvariant()} {f.Length} {f.Sha256}").OrderBy(s => s, StringComparer.Ordinal).ToList();
}
