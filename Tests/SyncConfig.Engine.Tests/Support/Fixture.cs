using SyncConfig.Engine.Repository;
using SyncConfig.Engine.Results;
using SyncConfig.Testing;
using SyncConfig.Transports;
using SyncConfig.Transports.LocalPath;

namespace SyncConfig.Engine.Tests.Support;

/// <summary>A repository, a Local Path target and a job between them.</summary>
public sealed class Fixture : IDisposable
{
    private readonly TestFolder _temp = new("engine");

    public Fixture(string name = "offsite")
    {
        Repository = new RepositoryBuilder(_temp.Sub("repo"));
        TargetPath = _temp.Sub("target");
        Job = new SyncJob(name, Repository.Root, "Offsite");
    }

    public RepositoryBuilder Repository { get; }
    public string TargetPath { get; }
    public string RemoteFolder => Path.Combine(TargetPath, "Offsite");
    public SyncJob Job { get; set; }
    public SyncEngine Engine { get; set; } = new(options: Options);

    /// <summary>Quick retries, and a short wait for another sync's remote lock.</summary>
    public static SyncEngineOptions Options { get; } = new()
    {
        RetryDelay = TimeSpan.FromMilliseconds(5), RemoteLockPollInterval = TimeSpan.FromMilliseconds(20), RemoteLockWait = TimeSpan.FromSeconds(2),
    };
    public string Temp => _temp.Path;

    public LocalPathTransport Target() => new(TargetPath);

    public async Task<SyncResult> SyncAsync(IRemoteTransport? transport = null, CancellationToken ct = default) =>
        await Engine.SyncAsync(Job, transport ?? Target(), null, ct);

    public async Task<SyncResult> SyncSucceedsAsync(IRemoteTransport? transport = null)
    {
        var result = await SyncAsync(transport);
        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        return result;
    }

    public async Task AssertRemoteIsRepositoryAsync()
    {
        var local = (await Disk.FilesAsync(Repository.Root)).Values.ToList();
        CollectionAssert.AreEqual(local, (await Disk.FilesAsync(RemoteFolder)).Values.ToList(), "remote mirror");
        CollectionAssert.AreEqual(local, (await Disk.CommittedAsync(RemoteFolder)).Values.ToList(), "committed manifest");
        CollectionAssert.AreEqual(Array.Empty<string>(), await Disk.LeftoversAsync(RemoteFolder), "leftovers");
    }

    /// <summary>
    /// The same repository on another machine (a copy with the same ID): syncs of it share the remote folder but not
    /// this repository's backup gate, so only the remote folder's lock keeps them apart. Returns the copy's root.
    /// </summary>
    public string CopyOfRepository(string name)
    {
        var root = _temp.Sub(name);
        _ = BackupRepository.Open(Repository.Root); // makes sure the ID exists before it is copied
        foreach (var file in Directory.EnumerateFiles(Repository.Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repository.Root, file);
            if (relative.StartsWith(Path.Combine(".syncconfig", "leases"), StringComparison.Ordinal))
                continue;
            var copy = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
        }
        return root;
    }

    /// <summary>
    /// A sync stopped in this process leaves its lock held by a live process; a killed one leaves it to a dead one.
    /// This makes the lock what a kill leaves: its process ID becomes one that has exited.
    /// </summary>
    public void KillLockHolder()
    {
        var path = Path.Combine(RemoteFolder, ".syncconfig", "lock");
        if (!File.Exists(path))
            return;
        using var exited = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        exited.WaitForExit();
        var record = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        record["processId"] = exited.Id;
        File.WriteAllText(path, record.ToJsonString());
    }

    public void Dispose() => _temp.Dispose();
}
