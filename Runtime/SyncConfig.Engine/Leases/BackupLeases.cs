namespace SyncConfig.Engine.Leases;

/// <summary>The backup side of the coordination: a writer holds a lease on its folder while it writes.</summary>
public static class BackupLeases
{
    /// <summary>
    /// Wait until the folder is open to backups, then hold it until the lease is disposed. The lock is an OS file
    /// lock, so a writer that crashes frees its lease.
    /// </summary>
    /// <param name="folder">The repository folder, <c>computer/backup definition</c>, e.g. <c>PC01/1A2B3C</c>.</param>
    public static Task<BackupLease> AcquireAsync(string repositoryPath, string folder, CancellationToken cancellationToken) =>
        AcquireAsync(repositoryPath, folder, TimeSpan.FromMilliseconds(50), cancellationToken);

    public static Task<BackupLease> AcquireAsync(string repositoryPath, string folder, TimeSpan pollInterval, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}

/// <summary>A held backup lease; disposing it lets a waiting sync proceed.</summary>
public sealed class BackupLease : IAsyncDisposable
{
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
