using System.Collections.Concurrent;
using System.Text;
using SyncConfig.Engine.Protocol;
using SyncConfig.Engine.Repository;
using SyncConfig.Engine.Results;
using SyncConfig.Transports;
using SyncConfig.Engine.Verification;

namespace SyncConfig.Engine;

public sealed partial class SyncEngine
{
    /// <summary>Hold the remote mirror against the committed manifest: missing, extra, wrong size, wrong SHA-256.</summary>
    public Task<VerifyReport> VerifyAsync(SyncJob job, IRemoteTransport transport, CancellationToken cancellationToken) =>
        VerifyAsync(job, transport, repair: false, progress: null, cancellationToken);

    /// <summary>
    /// Verify; with <paramref name="repair"/>, the check runs inside a sync that holds the folder's lock, and every file
    /// missing, of the wrong size or with the wrong SHA-256 is uploaded again from the repository in that sync's commit
    /// (<see cref="VerifyReport.Repair"/>).
    /// </summary>
    public async Task<VerifyReport> VerifyAsync(SyncJob job, IRemoteTransport transport, bool repair, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        if (repair)
        {
            VerifyReport? found = null;
            var result = await RunAsync(job, transport, progress, reinitialize: false, async (remote, manifest, listing, c) =>
            {
                found = await CheckAsync(remote, manifest, listing, c);
                return found.HashMismatches.ToHashSet(StringComparer.Ordinal);
            }, cancellationToken);
            return (found ?? new VerifyReport()) with { Repair = result };
        }
        try
        {
            var repository = BackupRepository.Open(job.RepositoryPath);
            var retry = new RemoteRetry(_options, _time, _logger);
            await retry.RunAsync(c => transport.ConnectAsync(c), cancellationToken);
            var remote = new RemoteFolder(transport, job.FolderName, retry);
            var owner = await remote.OwnerAsync(cancellationToken);
            if (owner != repository.Id)
                return new VerifyReport { Errors = [owner is null ? "Nothing has been synced to this folder yet." : SyncException.RemoteIdMismatchMessage] };
            var names = await remote.ListManifestsAsync(cancellationToken);
            if (names.Count == 0)
                return new VerifyReport { Errors = ["Nothing has been committed to this folder yet."] };
            var manifest = await remote.ReadNewestManifestAsync(names, cancellationToken);
            var report = await CheckAsync(remote, manifest, await remote.ListFolderAsync(cancellationToken), cancellationToken);
            return await remote.GetFileAsync(remote.JournalPath, cancellationToken) is null
                ? report
                : report with { Errors = ["An interrupted sync is pending; the next sync (or syncconfig recover) settles it before anything else."] };
        }
        catch (Exception e) when (e is SyncException or RemoteException or IOException)
        {
            return new VerifyReport { Errors = [Describe(e)] };
        }
    }

    /// <summary>One listing for presence and size, then a read of every file that is present with the right size.</summary>
    private async Task<VerifyReport> CheckAsync(RemoteFolder remote, Manifest manifest, FolderListing listing, CancellationToken cancellationToken)
    {
        var onRemote = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in listing.Mirror)
            onRemote[remote.Names.Key(file.Path)] = file.Length;
        var missing = new List<string>();
        var sizes = new List<string>();
        var hashes = new ConcurrentBag<string>();
        var toHash = new List<ManifestEntry>();
        foreach (var entry in manifest.Files)
        {
            if (!onRemote.TryGetValue(remote.Names.Key(entry.Path), out var length))
                missing.Add(entry.Path);
            else if (length != entry.Length)
                sizes.Add(entry.Path);
            else
                toHash.Add(entry);
        }
        await Parallel.ForEachAsync(toHash, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, async (entry, c) =>
        {
            var actual = await remote.Retry.RunAsync(async c2 =>
            {
                await using var stream = await remote.Transport.OpenReadAsync(remote.Mirror(entry.Path), c2);
                return await Uploader.HashAsync(stream, c2);
            }, c);
            if (actual != entry.Sha256)
                hashes.Add(entry.Path);
        });
        var listed = manifest.Files.Select(f => remote.Names.Key(f.Path)).ToHashSet(StringComparer.Ordinal);
        return new VerifyReport
        {
            ManifestGeneration = manifest.Generation,
            FilesChecked = manifest.Files.Count,
            Missing = missing,
            Extra = listing.Mirror.Where(f => !listed.Contains(remote.Names.Key(f.Path))).Select(f => f.Path).Order(StringComparer.Ordinal).ToList(),
            SizeMismatches = sizes,
            HashMismatches = hashes.Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Reach, authenticate, parent path exists, parent path writable, remote ID: each a step of its own.</summary>
    public async Task<ConnectionTestReport> TestConnectionAsync(SyncJob job, IRemoteTransport transport, CancellationToken cancellationToken)
    {
        const string Reach = "Reach the target", Authenticate = "Authenticate", ParentExists = "Parent path exists",
            Writable = "Parent path is writable", RemoteId = "Remote ID";
        var steps = new List<ConnectionTestStep>();
        try
        {
            await transport.ConnectAsync(cancellationToken);
            steps.Add(ConnectionTestStep.Pass(Reach, $"Reached {transport.DisplayName}."));
            // Printed pinned or not: an unpinned key is shown so the user can pin it.
            if (transport is IServerIdentity { ServerIdentity: { } identity })
                steps.Add(ConnectionTestStep.Pass("Server identity", identity));
            // A Local Path has nothing to sign in to; the writable step below shows whether this user may write there.
            if (transport.Capabilities.SignsIn)
                steps.Add(ConnectionTestStep.Pass(Authenticate, "Signed in."));
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.AuthenticationFailed)
        {
            steps.Add(ConnectionTestStep.Pass(Reach, $"Reached {transport.DisplayName}."));
            steps.Add(ConnectionTestStep.Fail(Authenticate, Describe(e), SyncErrorKind.AuthenticationFailed));
            return new ConnectionTestReport(steps);
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.NotFound)
        {
            steps.Add(ConnectionTestStep.Pass(Reach, $"Reached {transport.DisplayName}."));
            if (transport.Capabilities.SignsIn)
                steps.Add(ConnectionTestStep.Pass(Authenticate, "Signed in."));
            steps.Add(ConnectionTestStep.Fail(ParentExists, e.Message, SyncErrorKind.TargetMissing));
            return new ConnectionTestReport(steps);
        }
        catch (RemoteException e)
        {
            steps.Add(ConnectionTestStep.Fail(Reach, Describe(e), KindOf(e)));
            return new ConnectionTestReport(steps);
        }

        var probe = ".syncconfig-write-test-" + Guid.NewGuid().ToString("N");
        try
        {
            if (!await transport.FolderExistsAsync("", cancellationToken) && transport.Capabilities.Folders)
            {
                steps.Add(ConnectionTestStep.Fail(ParentExists,
                    $"The target path {transport.DisplayName} does not exist. It must exist before the first sync; the sync's folder is created in it.",
                    SyncErrorKind.TargetMissing));
                return new ConnectionTestReport(steps);
            }
            steps.Add(ConnectionTestStep.Pass(ParentExists, $"{transport.DisplayName} exists."));
            await transport.WriteAsync(probe, new MemoryStream(Encoding.UTF8.GetBytes("SyncConfig write test")), WriteMode.Replace, cancellationToken);
            await transport.DeleteFileAsync(probe, cancellationToken);
            steps.Add(ConnectionTestStep.Pass(Writable, "A test file was written and removed."));
        }
        catch (RemoteException e)
        {
            steps.Add(ConnectionTestStep.Fail(Writable, Describe(e), KindOf(e)));
            return new ConnectionTestReport(steps);
        }

        try
        {
            var repository = BackupRepository.Open(job.RepositoryPath);
            var remote = new RemoteFolder(transport, job.FolderName, new RemoteRetry(_options, _time, _logger));
            var owner = await remote.OwnerAsync(cancellationToken);
            steps.Add(owner switch
            {
                null => ConnectionTestStep.Pass(RemoteId, $"'{job.FolderName}' is not claimed yet; the first sync claims it for this repository (if it holds no files)."),
                _ when owner == repository.Id => ConnectionTestStep.Pass(RemoteId, "The remote folder belongs to this repository."),
                _ => ConnectionTestStep.Fail(RemoteId, SyncException.RemoteIdMismatchMessage, SyncErrorKind.RemoteIdMismatch),
            });
        }
        catch (Exception e) when (e is SyncException or RemoteException or IOException)
        {
            steps.Add(ConnectionTestStep.Fail(RemoteId, Describe(e), KindOf(e)));
        }
        return new ConnectionTestReport(steps);
    }
}
