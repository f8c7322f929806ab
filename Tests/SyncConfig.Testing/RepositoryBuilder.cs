namespace SyncConfig.Testing;

/// <summary>Writes files into a test repository with distinct, increasing modification times.</summary>
public sealed class RepositoryBuilder(string root)
{
    private static long _clock = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public string Root { get; } = root;

    public string Write(string path, byte[] content)
    {
        var full = Full(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        File.SetLastWriteTimeUtc(full, new DateTime(Interlocked.Add(ref _clock, TimeSpan.TicksPerSecond), DateTimeKind.Utc));
        return path;
    }

    public string Write(string path, int length, int seed) => Write(path, Content(length, seed));

    public void Delete(string path) => File.Delete(Full(path));

    public string Full(string path) => Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));

    public static byte[] Content(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
