using System.Diagnostics;
using System.Text.Json;
using SyncConfig.Engine.Protocol;
using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Tests;

/// <summary>One writer per remote folder: a second sync waits or stops naming the holder, never writes beside it.</summary>
[TestClass]
public sealed class RemoteLockTests
{
    /// <summary>Holds the sync's first upload until released, so another sync meets its lock while its journal is out.</summary>
    private sealed class HeldAtFirstUpload(IRemoteTransport inner) : DelegatingTransport(inner)
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>A failed assertion must not leave the held sync waiting (and renewing its lock) forever.</summary>
        public IDisposable ReleaseOnDispose() => new Releaser(Release);

        private sealed class Releaser(TaskCompletionSource release) : IDisposable
        {
            public void Dispose() => release.TrySetResult();
        }

        public override async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
        {
            if (path.Contains("/.syncconfig/staging/", StringComparison.Ordinal))
            {
                Reached.TrySetResult();
                await Release.Task.WaitAsync(ct);
            }
            await base.WriteAsync(path, content, mode, ct);
        }
    }

    /// <summary>The Local Path transport without exclusive create: the lock falls back to restic's listing scheme.</summary>
    private sealed class WithoutExclusiveCreate(IRemoteTransport inner) : DelegatingTransport(inner)
    {
        public override TransportCapabilities Capabilities => base.Capabilities with { ExclusiveCreate = false };
    }

    /// <summary>
    /// A sync waiting for the listing lock writes its lock file through tmp/ while the holder clears tmp/ in recovery:
    /// plants such a file while the holder looks at tmp/, as the race would.
    /// </summary>
    private sealed class WaiterWritesIntoTmp(IRemoteTransport inner) : DelegatingTransport(inner)
    {
        public const string Waiter = "Offsite/.syncconfig/tmp/waiting-sync-lock";
        private readonly IRemoteTransport _inner = inner;
        public int Planted { get; private set; }

        public override async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var file in base.ListFilesAsync(folder, ct))
                yield return file;
            if (folder == "Offsite/.syncconfig/tmp")
                await PlantAsync(ct);
        }

        /// <summary>A recursive delete of tmp/ would take a file written while it runs.</summary>
        public override async Task DeleteFolderAsync(string path, CancellationToken ct)
        {
            if (path == "Offsite/.syncconfig/tmp")
                await PlantAsync(ct);
            await base.DeleteFolderAsync(path, ct);
        }

        private async Task PlantAsync(CancellationToken ct)
        {
            Planted++;
            await _inner.WriteAsync(Waiter, new MemoryStream([1, 2, 3]), WriteMode.Replace, ct);
        }
    }

    /// <summary>
    /// The listing scheme, where moving a lock file from tmp/ into locks/ goes wrong: the holder's recovery deletes the
    /// temporary file under the first rename (<paramref name="vanishOnce"/>), or the server refuses every such rename
    /// with an answer the transport reads as "not found" (vsftpd's "550 Rename failed." when locks/ belongs to another
    /// host's account).
    /// </summary>
    private sealed class LockRenameFails(IRemoteTransport inner, bool vanishOnce) : DelegatingTransport(inner)
    {
        private readonly IRemoteTransport _inner = inner;
        public int Refused { get; private set; }

        public override TransportCapabilities Capabilities => base.Capabilities with { ExclusiveCreate = false };

        public override async Task RenameAsync(string source, string destination, bool replace, CancellationToken ct)
        {
            if (destination.Contains("/.syncconfig/locks/", StringComparison.Ordinal) && (!vanishOnce || Refused == 0))
            {
                Refused++;
                if (!vanishOnce)
                    throw new RemoteException(RemoteErrorKind.NotFound, $"refused RNTO {destination}: 550 Rename failed.");
                await _inner.DeleteFileAsync(source, ct);
            }
            await base.RenameAsync(source, destination, replace, ct);
        }
    }

    /// <summary>
    /// The listing scheme, where the holder renews its lock file (writes <c>-1.json</c>, deletes <c>-0.json</c>) between a
    /// waiting sync's listing of locks/ and its reading of the file that listing showed.
    /// </summary>
    private sealed class HolderRenewsAfterTheListing(IRemoteTransport inner, string holderFile) : DelegatingTransport(inner)
    {
        private readonly IRemoteTransport _inner = inner;
        public bool Renewed { get; private set; }

        public override TransportCapabilities Capabilities => base.Capabilities with { ExclusiveCreate = false };

        public override async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            var listed = new List<RemoteFileInfo>();
            await foreach (var file in base.ListFilesAsync(folder, ct))
                listed.Add(file);
            if (!Renewed && listed.Any(f => f.Path == holderFile))
            {
                Renewed = true;
                await using (var content = await _inner.OpenReadAsync(holderFile, ct))
                    await _inner.WriteAsync(holderFile.Replace("-0.json", "-1.json", StringComparison.Ordinal), content, WriteMode.Replace, ct);
                await _inner.DeleteFileAsync(holderFile, ct);
            }
            foreach (var file in listed)
                yield return file;
        }
    }

    /// <summary>
    /// The listing scheme, where the renewal before the commit has written its next lock file and is deleting the one
    /// before when the sync is cancelled: the delete never completes.
    /// </summary>
    private sealed class CancelledWhileRenewing(IRemoteTransport inner) : DelegatingTransport(inner)
    {
        public TaskCompletionSource Deleting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override TransportCapabilities Capabilities => base.Capabilities with { ExclusiveCreate = false };

        public override async Task DeleteFileAsync(string path, CancellationToken ct)
        {
            if (path.Contains("/.syncconfig/locks/", StringComparison.Ordinal) && path.EndsWith("-0.json", StringComparison.Ordinal) && Deleting.TrySetResult())
                await Task.Delay(Timeout.Infinite, ct);
            await base.DeleteFileAsync(path, ct);
        }
    }

    /// <summary>
    /// The listing scheme, where a waiting sync is cancelled while it reads the holder's lock file: its own lock file is
    /// written by then.
    /// </summary>
    private sealed class CancelledWhileReadingTheHolder(IRemoteTransport inner, string holderFile) : DelegatingTransport(inner)
    {
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override TransportCapabilities Capabilities => base.Capabilities with { ExclusiveCreate = false };

        public override async Task<Stream> OpenReadAsync(string path, CancellationToken ct)
        {
            if (path == holderFile)
            {
                Reading.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
            return await base.OpenReadAsync(path, ct);
        }
    }

    /// <summary>
    /// Exclusive create, after the sync deleted a stale lock: the reply to its create is lost, and another sync that took
    /// over the same stale lock deletes the new one and creates its own right after this sync read its own back.
    /// </summary>
    private sealed class TakeoverRacedAfterALostReply(IRemoteTransport inner, string lockPath, byte[] racer) : DelegatingTransport(inner)
    {
        private readonly IRemoteTransport _inner = inner;
        private bool _created;
        public bool Raced { get; private set; }

        public override async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
        {
            await base.WriteAsync(path, content, mode, ct);
            if (path == lockPath && mode == WriteMode.CreateNew && !_created)
            {
                _created = true;
                throw new RemoteException(RemoteErrorKind.ConnectionDropped, "the reply to the create was lost");
            }
        }

        public override async Task<Stream> OpenReadAsync(string path, CancellationToken ct)
        {
            var stream = await base.OpenReadAsync(path, ct);
            if (path != lockPath || !_created || Raced)
                return stream;
            var read = new MemoryStream();
            await using (stream)
                await stream.CopyToAsync(read, ct);
            read.Position = 0;
            Raced = true;
            await _inner.DeleteFileAsync(lockPath, ct);
            await _inner.WriteAsync(lockPath, new MemoryStream(racer), WriteMode.CreateNew, ct);
            return read;
        }
    }

    public static IEnumerable<object[]> Schemes => [["exclusive create"], ["listing"]];

    private static IRemoteTransport Open(Fixture f, string scheme) =>
        scheme == "listing" ? new WithoutExclusiveCreate(f.Target()) : f.Target();

    private static SyncEngine Engine(TimeSpan wait, TimeSpan? staleAfter = null) => new(options: new SyncEngineOptions
    {
        RetryDelay = TimeSpan.FromMilliseconds(5),
        RemoteLockPollInterval = TimeSpan.FromMilliseconds(20),
        RemoteLockWait = wait,
        RemoteLockStaleAfter = staleAfter ?? TimeSpan.FromMinutes(30),
    });

    [TestMethod]
    [DynamicData(nameof(Schemes))]
    public async Task ASecondSyncStopsNamingTheHolderAndLeavesItsJournalAlone(string scheme)
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 20_000, 1);
        await f.SyncSucceedsAsync(Open(f, scheme));
        var committed = (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList();
        f.Repository.Write("PC01/AAAA/inc-01.mrimg", 5_000, 2);

        var held = new HeldAtFirstUpload(Open(f, scheme));
        using var release = held.ReleaseOnDispose();
        var first = f.Engine.SyncAsync(f.Job with { Name = "nightly" }, held, null, default);
        await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var elsewhere = f.CopyOfRepository("elsewhere");
        var second = await Engine(wait: TimeSpan.FromMilliseconds(100)).SyncAsync(f.Job with { Name = "run-now", RepositoryPath = elsewhere }, Open(f, scheme), null, default);
        Assert.AreEqual(SyncOutcome.Failed, second.Outcome);
        Assert.AreEqual(SyncErrorKind.RemoteLocked, second.ErrorKind);
        StringAssert.Contains(second.Errors.Single(), "sync 'nightly' on " + Environment.MachineName);
        Assert.IsTrue(File.Exists(Path.Combine(f.RemoteFolder, ".syncconfig", "journal.json")), "the running sync's journal was not rolled back");
        CollectionAssert.AreEqual(committed, (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList(), "the mirror is still the last commit");

        held.Release.TrySetResult();
        Assert.AreEqual(SyncOutcome.Succeeded, (await first).Outcome);
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    [DataRow("exclusive create", true)]
    [DataRow("exclusive create", false)]
    [DataRow("listing", true)]
    [DataRow("listing", false)]
    public async Task ASecondSyncWaitsForTheFirstThenFindsNothingToDo(string scheme, bool nightlyFirst)
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 20_000, 1);
        f.Repository.Write("PC02/BBBB/full.mrimg", 30_000, 2);
        var (firstName, secondName) = nightlyFirst ? ("nightly", "run-now") : ("run-now", "nightly");
        var elsewhere = f.CopyOfRepository("elsewhere");

        var held = new HeldAtFirstUpload(Open(f, scheme));
        using var release = held.ReleaseOnDispose();
        var first = f.Engine.SyncAsync(f.Job with { Name = firstName }, held, null, default);
        await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var waiting = new LockProgress();
        var second = Engine(wait: TimeSpan.FromSeconds(30)).SyncAsync(f.Job with { Name = secondName, RepositoryPath = elsewhere }, Open(f, scheme), waiting, default);
        await waiting.Locking.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        Assert.IsFalse(second.IsCompleted, "the second sync went on while the first held the lock");

        held.Release.TrySetResult();
        var one = await first;
        var two = await second;
        Assert.AreEqual(SyncOutcome.Succeeded, one.Outcome, string.Join("; ", one.Errors));
        Assert.AreEqual(SyncOutcome.Succeeded, two.Outcome, string.Join("; ", two.Errors));
        Assert.HasCount(2, one.FilesUploaded);
        Assert.IsEmpty(two.FilesUploaded, "the second sync planned from the first one's commit");
        await f.AssertRemoteIsRepositoryAsync();
    }

    private sealed class LockProgress : IProgress<SyncProgress>
    {
        public TaskCompletionSource Locking { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Report(SyncProgress value)
        {
            if (value.Phase.StartsWith("Locking", StringComparison.Ordinal))
                Locking.TrySetResult();
        }
    }

    [TestMethod]
    [DynamicData(nameof(Schemes))]
    public async Task SyncsStartedAtOnceCommitOneAfterAnother(string scheme)
    {
        using var f = new Fixture();
        for (var i = 0; i < 6; i++)
            f.Repository.Write($"PC0{i}/AAAA/full.mrimg", 40_000 + i, i);
        // Six racers of the listing scheme back off from each other at random; on a loaded machine that takes a while.
        var engine = Engine(wait: TimeSpan.FromMinutes(5));
        var copies = Enumerable.Range(0, 6).Select(i => f.CopyOfRepository("machine-" + i)).ToList();
        var results = await Task.WhenAll(copies.Select((copy, i) =>
            Task.Run(() => engine.SyncAsync(f.Job with { Name = "sync-" + i, RepositoryPath = copy }, Open(f, scheme), null, default))));
        foreach (var result in results)
            Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        Assert.AreEqual(1, results.Count(r => r.FilesUploaded.Count > 0), "exactly one sync uploaded; the others found its commit");
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task RecoveryLeavesALockFileThatAWaitingSyncWritesIntoTmpAlone()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 20_000, 1);
        var target = new WaiterWritesIntoTmp(f.Target());
        var result = await Engine(wait: TimeSpan.Zero).SyncAsync(f.Job, target, null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        Assert.IsGreaterThan(0, target.Planted, "the sync never cleared tmp/");
        var waiter = Path.Combine(f.TargetPath, WaiterWritesIntoTmp.Waiter);
        Assert.IsTrue(File.Exists(waiter), "the waiting sync's file went");
        File.Delete(waiter); // the waiting sync's business
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task AWaitingSyncWhoseLockFileWasDeletedFromTmpWritesItAgain()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 20_000, 1);
        var target = new LockRenameFails(f.Target(), vanishOnce: true);
        var result = await Engine(wait: TimeSpan.FromSeconds(5)).SyncAsync(f.Job, target, null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        Assert.AreEqual(1, target.Refused, "the temporary lock file was never taken from under the rename");
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task ALockFileTheServerWillNotMoveIntoLocksStopsTheSyncNamingTheRefusal()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 20_000, 1);
        var target = new LockRenameFails(f.Target(), vanishOnce: false);
        using var stuck = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await Engine(wait: TimeSpan.FromSeconds(1)).SyncAsync(f.Job, target, null, stuck.Token);
        Assert.IsFalse(stuck.IsCancellationRequested, $"the sync went on writing lock files into tmp/ ({target.Refused} refused renames)");
        Assert.AreEqual(SyncOutcome.Failed, result.Outcome);
        StringAssert.Contains(result.Errors.Single(), "550 Rename failed.");
        Assert.IsLessThan(3, target.Refused, "a refusal that is not a lost file is not tried again and again");
        Assert.IsFalse(Directory.Exists(Path.Combine(f.RemoteFolder, "PC01")), "nothing was written without the lock");
    }

    [TestMethod]
    public async Task TheLockOfAProcessOfThisHostThatIsGoneIsTakenOverAtOnce()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        WriteLock(f, Environment.MachineName, gone.Id, renewed: DateTimeOffset.UtcNow);

        var result = await Engine(wait: TimeSpan.Zero).SyncAsync(f.Job, f.Target(), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task ALockOfAnotherHostIsHonouredUntilItGoesStale()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        WriteLock(f, "backup-02", 4242, renewed: DateTimeOffset.UtcNow);
        var busy = await Engine(wait: TimeSpan.Zero, staleAfter: TimeSpan.FromMinutes(30)).SyncAsync(f.Job, f.Target(), null, default);
        Assert.AreEqual(SyncErrorKind.RemoteLocked, busy.ErrorKind);
        StringAssert.Contains(busy.Errors.Single(), "on backup-02 (process 4242)");
        Assert.IsFalse(Directory.Exists(Path.Combine(f.RemoteFolder, "PC01")), "nothing was written beside the holder");

        WriteLock(f, "backup-02", 4242, renewed: DateTimeOffset.UtcNow - TimeSpan.FromHours(1));
        var taken = await Engine(wait: TimeSpan.Zero, staleAfter: TimeSpan.FromMinutes(30)).SyncAsync(f.Job, f.Target(), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, taken.Outcome, string.Join("; ", taken.Errors));
        await f.AssertRemoteIsRepositoryAsync();
    }

    /// <summary>A live lock file of backup-02's sync in locks/ (the listing scheme); its path under the target.</summary>
    private static string WriteListingLockOfAnotherHost(Fixture f)
    {
        var token = Guid.NewGuid().ToString("N");
        var holder = $"Offsite/.syncconfig/locks/{token}-0.json";
        var path = Path.Combine(f.TargetPath, holder);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            format = 1, token, host = "backup-02", processId = 4242, syncName = "elsewhere", repositoryId = Guid.NewGuid().ToString(),
            startedAt = DateTimeOffset.UtcNow, renewedAt = DateTimeOffset.UtcNow,
        }));
        return holder;
    }

    [TestMethod]
    public async Task ALockFileRenewedBetweenTheListingAndItsReadingIsStillHonoured()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        var holder = WriteListingLockOfAnotherHost(f);

        var target = new HolderRenewsAfterTheListing(f.Target(), holder);
        var result = await Engine(wait: TimeSpan.Zero).SyncAsync(f.Job, target, null, default);
        Assert.IsTrue(target.Renewed, "the holder never renewed under the waiting sync");
        Assert.AreEqual(SyncErrorKind.RemoteLocked, result.ErrorKind, "the sync took a lock that backup-02 holds: " + string.Join("; ", result.Errors));
        StringAssert.Contains(result.Errors.Single(), "on backup-02 (process 4242)");
        Assert.IsFalse(Directory.Exists(Path.Combine(f.RemoteFolder, "PC01")), "nothing was written beside the holder");
    }

    [TestMethod]
    public async Task ASyncCancelledWhileRenewingItsLockFileLeavesNoLockFileBehind()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        var target = new CancelledWhileRenewing(f.Target());
        using var cancel = new CancellationTokenSource();
        var sync = Engine(wait: TimeSpan.Zero).SyncAsync(f.Job, target, null, cancel.Token);
        await target.Deleting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();
        var stopped = await sync;
        Assert.AreEqual(SyncOutcome.RolledBack, stopped.Outcome, string.Join("; ", stopped.Errors));

        var locks = Path.Combine(f.RemoteFolder, ".syncconfig", "locks");
        CollectionAssert.AreEqual(Array.Empty<string>(), Directory.GetFiles(locks).Select(Path.GetFileName).ToList(), "a lock file of the ended sync is left");
        var next = await Engine(wait: TimeSpan.Zero).SyncAsync(f.Job, new WithoutExclusiveCreate(f.Target()), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, next.Outcome, string.Join("; ", next.Errors));
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task ASyncCancelledWhileWaitingForTheListingLockLeavesNoLockFileBehind()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        var holder = WriteListingLockOfAnotherHost(f);
        var path = Path.Combine(f.TargetPath, holder);

        var target = new CancelledWhileReadingTheHolder(f.Target(), holder);
        using var cancel = new CancellationTokenSource();
        var waiting = Engine(wait: TimeSpan.FromMinutes(5)).SyncAsync(f.Job, target, null, cancel.Token);
        await target.Reading.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();
        var stopped = await waiting;
        Assert.AreNotEqual(SyncOutcome.Succeeded, stopped.Outcome);

        CollectionAssert.AreEqual(new[] { Path.GetFileName(path) }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).ToList(),
            "the cancelled sync's own lock file is left beside the holder's");
    }

    [TestMethod]
    public async Task ATakeoverWhoseCreateLostItsReplyStillChecksTheLockAfterSettling()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        WriteLock(f, "backup-03", 4343, renewed: DateTimeOffset.UtcNow - TimeSpan.FromHours(1));
        var racer = JsonSerializer.SerializeToUtf8Bytes(new
        {
            format = 1, token = Guid.NewGuid().ToString("N"), host = "backup-02", processId = 4242, syncName = "elsewhere",
            repositoryId = Guid.NewGuid().ToString(), startedAt = DateTimeOffset.UtcNow, renewedAt = DateTimeOffset.UtcNow,
        });

        var target = new TakeoverRacedAfterALostReply(f.Target(), "Offsite/.syncconfig/lock", racer);
        var result = await Engine(wait: TimeSpan.Zero).SyncAsync(f.Job, target, null, default);
        Assert.IsTrue(target.Raced, "the other taker never raced this one");
        Assert.AreEqual(SyncErrorKind.RemoteLocked, result.ErrorKind, string.Join("; ", result.Errors));
        StringAssert.Contains(result.Errors.Single(), "locked by sync 'elsewhere' on backup-02", "the sync went on as the holder beside the other taker");
        Assert.IsFalse(Directory.Exists(Path.Combine(f.RemoteFolder, ".syncconfig", "staging")), "nothing was uploaded beside the other taker");
        Assert.IsFalse(File.Exists(Path.Combine(f.RemoteFolder, ".syncconfig", "journal.json")), "no journal was written beside the other taker");
    }

    [TestMethod]
    public async Task ASyncWhoseLockWasTakenOverDoesNotCommit()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        var held = new HeldAtFirstUpload(f.Target());
        using var release = held.ReleaseOnDispose();
        // The first sync never renews in time: to the second one its lock looks stale after 50 ms.
        var first = f.Engine.SyncAsync(f.Job with { Name = "suspended" }, held, null, default);
        await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(100);
        var second = await Engine(wait: TimeSpan.Zero, staleAfter: TimeSpan.FromMilliseconds(50))
            .SyncAsync(f.Job with { Name = "taker", RepositoryPath = f.CopyOfRepository("elsewhere") }, f.Target(), null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, second.Outcome, string.Join("; ", second.Errors));

        held.Release.TrySetResult();
        var late = await first;
        Assert.AreEqual(SyncOutcome.Failed, late.Outcome);
        Assert.AreEqual(SyncErrorKind.RemoteLocked, late.ErrorKind, string.Join("; ", late.Errors));
        var mirror = (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList();
        CollectionAssert.AreEqual((await Disk.FilesAsync(f.Repository.Root)).Values.ToList(), mirror);
        CollectionAssert.AreEqual(mirror, (await Disk.CommittedAsync(f.RemoteFolder)).Values.ToList());
        Assert.HasCount(1, Directory.GetFiles(Path.Combine(f.RemoteFolder, ".syncconfig", "manifests")), "only the taker committed");
    }

    private static void WriteLock(Fixture f, string host, int processId, DateTimeOffset renewed)
    {
        var path = Path.Combine(f.RemoteFolder, ".syncconfig", "lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            format = 1, token = Guid.NewGuid().ToString("N"), host, processId, syncName = "elsewhere", repositoryId = Guid.NewGuid().ToString(),
            startedAt = renewed, renewedAt = renewed,
        }));
    }
}
