using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;

namespace SyncConfig.Engine.Tests;

/// <summary>
/// A remote folder's committed state destroyed: reinitialize rebuilds it. (One repository owning a folder, under every
/// target's capabilities, is in the transport conformance suite.)
/// </summary>
[TestClass]
public sealed class OwnershipTests
{
    [TestMethod]
    public async Task ReinitializeRepairsACorruptedManifest()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        await f.SyncSucceedsAsync();
        File.WriteAllText(Directory.GetFiles(Path.Combine(f.RemoteFolder, ".syncconfig", "manifests")).Single(), "{ not json");
        File.Delete(Path.Combine(f.Repository.Root, ".syncconfig", "state", "offsite.json"));

        var broken = await f.SyncAsync();
        Assert.AreEqual(SyncOutcome.Failed, broken.Outcome);
        Assert.AreEqual(SyncErrorKind.CorruptedManifest, broken.ErrorKind);
        Assert.Contains("corrupted", broken.Errors.Single());

        var repaired = await f.Engine.ReinitializeAsync(f.Job, f.Target(), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, repaired.Outcome, string.Join("; ", repaired.Errors));
        Assert.IsEmpty(repaired.FilesUploaded, "the file on the remote matched and was kept");
        await f.AssertRemoteIsRepositoryAsync();
    }
}
