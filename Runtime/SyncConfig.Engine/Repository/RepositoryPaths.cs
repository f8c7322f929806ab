namespace SyncConfig.Engine.Repository;

/// <summary>The repository layout <c>&lt;computer&gt;/&lt;backup definition&gt;/&lt;files&gt;</c>, in '/'-separated relative paths.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository's own metadata (ID, sync state, lease locks); never part of a snapshot.</summary>
    public const string MetadataFolder = ".syncconfig";

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

    /// <summary>Rejects rooted paths and '..' so a name from outside cannot leave the repository.</summary>
    public static string Validate(string relativePath, string what)
    {
        var normalized = relativePath.Replace('\\', '/').Trim('/');
        if (normalized.Length == 0 || normalized.Split('/').Any(s => s is "" or "." or ".."))
            throw new ArgumentException($"{what} '{relativePath}' must be a relative path such as PC01/1A2B3C.");
        return normalized;
    }
}
