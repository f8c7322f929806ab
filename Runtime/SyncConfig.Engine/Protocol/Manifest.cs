using System.Globalization;

namespace SyncConfig.Engine.Protocol;

/// <summary>One file the committed state lists: where it is in the mirror, and what it must hold.</summary>
public sealed record ManifestEntry(string Path, long Length, long ModifiedTicks, string Sha256);

/// <summary>
/// A committed state of the remote mirror. Written once under a name of its own (generation and commit ID), never
/// overwritten, so committing needs neither rename-over-existing nor any other atomic replace.
/// </summary>
public sealed record Manifest
{
    /// <summary>2: the journal names its lock and the sources of staged files, every new file is staged where the
    /// target can rename. Manifests themselves did not change, so format 1 is still read.</summary>
    public const int CurrentFormat = 2;

    public static bool IsReadable(int format) => format is 1 or CurrentFormat;

    public int Format { get; init; } = CurrentFormat;
    public required string RepositoryId { get; init; }
    public required long Generation { get; init; }
    public required string CommitId { get; init; }
    public DateTimeOffset CommittedAt { get; init; }

    /// <summary>Sorted by path (ordinal).</summary>
    public required IReadOnlyList<ManifestEntry> Files { get; init; }

    public ManifestName Name => new(Generation, CommitId);

    /// <summary>The state before the first commit: nothing listed.</summary>
    public static Manifest Empty(string repositoryId) => new() { RepositoryId = repositoryId, Generation = 0, CommitId = "", Files = [] };
}

/// <summary>A manifest's file name: <c>&lt;generation, 20 digits&gt;-&lt;commit ID&gt;.json</c>, so names sort by generation.</summary>
public readonly record struct ManifestName(long Generation, string CommitId)
{
    public string FileName => Generation.ToString("D20", CultureInfo.InvariantCulture) + "-" + CommitId + ".json";

    public static ManifestName? TryParse(string fileName)
    {
        if (!fileName.EndsWith(".json", StringComparison.Ordinal) || fileName.Length < 22 || fileName[20] != '-')
            return null;
        if (!long.TryParse(fileName.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
            return null;
        var commitId = fileName[21..^".json".Length];
        return commitId.Length == 0 ? null : new ManifestName(generation, commitId);
    }
}
