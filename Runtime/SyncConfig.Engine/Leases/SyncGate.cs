using SyncConfig.Engine.Repository;

namespace SyncConfig.Engine.Leases;

/// <summary>
/// The sync side of the coordination: closes the repository to new backups, waits for running ones, and reopens
/// folders again, all at once or computer by computer.
/// </summary>
public sealed class SyncGate : IAsyncDisposable
{
    private readonly string _root;
    private FileStream? _gate;
    private readonly Dictionary<string, FileStream> _closedFolders;

    private SyncGate(string root, FileStream gate, Dictionary<string, FileStream> closedFolders)
    {
        _root = root;
        _gate = gate;
        _closedFolders = closedFolders;
    }

    /// <summary>
    /// Close the gate, then wait for every folder's running leases to end. Null when that did not happen before
    /// <paramref name="deadline"/>: nothing stays closed then.
    /// </summary>
    public static async Task<SyncGate?> CloseAsync(
        string repositoryRoot, TimeSpan pollInterval, DateTimeOffset? deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        var gate = await LockFile.AcquireAsync(LeasePaths.Gate(repositoryRoot), exclusive: true, pollInterval, deadline, time, cancellationToken);
        if (gate is null)
            return null;
        var closed = new Dictionary<string, FileStream>(StringComparer.Ordinal);
        try
        {
            foreach (var folder in KnownFolders(repositoryRoot))
            {
                var held = await LockFile.AcquireAsync(LeasePaths.Folder(repositoryRoot, folder), exclusive: true, pollInterval, deadline, time, cancellationToken);
                if (held is null)
                {
                    Release(gate, closed);
                    return null;
                }
                closed[folder] = held;
            }
        }
        catch
        {
            Release(gate, closed);
            throw;
        }
        return new SyncGate(repositoryRoot, gate, closed);
    }

    /// <summary>Let writers of folders that this sync did not close (new computers) start; closed folders stay closed.</summary>
    public void OpenGate()
    {
        _gate?.Dispose();
        _gate = null;
    }

    /// <summary>Reopen one computer's folders to backups.</summary>
    public void Reopen(string computer)
    {
        foreach (var folder in _closedFolders.Keys.Where(f => RepositoryPaths.ComputerOf(f) == computer).ToList())
        {
            _closedFolders[folder].Dispose();
            _closedFolders.Remove(folder);
        }
    }

    /// <summary>Reopen every computer except those still waiting for their data to go up.</summary>
    public void ReopenAllExcept(IEnumerable<string> computers)
    {
        var keep = computers.ToHashSet(StringComparer.Ordinal);
        foreach (var computer in _closedFolders.Keys.Select(RepositoryPaths.ComputerOf).Distinct().Where(c => !keep.Contains(c)).ToList())
            Reopen(computer);
    }

    public ValueTask DisposeAsync()
    {
        Release(_gate, _closedFolders);
        _gate = null;
        _closedFolders.Clear();
        return ValueTask.CompletedTask;
    }

    private static void Release(FileStream? gate, Dictionary<string, FileStream> closed)
    {
        foreach (var held in closed.Values)
            held.Dispose();
        gate?.Dispose();
    }

    /// <summary>Every repository folder on disk plus every folder a writer has ever taken a lease on.</summary>
    private static SortedSet<string> KnownFolders(string repositoryRoot)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var computer in new DirectoryInfo(repositoryRoot).EnumerateDirectories())
        {
            if (computer.Name == RepositoryPaths.MetadataFolder)
                continue;
            folders.Add(computer.Name);
            foreach (var definition in computer.EnumerateDirectories())
                folders.Add(computer.Name + "/" + definition.Name);
        }
        var locks = LeasePaths.FoldersRoot(repositoryRoot);
        if (Directory.Exists(locks))
        {
            foreach (var file in Directory.EnumerateFiles(locks, "*.lock", SearchOption.AllDirectories))
                folders.Add(Path.GetRelativePath(locks, file)[..^".lock".Length].Replace(Path.DirectorySeparatorChar, '/'));
        }
        return folders;
    }
}
