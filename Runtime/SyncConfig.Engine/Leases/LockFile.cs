using SyncConfig.Engine.FileSystem;

namespace SyncConfig.Engine.Leases;

/// <summary>
/// An OS-level lock on a file (.NET maps FileShare.None to flock LOCK_EX and shared access to LOCK_SH on Unix,
/// and to share modes on Windows), so the lock dies with the process that held it.
/// </summary>
internal static class LockFile
{
    /// <summary>The lock, or null while another process holds a conflicting one.</summary>
    /// <exception cref="SyncException">The lock file cannot be used at all: waiting would never end.</exception>
    public static FileStream? TryAcquire(string path, bool exclusive)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Read access: a shared flock on a write handle is refused on some network file systems.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, exclusive ? FileShare.None : FileShare.ReadWrite | FileShare.Delete, 1);
        }
        catch (IOException e) when (LocalFiles.IsLockConflict(e))
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unusable(path, e);
        }
    }

    /// <summary>Poll until the lock is ours, or null once <paramref name="deadline"/> has passed.</summary>
    public static async Task<FileStream?> AcquireAsync(
        string path, bool exclusive, TimeSpan pollInterval, DateTimeOffset? deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryAcquire(path, exclusive) is { } held)
                return held;
            if (deadline is { } end && time.GetUtcNow() >= end)
                return null;
            await Task.Delay(pollInterval, time, cancellationToken);
        }
    }

    private static SyncException Unusable(string path, Exception e) => new(SyncErrorKind.PermissionDenied, e switch
    {
        PathTooLongException => $"The lock file '{path}' has a name too long for its file system; use a shorter folder name.",
        UnauthorizedAccessException => $"The lock file '{path}' cannot be opened: permission denied (or it is not a file). " +
            "Make it, and its folder, readable and writable by the user running SyncConfig and the backups.",
        _ => $"The lock file '{path}' cannot be opened: {e.Message} Check that its disk is writable and not full.",
    }, e);
}
