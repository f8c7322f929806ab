namespace SyncConfig.Runtime.Scheduling;

/// <summary>
/// The per-sync run lock: an OS-level exclusive lock on a file in the state folder, so no two runs of
/// one sync overlap, whether both come from the scheduler or one from <c>sync --now</c> in another
/// process. Coravel's own overlap guard is in memory and expires after 24 hours; this one lasts as
/// long as the process holding it, and the OS releases it if that process dies.
/// </summary>
public sealed class SyncLock : IDisposable
{
    private readonly FileStream _stream;

    private SyncLock(FileStream stream) => _stream = stream;

    /// <summary>The lock, or null when another run of the sync holds it.</summary>
    public static SyncLock? TryAcquire(string stateFolder, string syncName)
    {
        Directory.CreateDirectory(stateFolder);
        var path = Path.Combine(stateFolder, syncName + ".lock");
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            // Who holds it, for a person looking at a stuck sync; the lock itself is the open handle.
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
                writer.Write($"{Environment.MachineName} pid {Environment.ProcessId} since {DateTimeOffset.UtcNow:O}");
            stream.Flush();
            return new SyncLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
