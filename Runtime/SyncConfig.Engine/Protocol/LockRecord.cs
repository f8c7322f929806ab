using System.ComponentModel;
using System.Diagnostics;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// The content of a remote folder's lock: who writes the folder (as restic's lock files: host, process, time), so
/// a waiting sync can name the holder and decide whether the lock is stale.
/// </summary>
public sealed record LockRecord
{
    public int Format { get; init; } = 1;

    /// <summary>Unique per sync attempt: the journal names it, and only its holder commits or settles that journal.</summary>
    public required string Token { get; init; }

    public required string Host { get; init; }
    public required int ProcessId { get; init; }

    /// <summary>Tells a live process from a later one that got the same ID.</summary>
    public DateTimeOffset? ProcessStartedAt { get; init; }

    public required string SyncName { get; init; }
    public required string RepositoryId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Moved on by the holder while it runs; a lock not renewed for the stale timeout is stale.</summary>
    public required DateTimeOffset RenewedAt { get; init; }

    public string Describe() =>
        $"sync '{SyncName}' on {Host} (process {ProcessId}), running since {StartedAt:yyyy-MM-dd HH:mm:ss}Z, last renewed {RenewedAt:yyyy-MM-dd HH:mm:ss}Z";

    /// <summary>This process's identity, for a new lock.</summary>
    public static LockRecord ForThisProcess(string syncName, string repositoryId, DateTimeOffset now)
    {
        using var process = Process.GetCurrentProcess();
        return new LockRecord
        {
            Token = Guid.NewGuid().ToString("N"),
            Host = Environment.MachineName,
            ProcessId = process.Id,
            ProcessStartedAt = StartTimeOf(process),
            SyncName = syncName,
            RepositoryId = repositoryId,
            StartedAt = now,
            RenewedAt = now,
        };
    }

    /// <summary>Stale: not renewed for <paramref name="staleAfter"/>, or held by a process of this host that is gone.</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan staleAfter) =>
        now - RenewedAt > staleAfter
        || (string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && !ProcessIsAlive());

    private bool ProcessIsAlive()
    {
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            if (process.HasExited || IsZombie(ProcessId))
                return false;
            return ProcessStartedAt is not { } started || StartTimeOf(process) is not { } actual || (actual - started).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            return true; // cannot tell: assume the holder lives and let the timeout decide
        }
    }

    private static DateTimeOffset? StartTimeOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>A killed process that nobody has reaped yet still has an entry on Linux; it writes nothing any more.</summary>
    private static bool IsZombie(int processId)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
