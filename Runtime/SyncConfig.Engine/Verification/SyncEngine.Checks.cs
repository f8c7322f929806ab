using System.Text;
using SyncConfig.Engine.Protocol;
using SyncConfig.Engine.Repository;
using SyncConfig.Transports;
using SyncConfig.Engine.Verification;

namespace SyncConfig.Engine;

public sealed partial class SyncEngine
{
    /// <summary>Hold the remote mirror against the committed manifest: missing, extra, wrong size, wrong SHA-256.</summary>
    public async Task<VerifyReport> VerifyAsync(SyncJob job, IRemoteTransport transport, CancellationToken cancellationToken)
    {
        try
        {
            var repository = BackupRepository.Open(job.RepositoryPath);
            var retry = new RemoteRetry(_options, _time, _logger);
            await retry.RunAsync(c => transport.ConnectAsync(c), cancellationToken);
            var remote = new RemoteFolder(transport, job.FolderName, retry);
            var owner = await remote.ReadIdAsync(cancellationToken);
            if (owner != repository.Id)
                return new VerifyReport { Errors = [owner is null ? "Nothing has been synced to this folder yet." : SyncException.RemoteIdMismatchMessage] };
            var names = await remote.ListManifestsAsync(cancellationToken);
            if (names.Count == 0)
                return new VerifyReport { Errors = ["Nothing has been committed to this folder yet."] };
            var manifest = await remote.ReadManifestAsync(names[^1], cancellationToken);
            var pending = await remote.GetFileAsync(remote.JournalPath, cancellationToken) is null
                ? [] : new[] { "An interrupted sync is pending; the next sync settles it before anything else." };

            var onRemote = (await remote.ListMirrorAsync(cancellationToken)).ToDictionary(f => f.Path, f => f.Length, StringComparer.Ordinal);
            var missing = new List<string>();
            var sizes = new List<string>();
            var hashes = new System.Collections.Concurrent.ConcurrentBag<string>();
            var toHash = new List<ManifestEntry>();
            foreach (var entry in manifest.Files)
            {
                if (!onRemote.TryGetValue(entry.Path, out var length))
                    missing.Add(entry.Path);
                else if (length != entry.Length)
                    sizes.Add(entry.Path);
                else
                    toHash.Add(entry);
            }
            await Parallel.ForEachAsync(toHash, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, async (entry, c) =>
            {
                var actual = await retry.RunAsync(async c2 =>
                {
                    await using var stream = await transport.OpenReadAsync(remote.Mirror(entry.Path), c2);
                    return await Uploader.HashAsync(stream, c2);
                }, c);
                if (actual != entry.Sha256)
                    hashes.Add(entry.Path);
            });
            var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            return new VerifyReport
            {
                ManifestGeneration = manifest.Generation,
                FilesChecked = manifest.Files.Count,
                Missing = missing,
                Extra = onRemote.Keys.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal).ToList(),
                SizeMismatches = sizes,
                HashMismatches = hashes.Order(StringComparer.Ordinal).ToList(),
                Errors = pending,
            };
        }
        catch (Exception e) when (e is SyncException or RemoteException or IOException)
        {
            return new VerifyReport { Errors = [Describe(e)] };
        }
    }

    /// <summary>Reach, authenticate, parent path exists, parent path writable, remote ID: each a step of its own.</summary>
    public async Task<ConnectionTestReport> TestConnectionAsync(SyncJob job, IRemoteTransport transport, CancellationToken cancellationToken)
    {
        var steps = new List<ConnectionTestStep>();
        try
        {
            await transport.ConnectAsync(cancellationToken);
            steps.Add(new("Reach the target", true, $"Reached {transport.DisplayName}."));
            steps.Add(new("Authenticate", true, "Signed in."));
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.AuthenticationFailed)
        {
            steps.Add(new("Reach the target", true, $"Reached {transport.DisplayName}."));
            steps.Add(new("Authenticate", false, Describe(e)));
            return new ConnectionTestReport(steps);
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.NotFound)
        {
            steps.Add(new("Reach the target", true, $"Reached {transport.DisplayName}."));
            steps.Add(new("Authenticate", true, "Signed in."));
            steps.Add(new("Parent path exists", false, e.Message));
            return new ConnectionTestReport(steps);
        }
        catch (RemoteException e)
        {
            steps.Add(new("Reach the target", false, Describe(e)));
            return new ConnectionTestReport(steps);
        }

        var probe = ".syncconfig-write-test-" + Guid.NewGuid().ToString("N");
        try
        {
            if (!await transport.FolderExistsAsync("", cancellationToken) && transport.Capabilities.Folders)
            {
                steps.Add(new("Parent path exists", false, $"The target path {transport.DisplayName} does not exist. It must exist before the first sync; the sync's folder is created in it."));
                return new ConnectionTestReport(steps);
            }
            steps.Add(new("Parent path exists", true, $"{transport.DisplayName} exists."));
            await transport.WriteAsync(probe, new MemoryStream(Encoding.UTF8.GetBytes("SyncConfig write test")), WriteMode.Replace, cancellationToken);
            await transport.DeleteFileAsync(probe, cancellationToken);
            steps.Add(new("Parent path is writable", true, "A test file was written and removed."));
        }
        catch (RemoteException e)
        {
            steps.Add(new("Parent path is writable", false, Describe(e)));
            return new ConnectionTestReport(steps);
        }

        try
        {
            var repository = BackupRepository.Open(job.RepositoryPath);
            var remote = new RemoteFolder(transport, job.FolderName, new RemoteRetry(_options, _time, _logger));
            var owner = await remote.ReadIdAsync(cancellationToken);
            steps.Add(owner switch
            {
                null => new("Remote ID", true, $"'{job.FolderName}' is not claimed yet; the first sync claims it for this repository."),
                _ when owner == repository.Id => new("Remote ID", true, "The remote folder belongs to this repository."),
                _ => new("Remote ID", false, SyncException.RemoteIdMismatchMessage),
            });
        }
        catch (Exception e) when (e is SyncException or RemoteException or IOException)
        {
            steps.Add(new("Remote ID", false, Describe(e)));
        }
        return new ConnectionTestReport(steps);
    }
}
