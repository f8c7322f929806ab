using SyncConfig.Catalog;
using SyncConfig.Rules;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// Paths this host's file system can use. The definition language accepts Windows and Linux paths alike (one set of
/// definitions may serve both), so a Local Path or repository written for the other system is caught here, before
/// Linux takes <c>E:\Offsite</c> for a folder of that name under the working directory.
/// </summary>
public static class HostPaths
{
    public static IEnumerable<ConfigurationProblem> Check(ResolvedSync sync, bool isWindows)
    {
        if (Problem("Repository path", sync.RepositoryPath, isWindows) is { } repository)
            yield return new ConfigurationProblem(sync.Name, Setting.Repository, repository);
        if (sync.Destination is LocalPathSettings local && Problem("Local path", local.Path, isWindows) is { } target)
            yield return new ConfigurationProblem(sync.Name, Setting.Path, target);
    }

    public static IEnumerable<ConfigurationProblem> Check(ResolvedSync sync) => Check(sync, OperatingSystem.IsWindows());

    /// <summary>Why <paramref name="path"/> cannot be used on this host, or null.</summary>
    public static string? Problem(string what, string path, bool isWindows)
    {
        if (isWindows)
        {
            return path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal)
                ? $"{what} '{path}' is a Linux path, but this host runs Windows; give a Windows path such as 'E:\\Offsite', " +
                  "or a $(NAME) reference that each host sets to its own path."
                : null;
        }

        if (path.StartsWith(@"\\", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal))
        {
            return $"{what} '{path}' is a Windows network share, but this host does not run Windows and cannot open it; " +
                "mount the share (for example with mount -t cifs at /mnt/offsite) and give the mount point, " +
                "or use a $(NAME) reference that each host sets to its own path.";
        }

        if (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
        {
            return $"{what} '{path}' is a Windows path (drive {char.ToUpperInvariant(path[0])}:), but this host does not run Windows, " +
                $"where it would be a folder named '{path}' under the working directory; give this host's path, such as '/mnt/offsite', " +
                "or a $(NAME) reference that each host sets to its own path.";
        }

        return null;
    }
}
