namespace SyncConfig.Transports;

/// <summary>
/// The one rule for a path relative to a folder on the target: '/'-separated, not rooted, no empty, '.' or '..' name and
/// no NUL, so that it names something below that folder and nowhere else. Every transport holds the paths it is given to
/// it, and the engine the names a server lists.
/// </summary>
public static class RemotePath
{
    /// <summary>Whether <paramref name="path"/> names something below the folder it is relative to ("" does not).</summary>
    public static bool IsBelow(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\0', StringComparison.Ordinal) && !path.Split('/').Any(s => s is "" or "." or "..");

    /// <summary>Throws unless <paramref name="path"/> is "" (the target path itself) or <see cref="IsBelow"/>.</summary>
    public static void Require(string path)
    {
        if (path.Length > 0 && !IsBelow(path))
            throw new ArgumentException($"'{path}' is not a relative path inside the target.", nameof(path));
    }
}
