using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using SyncConfig.Engine.FileSystem;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// Who may own and read the secrets file: its owner must be the user running SyncConfig (or the system's
/// administrator), and nobody else may read it. On Unix that is the owner and the mode bits; on Windows the owner
/// and the access control list.
/// </summary>
public static class SecretsFileAccess
{
    private const UnixFileMode OpenToOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Why the file may not be trusted with secrets, or null.</summary>
    public static string? Problem(string path) => OperatingSystem.IsWindows() ? WindowsProblem(path) : UnixProblem(path);

    [UnsupportedOSPlatform("windows")]
    private static string? UnixProblem(string path)
    {
        if ((File.GetUnixFileMode(path) & OpenToOthers) != 0)
            return $"Secrets file '{path}' can be read by other users; restrict it with: chmod 600 '{path}'.";
        // The file the path leads to: a link to someone else's file is someone else's file.
        var owner = LocalFiles.Status(LocalFiles.RealPath(path)).Owner;
        var user = LocalFiles.EffectiveUser;
        if (owner is { } fileOwner && user is { } self && fileOwner != self && fileOwner != 0)
            return $"Secrets file '{path}' belongs to another user (uid {fileOwner}), not to the user running SyncConfig (uid {self}); " +
                $"take it over with: chown {self} '{path}'.";
        return null;
    }

    [SupportedOSPlatform("windows")]
    private static string? WindowsProblem(string path)
    {
        var security = new FileInfo(path).GetAccessControl();
        var self = WindowsIdentity.GetCurrent().User;
        var trusted = new HashSet<SecurityIdentifier>
        {
            new(WellKnownSidType.LocalSystemSid, null),
            new(WellKnownSidType.BuiltinAdministratorsSid, null),
        };
        if (self is not null)
            trusted.Add(self);
        if (security.GetOwner(typeof(SecurityIdentifier)) is SecurityIdentifier owner && !trusted.Contains(owner))
            return $"Secrets file '{path}' is owned by {owner}, not by the user running SyncConfig; take ownership of it (icacls '{path}' /setowner).";
        foreach (FileSystemAccessRule rule in security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)))
        {
            if (rule.AccessControlType == AccessControlType.Allow && (rule.FileSystemRights & FileSystemRights.ReadData) != 0
                && rule.IdentityReference is SecurityIdentifier reader && !trusted.Contains(reader))
                return $"Secrets file '{path}' can be read by {reader}; remove inherited and other users' access " +
                    $"(icacls '{path}' /inheritance:r /grant:r \"%USERNAME%:F\").";
        }
        return null;
    }
}
