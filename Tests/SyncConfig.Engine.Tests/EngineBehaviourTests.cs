using System.Diagnostics;
using SyncConfig.Engine.Leases;
using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;
using SyncConfig.Transports;
using SyncConfig.Transports.LocalPath;

namespace SyncConfig.Engine.Tests;

[TestClass]
public sealed class EngineBehaviourTests
{
    private static void Seed(RepositoryBuilder repo)
    {
        repo.Write("PC01/1A2B3C/full.mrimg", 50_000, 1);
        repo.Write("PC01/1A2B3C/inc-01.mrimg", 7_000, 2);
        repo.Write("PC02/4D5E6F/full.mrimg", 30_000, 3);
    }

    [TestMethod]
    public async Task FirstSyncMirrorsTheRepositoryAndReportsEveryFile()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        var result = await f.SyncSucceedsAsync();
        await f.AssertRemoteIsRepositoryAsync();
        CollectionAssert.AreEqual(new[] { "PC01/1A2B3C/full.mrimg", "PC01/1A2B3C/inc-01.mrimg", "PC02/4D5E6F/full.mrimg" }, result.FilesUploaded.ToList());
        Assert.AreEqual(87_000, result.BytesUploaded);
        Assert.IsEmpty(result.FilesDeleted);
        Assert.IsTrue(result.EndedAt >= result.StartedAt);
    }

    /// <summary>Holds every upload until two are in flight at once; gives up (and lets them go) after a while.</summary>
    private sealed class TwoUploadsAtOnce(IRemoteTransport inner) : DelegatingTransport(inner)
    {
        private readonly TaskCompletionSource _two = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;

        public bool Met => _two.Task.IsCompletedSuccessfully;

        public override async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
        {
            if (path.Contains("/.syncconfig/staging/", StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref _inFlight) >= 2)
                    _two.TrySetResult();
                await Task.WhenAny(_two.Task, Task.Delay(TimeSpan.FromSeconds(10), ct));
            }
            await base.WriteAsync(path, content, mode, ct);
        }
    }

    [TestMethod]
    public async Task FilesOfDifferentFoldersUploadAtOnce()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/1A2B3C/full.mrimg", 50_000, 1);
        f.Repository.Write("PC02/4D5E6F/full.mrimg", 30_000, 3);
        var target = new TwoUploadsAtOnce(f.Target());
        await f.SyncSucceedsAsync(target);
        Assert.IsTrue(target.Met, "the second folder's file waited for the first folder's upload to end");
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task NoChangeSyncWritesNothingButItsLockAndDoesNotReadTheRemoteManifest()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        await f.SyncSucceedsAsync();
        var counting = new FaultInjectingTransport(f.Target());
        var result = await f.SyncSucceedsAsync(counting);
        Assert.IsEmpty(result.FilesUploaded);
        Assert.AreEqual(0, result.BytesUploaded);
        Assert.HasCount(3, result.FilesUnchanged);
        Assert.IsFalse(counting.Log.Any(l => (l.Contains(": write") || l.Contains(": rename") || l.Contains(": copy")) && !l.EndsWith("/.syncconfig/lock", StringComparison.Ordinal)),
            string.Join("\n", counting.Log));
        Assert.AreEqual(1, counting.Log.Count(l => l.Contains(": list Offsite") && !l.Contains("/.syncconfig")), "one listing of the folder: " + string.Join("\n", counting.Log));
        Assert.IsFalse(counting.Log.Any(l => l.Contains(": read") && l.Contains("/manifests/")), string.Join("\n", counting.Log));
    }

    [TestMethod]
    public async Task LostLocalStateReadsTheRemoteManifestOnceAndUploadsNothing()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        await f.SyncSucceedsAsync();
        File.Delete(Path.Combine(f.Repository.Root, ".syncconfig", "state", "offsite.json"));
        var counting = new FaultInjectingTransport(f.Target());
        var result = await f.SyncSucceedsAsync(counting);
        Assert.IsEmpty(result.FilesUploaded);
        Assert.AreEqual(1, counting.Log.Count(l => l.Contains(": read") && l.Contains("/manifests/")));
    }

    [TestMethod]
    public async Task ChangedAndDeletedFilesFollowTheRepository()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        await f.SyncSucceedsAsync();
        f.Repository.Write("PC01/1A2B3C/full.mrimg", 50_000, 99); // synthetic full: same size, new content
        f.Repository.Delete("PC02/4D5E6F/full.mrimg");
        var result = await f.SyncSucceedsAsync();
        CollectionAssert.AreEqual(new[] { "PC01/1A2B3C/full.mrimg" }, result.FilesUploaded.ToList());
        CollectionAssert.AreEqual(new[] { "PC02/4D5E6F/full.mrimg" }, result.FilesDeleted.ToList());
        await f.AssertRemoteIsRepositoryAsync();
        Assert.IsFalse(Directory.Exists(Path.Combine(f.RemoteFolder, "PC02")), "the emptied computer folder is removed too");
    }

    [TestMethod]
    public async Task DeletedRepositoryIdStopsTheSyncInsteadOfOverwritingTheRemote()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        await f.SyncSucceedsAsync();
        var before = (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList();
        File.Delete(Path.Combine(f.Repository.Root, ".syncconfig", "id"));
        f.Repository.Write("PC01/1A2B3C/inc-02.mrimg", 100, 5);
        var result = await f.SyncAsync();
        Assert.AreEqual(SyncOutcome.Failed, result.Outcome);
        Assert.AreEqual(SyncErrorKind.RemoteIdMismatch, result.ErrorKind);
        CollectionAssert.AreEqual(new[] { "Remote server ID does not match this repository" }, result.Errors.ToList());
        CollectionAssert.AreEqual(before, (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList());
    }

    [TestMethod]
    public async Task VerifyFindsMissingExtraResizedAndAlteredFiles()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        f.Repository.Write("PC02/4D5E6F/inc-01.mrimg", 1_000, 4);
        await f.SyncSucceedsAsync();
        Assert.IsTrue((await f.Engine.VerifyAsync(f.Job, f.Target(), default)).IsIntact);

        var remote = new RepositoryBuilder(f.RemoteFolder);
        remote.Write("PC01/1A2B3C/full.mrimg", 50_000, 77);
        remote.Write("PC01/1A2B3C/inc-01.mrimg", 10, 2);
        remote.Delete("PC02/4D5E6F/full.mrimg");
        remote.Write("PC02/stray.txt", 5, 1);
        var report = await f.Engine.VerifyAsync(f.Job, f.Target(), default);
        Assert.IsFalse(report.IsIntact);
        Assert.AreEqual(4, report.FilesChecked);
        CollectionAssert.AreEqual(new[] { "PC01/1A2B3C/full.mrimg" }, report.HashMismatches.ToList());
        CollectionAssert.AreEqual(new[] { "PC01/1A2B3C/inc-01.mrimg" }, report.SizeMismatches.ToList());
        CollectionAssert.AreEqual(new[] { "PC02/4D5E6F/full.mrimg" }, report.Missing.ToList());
        CollectionAssert.AreEqual(new[] { "PC02/stray.txt" }, report.Extra.ToList());
    }

    [TestMethod]
    public async Task ConnectionTestReportsEachStep()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        var good = await f.Engine.TestConnectionAsync(f.Job, f.Target(), default);
        Assert.IsTrue(good.Passed, string.Join("; ", good.Steps));
        // A Local Path signs in to nothing, so the test does not claim it did.
        CollectionAssert.AreEqual(new[] { "Reach the target", "Parent path exists", "Parent path is writable", "Remote ID" }, good.Steps.Select(s => s.Name).ToList());
        Assert.IsEmpty(Directory.GetFileSystemEntries(f.TargetPath), "the write test cleans up after itself");

        var missing = await f.Engine.TestConnectionAsync(f.Job, new LocalPathTransport(Path.Combine(f.TargetPath, "nope")), default);
        Assert.IsFalse(missing.Passed);
        Assert.AreEqual("Parent path exists", missing.Steps.Single(s => !s.Passed).Name);
        Assert.AreEqual(SyncErrorKind.TargetMissing, missing.Steps.Single(s => !s.Passed).ErrorKind);
        Assert.IsTrue(good.Steps.All(s => s.ErrorKind is null));
        Assert.IsFalse(missing.Steps.Any(s => s.Name == "Authenticate" || s.Message.Contains("Signed in", StringComparison.Ordinal)), string.Join("; ", missing.Steps));

        var signingIn = await f.Engine.TestConnectionAsync(f.Job, new SigningInTransport(f.Target()), default);
        CollectionAssert.AreEqual(new[] { "Reach the target", "Authenticate", "Parent path exists", "Parent path is writable", "Remote ID" }, signingIn.Steps.Select(s => s.Name).ToList());

        using var other = new Fixture();
        Seed(other.Repository);
        await other.Engine.SyncAsync(other.Job with { }, f.Target(), null, default);
        var claimed = await f.Engine.TestConnectionAsync(f.Job, f.Target(), default);
        var idStep = claimed.Steps.Single(s => s.Name == "Remote ID");
        Assert.IsFalse(idStep.Passed);
        Assert.AreEqual("Remote server ID does not match this repository", idStep.Message);
        Assert.AreEqual(SyncErrorKind.RemoteIdMismatch, idStep.ErrorKind);
    }

    [TestMethod]
    public async Task MissingTargetPathFailsWithThePathAndCreatesNothing()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        var gone = Path.Combine(f.TargetPath, "unplugged");
        var result = await f.SyncAsync(new LocalPathTransport(gone));
        Assert.AreEqual(SyncOutcome.Failed, result.Outcome);
        Assert.AreEqual(SyncErrorKind.TargetMissing, result.ErrorKind);
        Assert.Contains(gone, result.Errors.Single());
        Assert.IsFalse(Directory.Exists(gone));
    }

    [TestMethod]
    public async Task ATransportClaimingBothAppendAndAtomicWritesIsRefusedBeforeItWritesAnything()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        var contradictory = new Declaring(f.Target(), f.Target().Capabilities with { AtomicWrites = true });
        var result = await f.SyncAsync(contradictory);
        Assert.AreEqual(SyncOutcome.Failed, result.Outcome);
        Assert.Contains("contradict", result.Errors.Single());
        Assert.IsFalse(Directory.Exists(f.RemoteFolder));
    }

    [TestMethod]
    public async Task CancelledSyncRollsBackToTheLastCommit()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        await f.SyncSucceedsAsync();
        var committed = (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList();
        f.Repository.Write("PC01/1A2B3C/inc-02.mrimg", 9_000, 6);
        f.Repository.Write("PC02/4D5E6F/inc-01.mrimg", 9_000, 7);
        using var cts = new CancellationTokenSource();
        var result = await f.SyncAsync(new CancellingTransport(f.Target(), cts), cts.Token);
        Assert.AreEqual(SyncOutcome.RolledBack, result.Outcome);
        CollectionAssert.AreEqual(committed, (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList());
        CollectionAssert.AreEqual(Array.Empty<string>(), await Disk.LeftoversAsync(f.RemoteFolder, stagingAllowed: true));
        await f.SyncSucceedsAsync();
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task DroppedConnectionsAreRetriedAndUploadsResume()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        var counting = new FaultInjectingTransport(f.Target());
        await f.Engine.SyncAsync(f.Job, counting, null, default);
        var firstUpload = counting.Log.First(l => l.Contains(": write") && l.Contains(".mrimg"));
        var k = int.Parse(firstUpload[..firstUpload.IndexOf(':')]);

        using var g = new Fixture();
        Seed(g.Repository);
        var dropping = new FaultInjectingTransport(g.Target(), k, FaultMode.Exception, transient: true);
        var result = await g.SyncSucceedsAsync(dropping);
        Assert.AreEqual(1, result.Retries);
        Assert.IsTrue(dropping.Log.Any(l => l.Contains("write(Append)") && l.Contains(".mrimg")), "the interrupted upload resumes at the remote length\n" + string.Join("\n", dropping.Log));
        await g.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task ATargetThatStaysAwayFailsAfterTheRetryWindow()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        f.Engine = new SyncEngine(options: new SyncEngineOptions { RetryWindow = TimeSpan.FromMilliseconds(200), RetryDelay = TimeSpan.FromMilliseconds(10) });
        var result = await f.SyncAsync(new UnpluggedTransport(f.Target(), afterOperations: 3));
        Assert.AreEqual(SyncOutcome.Failed, result.Outcome);
        Assert.AreEqual(SyncErrorKind.Unreachable, result.ErrorKind);
        Assert.IsGreaterThan(0, result.Retries);
        Assert.Contains("retry window (0.2 s, the RetryWindow setting)", result.Errors.Single());
    }

    [TestMethod]
    public async Task FullTargetDiskFailsWithADiskFullMessageAndLeavesNothing()
    {
        using var f = new Fixture();
        var small = Path.Combine(f.Temp, "small-disk");
        Directory.CreateDirectory(small);
        if (!await RunAsync("mount", $"-t tmpfs -o size=256k tmpfs {small}"))
            Assert.Inconclusive("mounting a small tmpfs is not allowed here");
        try
        {
            f.Repository.Write("PC01/1A2B3C/full.mrimg", 1_000_000, 1);
            var result = await f.SyncAsync(new LocalPathTransport(small));
            Assert.AreEqual(SyncOutcome.Failed, result.Outcome);
            Assert.AreEqual(SyncErrorKind.DiskFull, result.ErrorKind);
            Assert.Contains("full", result.Errors.Single());
            Assert.IsEmpty(await Disk.FilesAsync(Path.Combine(small, "Offsite")));
            CollectionAssert.AreEqual(Array.Empty<string>(), await Disk.LeftoversAsync(Path.Combine(small, "Offsite")));
        }
        finally
        {
            await RunAsync("umount", small);
        }
    }

    [TestMethod]
    public async Task RunningBackupAbandonsTheSyncAtItsStartDeadlineWithoutTouchingTheTarget()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        await using (await BackupLeases.AcquireAsync(f.Repository.Root, "PC01/1A2B3C", default))
        {
            f.Job = f.Job with { StartDeadline = DateTimeOffset.UtcNow.AddMilliseconds(300) };
            var result = await f.SyncAsync();
            Assert.AreEqual(SyncOutcome.Abandoned, result.Outcome);
            Assert.Contains("abandoned", result.Errors.Single());
            Assert.IsFalse(Directory.Exists(f.RemoteFolder));
        }
        f.Job = f.Job with { StartDeadline = DateTimeOffset.UtcNow.AddSeconds(30) };
        await f.SyncSucceedsAsync();
    }

    [TestMethod]
    public async Task LeaseOfAKilledWriterIsFreed()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        var lockFile = Path.Combine(f.Repository.Root, ".syncconfig", "leases", "folders", "PC01", "1A2B3C.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        using var writer = Process.Start(new ProcessStartInfo("flock", ["--shared", "--close", lockFile, "sleep", "600"]))!;
        try
        {
            while (!File.Exists(lockFile) || IsFree(lockFile))
                await Task.Delay(20);
            f.Job = f.Job with { StartDeadline = DateTimeOffset.UtcNow.AddMilliseconds(300) };
            Assert.AreEqual(SyncOutcome.Abandoned, (await f.SyncAsync()).Outcome, "the live writer's lease holds the sync off");
        }
        finally
        {
            writer.Kill();
            await writer.WaitForExitAsync();
        }
        f.Job = f.Job with { StartDeadline = DateTimeOffset.UtcNow.AddSeconds(30) };
        await f.SyncSucceedsAsync();
    }

    [TestMethod]
    public async Task SymbolicLinksLeavingTheRepositoryAreNotFollowed()
    {
        using var f = new Fixture();
        Seed(f.Repository);
        var outside = Path.Combine(f.Temp, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "not part of the repository");
        File.CreateSymbolicLink(f.Repository.Full("PC01/1A2B3C/escape.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(f.Repository.Full("PC02/escape-dir"), outside);
        File.CreateSymbolicLink(f.Repository.Full("PC02/4D5E6F/alias.mrimg"), f.Repository.Full("PC01/1A2B3C/inc-01.mrimg"));
        Directory.CreateSymbolicLink(f.Repository.Full("PC02/4D5E6F/loop"), f.Repository.Full("PC02"));
        var result = await f.SyncSucceedsAsync();
        CollectionAssert.AreEqual(
            new[] { "PC01/1A2B3C/full.mrimg", "PC01/1A2B3C/inc-01.mrimg", "PC02/4D5E6F/alias.mrimg", "PC02/4D5E6F/full.mrimg" },
            result.FilesUploaded.ToList());
    }

    private static bool IsFree(string lockFile)
    {
        try
        {
            using var s = new FileStream(lockFile, FileMode.Open, FileAccess.Read, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<bool> RunAsync(string command, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Cancels the sync from inside its first file upload.</summary>
    private sealed class CancellingTransport(IRemoteTransport inner, CancellationTokenSource cts) : DelegatingTransport(inner)
    {
        public override async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
        {
            if (path.EndsWith(".mrimg", StringComparison.Ordinal))
            {
                await cts.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }
            await base.WriteAsync(path, content, mode, ct);
        }
    }

    /// <summary>Declares other capabilities than the transport it wraps.</summary>
    private sealed class Declaring(IRemoteTransport inner, TransportCapabilities capabilities) : DelegatingTransport(inner)
    {
        public override TransportCapabilities Capabilities => capabilities;
    }

    /// <summary>Works for a few operations, then is gone for good (the disk was unplugged).</summary>
    private sealed class UnpluggedTransport(IRemoteTransport inner, int afterOperations) : DelegatingTransport(inner)
    {
        private int _count;

        protected override void Before(string operation)
        {
            if (Interlocked.Increment(ref _count) > afterOperations)
                throw new RemoteException(RemoteErrorKind.Unreachable, "The target path is not reachable (disk unplugged or share gone).");
        }
    }

    /// <summary>A target that signs in when it connects, as SFTP, FTP and S3 do.</summary>
    private sealed class SigningInTransport(IRemoteTransport inner) : DelegatingTransport(inner)
    {
        public override TransportCapabilities Capabilities => base.Capabilities with { SignsIn = true };
    }
}
