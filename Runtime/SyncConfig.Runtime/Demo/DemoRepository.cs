using System.Globalization;
using System.Xml.Linq;

namespace SyncConfig.Runtime.Demo;

/// <summary>
/// A generated backup repository laid out as a real one: <c>&lt;computer&gt;/&lt;backup definition id&gt;/</c>
/// holding the definition file, one full image and a chain of incremental images of random sizes.
/// Seeded, so every machine generates the same repository.
/// </summary>
/// <remarks>
/// A plain seeded <see cref="Random"/> is all the demo needs; a test-data library would ship in the
/// production executable for the sake of a few invented names.
/// </remarks>
public sealed class DemoRepository
{
    private const int Megabyte = 1024 * 1024;

    private static readonly string[] Surnames =
        ["Berger", "Castillo", "Dubois", "Eriksen", "Fischer", "Haddad", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Rossi", "Tanaka", "Varga"];

    private static readonly string[] Schedules = ["Grandfather, Father, Son", "Incrementals Forever", "Differential"];

    private readonly Random _random;
    private readonly long _byteBudget;

    public DemoRepository(string root, int seed, int maxMegabytes)
    {
        Root = root;
        _random = new Random(seed);
        _byteBudget = (long)maxMegabytes * Megabyte;
    }

    public string Root { get; }

    /// <summary>Writes the repository; returns the bytes written.</summary>
    public long Generate()
    {
        long written = 0;
        var computers = Enumerable.Range(0, _random.Next(3, 6))
            .Select(i => $"{Pick(Surnames)}-{Pick("PC", "LAPTOP", "SRV")}{i + 1:00}".ToUpperInvariant())
            .ToList();
        // The full images take about half the budget, split between the definitions; incrementals share the rest.
        var definitions = computers.SelectMany(c => Enumerable.Range(0, _random.Next(1, 3)).Select(_ => (Computer: c, Id: HexId()))).ToList();
        var fullSize = _byteBudget / 2 / definitions.Count;
        foreach (var (computer, id) in definitions)
        {
            var folder = Path.Combine(Root, computer, id);
            Directory.CreateDirectory(folder);
            WriteDefinition(folder, computer, id);
            written += WriteImage(Path.Combine(folder, ImageName(id, 0)), _random.NextInt64(fullSize / 2, fullSize + 1));
            var incrementals = _random.Next(1, 5);
            for (var n = 1; n <= incrementals; n++)
                written += WriteImage(Path.Combine(folder, ImageName(id, n)), _random.NextInt64(fullSize / 20, fullSize / 6 + 1));
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
            written += WriteImage(Path.Combine(folder, ImageName(Path.GetFileName(folder), sizes.Count)), _random.NextInt64(smallest / 4, smallest / 4 + smallest + 1));
        }

        return written;
    }

    private static string ImageName(string definitionId, int increment) =>
        string.Create(CultureInfo.InvariantCulture, $"{definitionId}-{increment:00}-00.mrimg");

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    /// <summary>16 upper-case hex digits, as the backup software names its definitions.</summary>
    private string HexId() => Convert.ToHexString(BitConverter.GetBytes(_random.NextInt64()));

    private void WriteDefinition(string folder, string computer, string id)
    {
        var definition = new XElement("backupDefinition",
            new XAttribute("id", id),
            new XAttribute("computer", computer),
            new XAttribute("owner", $"it@{Pick(Surnames).ToLowerInvariant()}.example"),
            new XElement("source", Pick(@"C:\", @"D:\", @"C:\ D:\")),
            new XElement("schedule", Pick(Schedules)),
            new XElement("time", $"{_random.Next(18, 24):00}:{Pick(0, 15, 30, 45):00}"));
        File.WriteAllText(Path.Combine(folder, id + ".xml"), definition.ToString());
    }

    private long WriteImage(string path, long size)
    {
        var buffer = new byte[Megabyte];
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        for (var left = size; left > 0; left -= buffer.Length)
        {
            _random.NextBytes(buffer);
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
        }

        return size;
    }
}
