namespace SyncConfig.Engine.Leases;

/// <summary>
/// An OS-level lock on a file (.NET maps FileShare.None to flock LOCK_EX and shared access to LOCK_SH on Unix,
/// and to share modes on Windows), so the lock dies with the process that held it.
/// </summary>
internal static class LockFile
{
    public static FileStream? TryAcquire(string path, bool exclusive)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // Read access: a shared flock on a write handle is refused on some network file systems.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, exclusive ? FileShare.None : FileShare.ReadWrite | FileShare.Delete, 1);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
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
}
