using SyncConfig.Engine.FileSystem;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// The state and status folders are written by every run: one that refuses writes is a problem to report at
/// start-up, not a scheduler error every 30 seconds or a crash at the first progress write.
/// </summary>
public static class WritableFolders
{
    public static IEnumerable<ConfigurationProblem> Check(RuntimeSettings settings)
    {
        foreach (var (setting, folder) in new[] { ("StateFolder", settings.StateFolder), ("StatusFolder", settings.StatusFolder) })
        {
            if (Problem(folder) is { } problem)
                yield return new ConfigurationProblem("", "", $"SyncConfig:{setting} '{folder}' {problem}");
        }
    }

    /// <summary>Creates the folder if needed (its owner's alone) and writes and removes a probe file; null when that worked.</summary>
    private static string? Problem(string folder)
    {
        var probe = Path.Combine(folder, ".write-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            PrivateFiles.CreateFolder(folder);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be written ({e.Message}). Make it writable by the user running SyncConfig, or point the setting elsewhere.";
        }
    }
}
