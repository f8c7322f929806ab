namespace SyncConfig.Engine.Repository;

/// <summary>The repository layout <c>&lt;computer&gt;/&lt;backup definition&gt;/&lt;files&gt;</c>, in '/'-separated relative paths.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository's own metadata (ID, sync state, lease locks); never part of a snapshot.</summary>
    public const string MetadataFolder = ".syncconfig";

    /// <summary>The longest file or folder name synced: what Windows and most Unix file systems take.</summary>
    public const int MaxNameLength = 255;

    /// <summary>The repository folder a file belongs to: its first two folder levels (<c>PC01/1A2B3C</c>).</summary>
    public static string FolderOf(string path)
    {
        var first = path.IndexOf('/');
        if (first < 0)
            return "";
        var second = path.IndexOf('/', first + 1);
        return second < 0 ? path[..first] : path[..second];
    }

    /// <summary>The computer a repository folder belongs to: its first level.</summary>
    public static string ComputerOf(string folder)
    {
        var slash = folder.IndexOf('/');
        return slash < 0 ? folder : folder[..slash];
    }

    /// <summary>
    /// The one rule for a relative path that names something inside the repository or the mirror, whoever wrote it: a
    /// lease folder typed by a person, a path in a manifest or journal read from the target. Rejects rooted paths,
    /// empty, '.' and '..' segments, and every name <see cref="NameProblem"/> refuses.
    /// </summary>
    public static string Validate(string relativePath, string what)
    {
        var normalized = relativePath.Replace('\\', '/').Trim('/');
        var segments = normalized.Split('/');
        if (normalized.Length == 0 || segments.Any(s => s is "" or "." or ".."))
            throw new ArgumentException($"{what} '{relativePath}' must be a relative path such as PC01/1A2B3C.");
        for (var i = 0; i < segments.Length; i++)
        {
            if (NameProblem(segments[i], first: i == 0) is { } problem)
                throw new ArgumentException($"{what} '{relativePath}' is not a path inside the folder: '{segments[i]}' {problem}.");
        }
        return normalized;
    }

    /// <summary>
    /// Why one name cannot be synced (null when it can): the repository snapshot skips such a name, and a manifest or
    /// journal that lists one is refused, since on some target or restore machine it would name another place.
    /// </summary>
    /// <param name="first">The path's first name, where <c>C:</c> would name a drive.</param>
    public static string? NameProblem(string name, bool first)
    {
        if (name.Contains('\0', StringComparison.Ordinal))
            return "contains a NUL character";
        if (name.Contains('\\', StringComparison.Ordinal))
            return "contains a backslash, a folder separator on Windows";
        if (name.Length > MaxNameLength)
            return $"has {name.Length} characters, more than {MaxNameLength}";
        if (first && name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
            return "starts with a drive letter";
        return null;
    }
}
