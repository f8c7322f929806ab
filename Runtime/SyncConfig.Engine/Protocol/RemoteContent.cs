using System.Text.Json;
using SyncConfig.Engine.Repository;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// What a manifest or journal read from the target must hold before anything acts on it. The target is not trusted:
/// a crafted file must end as "corrupted, run reinitialize", not as an unexpected failure on every sync, and never
/// as a path that leaves the mirror or reaches into its metadata folder.
/// </summary>
internal static class RemoteContent
{
    /// <exception cref="JsonException">The manifest lists something no sync writes.</exception>
    /// <param name="names">The target's names: on one that ignores case, <c>.SyncConfig</c> is the metadata folder too.</param>
    public static void CheckManifest(Manifest manifest, NameKeys names)
    {
        if (manifest.RepositoryId is null || manifest.Files is null)
            throw new JsonException("the repository ID or the file list is missing");
        string? previous = null;
        foreach (var entry in manifest.Files)
        {
            if (entry is null || entry.Sha256 is null || entry.Length < 0)
                throw new JsonException("an entry has no hash or a negative length");
            CheckPath(entry.Path, names);
            if (previous is not null && string.CompareOrdinal(previous, entry.Path) >= 0)
                throw new JsonException($"'{entry.Path}' is listed out of order or twice");
            previous = entry.Path;
        }
    }

    /// <exception cref="JsonException">The journal names something no sync writes.</exception>
    public static void CheckJournal(Journal journal, NameKeys names)
    {
        if (journal.CommitId is null || journal.Staged is null || journal.Placed is null || journal.Deleted is null)
            throw new JsonException("a file list or the commit ID is missing");
        if (journal.Staged.Any(s => s is null))
            throw new JsonException("a staged file is missing");
        foreach (var path in journal.Staged.Select(s => s.Path).Concat(journal.Placed).Concat(journal.Deleted))
            CheckPath(path, names);
    }

    private static void CheckPath(string? path, NameKeys names)
    {
        if (path is null)
            throw new JsonException("a path is missing");
        string normalized;
        try
        {
            normalized = RepositoryPaths.Validate(path, "The path");
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message);
        }
        if (normalized != path || names.Comparer.Equals(RepositoryPaths.ComputerOf(path), RemoteFolder.MetadataName))
            throw new JsonException($"'{path}' is not a path inside the mirror");
    }
}
