using System.Runtime.CompilerServices;
using System.Text.Json;
using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Tests;

/// <summary>
/// Names the target hands back — in a listing, a manifest, a journal — never lead the engine out of the sync's folder:
/// <c>..</c>, absolute paths, drive letters, NUL and overlong names are refused with a message, and a file planted
/// beside the folder, or in the target's parent, is still there afterwards. And the repository side of the same rule:
/// a local name that no manifest may list is skipped and reported, never written into a manifest that the next sync
/// would then refuse.
/// </summary>
[TestClass]
public sealed class HostileNameTests
{
    /// <summary>
    /// Names that would lead to the planted file beside the mirror folder (ABSOLUTE stands for its absolute path), or
    /// that name something else on another system: a drive, a NUL-cut name, one longer than any file system takes.
    /// </summary>
    public static IEnumerable<object[]> Names =>
    [
        ["../planted.txt"],
        ["PC01/../../planted.txt"],
        ["ABSOLUTE"],
        ["C:/planted.txt"],
        ["PC01/1A2B3C/a\0b.mrimg"],
        ["PC01/" + new string('n', 256)],
        ["PC01\\..\\..\\planted.txt"],
    ];

    [TestMethod]
    [DynamicData(nameof(Names))]
    public async Task AManifestListingANameOutsideTheMirrorIsCorruptedAndNothingOutsideIsTouched(string name)
    {
        using var f = new Fixture();
        var (planted, committed) = await SyncedWithPlantedFilesAsync(f);
        var crafted = committed with { Generation = committed.Generation + 1, CommitId = "crafted" };
        WriteManifest(f, crafted, Hostile(name, f), "PC01/1A2B3C/full.mrimg");

        var result = await f.SyncAsync();

        Assert.AreEqual(SyncOutcome.Failed, result.Outcome, string.Join("; ", result.Errors));
        StringAssert.Contains(string.Join("; ", result.Errors), "is corrupted");
        StringAssert.Contains(string.Join("; ", result.Errors), "reinitialize");
        AssertUntouched(f, planted);
    }

    [TestMethod]
    [DynamicData(nameof(Names))]
    public async Task AJournalNamingAFileOutsideTheMirrorIsCorruptedAndNothingOutsideIsTouched(string name)
    {
        using var f = new Fixture();
        var (planted, committed) = await SyncedWithPlantedFilesAsync(f);
        var hostile = Hostile(name, f);
        // It names the committed manifest, so a recovery that trusted it would roll forward: delete, place, promote.
        var journal = new
        {
            format = 2, generation = committed.Generation, commitId = committed.CommitId, lockToken = "gone",
            staged = new[] { new { path = hostile, length = 1, modifiedTicks = 0 } }, placed = new[] { hostile }, deleted = new[] { hostile },
        };
        File.WriteAllText(Path.Combine(f.RemoteFolder, ".syncconfig", "journal.json"), JsonSerializer.Serialize(journal));

        var result = await f.SyncAsync();

        Assert.AreEqual(SyncOutcome.Failed, result.Outcome, string.Join("; ", result.Errors));
        StringAssert.Contains(string.Join("; ", result.Errors), "journal");
        StringAssert.Contains(string.Join("; ", result.Errors), "is corrupted");
        AssertUntouched(f, planted);
    }

    /// <summary>
    /// On a target that ignores case, '.SyncConfig/id' is the metadata folder's ID: a crafted manifest that lists it is
    /// corrupted there, or the sync would delete the ID as a file that left the repository.
    /// </summary>
    [TestMethod]
    public async Task AManifestListingTheMetadataFolderInAnotherCaseIsCorruptedOnATargetThatIgnoresCase()
    {
        using var f = new Fixture();
        var (planted, committed) = await SyncedWithPlantedFilesAsync(f);
        var idFile = Path.Combine(f.RemoteFolder, ".syncconfig", "id");
        var id = await File.ReadAllBytesAsync(idFile);
        WriteManifest(f, committed with { Generation = committed.Generation + 1, CommitId = "crafted" }, ".SyncConfig/id", "PC01/1A2B3C/full.mrimg");

        var result = await f.SyncAsync(new CaseFoldingTransport(f.Target()));

        Assert.AreEqual(SyncOutcome.Failed, result.Outcome, string.Join("; ", result.Errors));
        StringAssert.Contains(string.Join("; ", result.Errors), "is corrupted");
        CollectionAssert.AreEqual(id, await File.ReadAllBytesAsync(idFile), "the target's ID is still there");
        AssertUntouched(f, planted);
    }

    [TestMethod]
    [DataRow(".syncconfig/tmp", "../../../planted.txt")]
    [DataRow(".syncconfig/tmp", "ABSOLUTE")]
    [DataRow("", "../planted.txt")]
    [DataRow("", "PC01/a\0b")]
    public async Task AListingWithANameOutsideTheListedFolderStopsTheSync(string folder, string name)
    {
        using var f = new Fixture();
        var (planted, _) = await SyncedWithPlantedFilesAsync(f);
        var listed = Path.Combine("Offsite", folder).Replace('\\', '/').TrimEnd('/');
        var transport = new ListingAdds(f.Target(), listed, name == "ABSOLUTE" ? planted[0] : listed + "/" + name);

        var result = await f.SyncAsync(transport);

        Assert.IsTrue(transport.Added, $"the sync listed {listed}");
        Assert.AreEqual(SyncOutcome.Failed, result.Outcome, string.Join("; ", result.Errors));
        StringAssert.Contains(string.Join("; ", result.Errors), "a name that is not inside that folder");
        AssertUntouched(f, planted);
    }

    [TestMethod]
    public async Task ALocalNameNoManifestMayListIsSkippedAndReportedAndTheNextSyncStillRuns()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/1A2B3C/full.mrimg", 20_000, 1);
        f.Repository.Write("PC01/1A2B3C/back\\slash.mrimg", 1_000, 2);

        var first = await f.SyncSucceedsAsync();
        var second = await f.SyncSucceedsAsync();

        CollectionAssert.AreEqual(new[] { "PC01/1A2B3C/full.mrimg" }, first.FilesUploaded.ToList());
        StringAssert.Contains(string.Join("; ", first.Skipped), "contains a backslash");
        Assert.IsEmpty(second.FilesUploaded, "the manifest read back was accepted: nothing to send again");
    }

    /// <summary>A first sync, then files planted beside the mirror folder and in the target's parent folder.</summary>
    private static async Task<(string[] Planted, ManifestFacts Committed)> SyncedWithPlantedFilesAsync(Fixture f)
    {
        f.Repository.Write("PC01/1A2B3C/full.mrimg", 20_000, 1);
        await f.SyncSucceedsAsync();
        string[] planted = [Path.Combine(f.TargetPath, "planted.txt"), Path.Combine(Path.GetDirectoryName(f.TargetPath)!, "planted.txt")];
        foreach (var file in planted)
            File.WriteAllText(file, "planted outside the mirror");
        var manifest = Directory.GetFiles(Path.Combine(f.RemoteFolder, ".syncconfig", "manifests")).Single();
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var root = json.RootElement;
        return (planted, new ManifestFacts(root.GetProperty("repositoryId").GetString()!, root.GetProperty("generation").GetInt64(), root.GetProperty("commitId").GetString()!));
    }

    private static string Hostile(string name, Fixture f) => name == "ABSOLUTE" ? Path.Combine(f.TargetPath, "planted.txt") : name;

    private static void WriteManifest(Fixture f, ManifestFacts facts, params string[] paths)
    {
        var manifest = new
        {
            format = 2, repositoryId = facts.RepositoryId, generation = facts.Generation, commitId = facts.CommitId, committedAt = DateTimeOffset.UnixEpoch,
            files = paths.Order(StringComparer.Ordinal).Select(p => new { path = p, length = 1, modifiedTicks = 0, sha256 = new string('0', 64) }),
        };
        File.WriteAllText(Path.Combine(f.RemoteFolder, ".syncconfig", "manifests", $"{facts.Generation:D20}-{facts.CommitId}.json"), JsonSerializer.Serialize(manifest));
    }

    private static void AssertUntouched(Fixture f, string[] planted)
    {
        foreach (var file in planted)
            Assert.AreEqual("planted outside the mirror", File.ReadAllText(file), $"{file} was changed");
        Assert.IsFalse(Directory.Exists(Path.Combine(f.RemoteFolder, "C:")), "a drive-letter name became a folder");
    }

    private sealed record ManifestFacts(string RepositoryId, long Generation, string CommitId);

    /// <summary>Adds one entry to the first listing of a folder, as a hostile or broken server would answer.</summary>
    private sealed class ListingAdds(IRemoteTransport inner, string folder, string extra) : DelegatingTransport(inner)
    {
        public bool Added { get; private set; }

        public override async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string listed, [EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var file in base.ListFilesAsync(listed, ct))
                yield return file;
            if (listed == folder && !Added)
            {
                Added = true;
                yield return new RemoteFileInfo(extra, 26);
            }
        }
    }
}
