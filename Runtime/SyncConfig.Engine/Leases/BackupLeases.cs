using SyncConfig.Engine.FileSystem;
using SyncConfig.Engine.Repository;

namespace SyncConfig.Engine.Leases;

/// <summary>The backup side of the coordination: a writer holds a lease on its folder while it writes.</summary>
public static class BackupLeases
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Wait until the folder is open to backups, then hold it until the lease is disposed. The lock is an OS file
    /// lock, so a writer that crashes frees its lease.
    /// </summary>
    /// <param name="folder">The repository folder, <c>computer/backup definition</c>, e.g. <c>PC01/1A2B3C</c>.</param>
    public static Task<BackupLease> AcquireAsync(string repositoryPath, string folder, CancellationToken cancellationToken) =>
        AcquireAsync(repositoryPath, folder, DefaultPollInterval, cancellationToken);

    public static async Task<BackupLease> AcquireAsync(string repositoryPath, string folder, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(repositoryPath);
        var normalized = RepositoryPaths.Validate(folder, "The lease folder");
        while (true)
        {
            // Pass the gate first, holding nothing else while waiting for it, so a starting sync that holds the gate
            // sees every folder lock that exists and no writer can slip in behind it.
            using (var gate = await LockFile.AcquireAsync(LeasePaths.Gate(root), exclusive: false, pollInterval, null, TimeProvider.System, cancellationToken))
            {
                if (LockFile.TryAcquire(LeasePaths.Folder(root, normalized), exclusive: false) is { } held)
                    return new BackupLease(normalized, held);
            }
            await Task.Delay(pollInterval, cancellationToken);
        }
    }
}

/// <summary>A held backup lease; disposing it lets a waiting sync proceed.</summary>
public sealed class BackupLease : IAsyncDisposable, IDisposable
{
    private readonly FileStream _lock;

    internal BackupLease(string folder, FileStream held)
    {
        Folder = folder;
        _lock = held;
    }

    public string Folder { get; }

    /// <summary>
    /// Hands the lease to the child process started next: the OS lock then lives while either process holds it, so
    /// a wrapper killed with SIGKILL does not leave its backup writing without a lease.
    /// </summary>
    public void ShareWithNextChildProcess() => LocalFiles.AllowInheritance(_lock.SafeFileHandle);

    public void Dispose() => _lock.Dispose();

    public ValueTask DisposeAsync() => _lock.DisposeAsync();
}
