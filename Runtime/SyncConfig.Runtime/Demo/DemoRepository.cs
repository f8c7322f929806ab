using System.Globalization;
using System.Xml.Linq;
using Bogus;

namespace SyncConfig.Runtime.Demo;

/// <summary>
/// A generated backup repository laid out as a real one: <c>&lt;computer&gt;/&lt;backup definition id&gt;/</c>
/// holding the definition file, one full image and a chain of incremental images of random sizes.
/// Seeded, so every machine generates the same repository.
/// </summary>
public sealed class DemoRepository
{
    private const int Megabyte = 1024 * 1024;
    private readonly Faker _faker;
    private readonly long _byteBudget;

    public DemoRepository(string root, int seed, int maxMegabytes)
    {
        Root = root;
        _faker = new Faker { Random = new Randomizer(seed) };
        _byteBudget = (long)maxMegabytes * Megabyte;
    }

    public string Root { get; }

    /// <summary>Writes the repository; returns the bytes written.</summary>
    public long Generate()
    {
        long written = 0;
        var computers = Enumerable.Range(0, _faker.Random.Int(3, 5))
            .Select(i => $"{_faker.Name.LastName()}-{_faker.PickRandom("PC", "LAPTOP", "SRV")}{i + 1:00}".ToUpperInvariant())
            .ToList();
        // The full images take about half the budget, split between the definitions; incrementals share the rest.
        var definitions = computers.SelectMany(c => Enumerable.Range(0, _faker.Random.Int(1, 2)).Select(_ => (Computer: c, Id: _faker.Random.Hexadecimal(16, "").ToUpperInvariant()))).ToList();
        long fullSize = _byteBudget / 2 / definitions.Count;
        foreach (var (computer, id) in definitions)
        {
            var folder = Path.Combine(Root, computer, id);
            Directory.CreateDirectory(folder);
            WriteDefinition(folder, computer, id);
            written += WriteImage(Path.Combine(folder, ImageName(id, 0)), _faker.Random.Long(fullSize / 2, fullSize));
            int incrementals = _faker.Random.Int(1, 4);
            for (int n = 1; n <= incrementals; n++)
                written += WriteImage(Path.Combine(folder, ImageName(id, n)), _faker.Random.Long(fullSize / 20, fullSize / 6));
        }

        return written;
    }

    /// <summary>A new incremental image in every backup definition, as last night's backups would leave; returns the bytes written.</summary>
    public long AddIncrementals()
    {
        long written = 0;
        // Only backup definition folders hold images; the sync keeps its own state beside them.
        var definitions = Directory.EnumerateDirectories(Root).SelectMany(Directory.EnumerateDirectories)
            .Select(folder => (Folder: folder, Sizes: Directory.EnumerateFiles(folder, "*.mrimg").Select(f => new FileInfo(f).Length).ToList()))
            .Where(d => d.Sizes.Count > 0)
            .OrderBy(d => d.Folder, StringComparer.Ordinal);
        foreach (var (folder, sizes) in definitions)
        {
            var smallest = sizes.Min();
            written += WriteImage(Path.Combine(folder, ImageName(Path.GetFileName(folder), sizes.Count)), _faker.Random.Long(smallest / 4, smallest / 4 + smallest));
        }

        return written;
    }

    private static string ImageName(string definitionId, int increment) =>
        string.Create(CultureInfo.InvariantCulture, $"{definitionId}-{increment:00}-00.mrimg");

    private void WriteDefinition(string folder, string computer, string id)
    {
        var definition = new XElement("backupDefinition",
            new XAttribute("id", id),
            new XAttribute("computer", computer),
            new XAttribute("owner", _faker.Internet.Email()),
            new XElement("source", _faker.PickRandom(@"C:\", @"D:\", @"C:\ D:\")),
            new XElement("schedule", _faker.PickRandom("Grandfather, Father, Son", "Incrementals Forever", "Differential")),
            new XElement("time", $"{_faker.Random.Int(18, 23):00}:{_faker.PickRandom(0, 15, 30, 45):00}"));
        File.WriteAllText(Path.Combine(folder, id + ".xml"), definition.ToString());
    }

    private long WriteImage(string path, long size)
    {
        var buffer = new byte[Megabyte];
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        for (long left = size; left > 0; left -= buffer.Length)
        {
            _faker.Random.Bytes(buffer.Length).CopyTo(buffer, 0);
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
        }

        return size;
    }
}
