using SyncConfig.Engine.FileSystem;

namespace SyncConfig.Runtime.Scheduling;

/// <summary>The state folder cannot hold a sync's lock: a problem to fix, not a run in progress.</summary>
public sealed class SyncLockException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The per-sync run lock: an OS-level exclusive lock on a file in the state folder, so no two runs of
/// one sync overlap, whether both come from the scheduler or one from <c>sync --now</c> in another
/// process. Coravel's own overlap guard is in memory and expires after 24 hours; this one lasts as
/// long as the process holding it, and the OS releases it if that process dies.
/// </summary>
public sealed class SyncLock : IDisposable
{
    /// <summary><c>status</c> probes the lock for a moment; a run starting right then looks again before it gives up.</summary>
    private static readonly TimeSpan[] RetryAfterConflict = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)];

    private readonly FileStream _stream;

    private SyncLock(FileStream stream) => _stream = stream;

    public static string PathOf(string stateFolder, string syncName) => Path.Combine(stateFolder, syncName + ".lock");

    /// <summary>The lock, or null when another run of the sync holds it.</summary>
    /// <exception cref="SyncLockException">The lock file cannot be created or opened at all.</exception>
    public static SyncLock? TryAcquire(string stateFolder, string syncName)
    {
        var path = PathOf(stateFolder, syncName);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                PrivateFiles.CreateFolder(stateFolder);
                var stream = PrivateFiles.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                try
                {
                    // Who holds it, for a person looking at a stuck sync; the lock itself is the open handle.
                    stream.SetLength(0);
                    using (var writer = new StreamWriter(stream, leaveOpen: true))
                        writer.Write($"{Environment.MachineName} pid {Environment.ProcessId} since {DateTimeOffset.UtcNow:O}");
                    stream.Flush();
                }
                catch (IOException)
                {
                    // A full disk refuses the note; the lock is held all the same.
                }
                return new SyncLock(stream);
            }
            catch (IOException e) when (LocalFiles.IsLockConflict(e))
            {
                if (attempt >= RetryAfterConflict.Length)
                    return null;
                Thread.Sleep(RetryAfterConflict[attempt]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SyncLockException(
                    $"The sync's lock file '{path}' cannot be created or opened ({e.Message}). " +
                    "Make the state folder (SyncConfig:StateFolder) writable by the user running SyncConfig, and check its disk is not full.", e);
            }
        }
    }

    /// <summary>
    /// Whether a run of the sync holds its lock now (any process); null when that cannot be told. A shared probe:
    /// it never takes the lock from a run, and a run that starts at that instant retries.
    /// </summary>
    public static bool? IsHeld(string stateFolder, string syncName)
    {
        try
        {
            using var probe = new FileStream(PathOf(stateFolder, syncName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (IOException e) when (LocalFiles.IsLockConflict(e))
        {
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
