namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// Where state and status go when the configuration does not say: where the platform keeps a service's state, never
/// the executable's folder (a deployed program's folder may be read-only, and is shared by every user).
/// </summary>
public static class DefaultFolders
{
    public const string StateName = "state";
    public const string StatusName = "status";

    /// <summary>The folder holding <c>state</c> and <c>status</c> on this host.</summary>
    public static string Root() => Root(Environment.GetEnvironmentVariable, OperatingSystem.IsWindows(), Environment.IsPrivilegedProcess,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <param name="variable">An environment variable's value, or null.</param>
    /// <param name="isPrivileged">Running as root (Linux) or elevated.</param>
    public static string Root(Func<string, string?> variable, bool isWindows, bool isPrivileged, string home)
    {
        if (isWindows)
        {
            var programData = variable("ProgramData") is { Length: > 0 } data ? data : Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData);
            return Path.Combine(programData, "SyncConfig");
        }

        // systemd's StateDirectory=: the unit's own folder, created with the right owner (several are separated by ':').
        if (variable("STATE_DIRECTORY") is { Length: > 0 } systemd && systemd.Split(':')[0] is { Length: > 0 } first && Path.IsPathRooted(first))
            return first;
        if (isPrivileged)
            return "/var/lib/syncconfig";
        // The XDG base directory specification: a relative value is invalid and ignored.
        if (variable("XDG_STATE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "syncconfig");
        return Path.Combine(home, ".local", "state", "syncconfig");
    }
}
