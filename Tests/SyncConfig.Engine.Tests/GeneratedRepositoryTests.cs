using Bogus;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;

namespace SyncConfig.Engine.Tests;

/// <summary>
/// Property-style: for Bogus-generated repositories (unicode names, 0-byte files, deep folders, thousands of files),
/// a sync makes the remote equal the repository, a change converges, and a repeat changes nothing.
/// </summary>
[TestClass]
public sealed class GeneratedRepositoryTests
{
    private static readonly string[] Locales = ["ru", "ja", "el", "ko", "zh_CN", "ar", "de", "en"];

    [TestMethod]
    [DataRow(1, 300)]
    [DataRow(2, 300)]
    [DataRow(3, 2000)]
    public async Task RemoteConvergesToTheRepository(int seed, int fileCount)
    {
        using var f = new Fixture();
        var faker = new Faker(Locales[seed % Locales.Length]) { Random = new Randomizer(seed) };
        var names = new Faker(Locales[(seed + 1) % Locales.Length]) { Random = new Randomizer(seed + 1) };
        var computers = Enumerable.Range(0, faker.Random.Int(2, 6)).Select(i => Name(names, i) + "-PC").ToList();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; paths.Count < fileCount; i++)
        {
            var depth = faker.Random.Int(0, 8);
            var segments = new List<string> { faker.PickRandom(computers), faker.Random.Hexadecimal(8, "") };
            segments.AddRange(Enumerable.Range(0, depth).Select(d => Name(names, d)));
            segments.Add(Name(names, i) + faker.PickRandom(".mrimg", ".mrbak", "", ".тест", " копия"));
            var path = string.Join('/', segments);
            if (paths.Any(p => p.StartsWith(path + "/", StringComparison.Ordinal) || path.StartsWith(p + "/", StringComparison.Ordinal)))
                continue; // a file and a folder cannot share a name
            if (paths.Add(path))
                f.Repository.Write(path, Length(faker), faker.Random.Int());
        }

        await f.SyncSucceedsAsync();
        await f.AssertRemoteIsRepositoryAsync();
        Assert.IsTrue((await f.Engine.VerifyAsync(f.Job, f.Target(), default)).IsIntact);

        var list = paths.Order(StringComparer.Ordinal).ToList();
        var deleted = faker.PickRandom(list, list.Count / 10).ToList();
        foreach (var path in deleted)
            f.Repository.Delete(path);
        var rewritten = faker.PickRandom(list.Except(deleted), list.Count / 20).ToList();
        foreach (var path in rewritten)
            f.Repository.Write(path, Length(faker), faker.Random.Int());
        var added = new List<string>();
        foreach (var path in faker.PickRandom(list.Except(deleted), 10))
            added.Add(f.Repository.Write(path[..path.LastIndexOf('/')] + "/" + Name(names, 99) + "-new-" + added.Count, Length(faker), faker.Random.Int()));

        var changed = await f.SyncSucceedsAsync();
        await f.AssertRemoteIsRepositoryAsync();
        CollectionAssert.AreEquivalent(rewritten.Concat(added).ToList(), changed.FilesUploaded.ToList());
        CollectionAssert.AreEquivalent(deleted, changed.FilesDeleted.ToList());

        var repeat = await f.SyncSucceedsAsync();
        Assert.IsEmpty(repeat.FilesUploaded);
        Assert.IsEmpty(repeat.FilesDeleted);
        Assert.AreEqual(0, repeat.BytesUploaded);
        Assert.HasCount((await Disk.FilesAsync(f.Repository.Root)).Count, repeat.FilesUnchanged);
        Assert.IsTrue((await f.Engine.VerifyAsync(f.Job, f.Target(), default)).IsIntact);
    }

    /// <summary>A unicode name, sometimes with a combining mark or an emoji, never a path separator.</summary>
    private static string Name(Faker faker, int i)
    {
        var name = faker.PickRandom(faker.Name.FirstName(), faker.Name.LastName(), faker.Address.City(), faker.Lorem.Word()) + i;
        name = faker.Random.Int(0, 9) switch { 0 => name + "\u0301", 1 => name + " 📦", _ => name };
        return new string(name.Where(c => c != '/' && c != '\\' && !char.IsControl(c)).ToArray()).Trim() is { Length: > 0 } clean ? clean : "x" + i;
    }

    /// <summary>Mostly small, some empty, a few of up to 120 KB.</summary>
    private static int Length(Faker faker) => faker.Random.Int(0, 9) switch { 0 => 0, 1 => faker.Random.Int(20_000, 120_000), _ => faker.Random.Int(1, 4_000) };
}
