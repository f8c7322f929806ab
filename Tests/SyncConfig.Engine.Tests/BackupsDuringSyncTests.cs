using System.Collections.Concurrent;
using System.Security.Cryptography;
using Bogus;
using SyncConfig.Engine.Leases;
using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;

namespace SyncConfig.Engine.Tests;

/// <summary>
/// Simulated backup writers (Bogus computer names, random sizes) add and retire files under leases while syncs run.
/// The committed remote must be the snapshot at the sync's start; with backups allowed during the sync, computers
/// reopen smallest upload first, and each one really accepts leases again before the sync ends.
/// </summary>
[TestClass]
public sealed class BackupsDuringSyncTests
{
    private sealed record FileEvent(string Path, long Created, long Deleted, FileState State);

    [TestMethod]
    [DataRow(false, 11)]
    [DataRow(true, 11)]
    [DataRow(true, 23)]
    public async Task CommittedRemoteIsTheSnapshotTakenAtTheStart(bool allowBackups, int seed)
    {
        using var f = new Fixture();
        var faker = new Faker { Random = new Randomizer(seed) };
        var folders = Enumerable.Range(0, 4)
            .Select(i => $"{faker.Internet.DomainWord().ToUpperInvariant()}-{i}/{faker.Random.Hexadecimal(6, "")}")
            .ToList();
        long clock = 0;
        var files = new ConcurrentDictionary<string, FileEvent>(StringComparer.Ordinal);
        var leasesDuringSync = 0;
        long snapshotAt = long.MaxValue, finishedAt = long.MaxValue;

        FileEvent Create(string path, int length, Faker random)
        {
            var content = random.Random.Bytes(length);
            f.Repository.Write(path, content);
            var state = new FileState(path, length, Convert.ToHexStringLower(SHA256.HashData(content)));
            return new FileEvent(path, Interlocked.Increment(ref clock), long.MaxValue, state);
        }

        // Computers of clearly different sizes, so smallest-first has one right answer.
        for (var i = 0; i < folders.Count; i++)
            for (var n = 0; n < 3; n++)
            {
                var path = $"{folders[i]}/img-{n}.mrimg";
                files[path] = Create(path, (i + 1) * 40_000 + faker.Random.Int(0, 5_000), faker);
            }

        using var stop = new CancellationTokenSource();
        var writers = folders.Select((folder, w) => Task.Run(async () =>
        {
            var random = new Faker { Random = new Randomizer(seed * 100 + w) };
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    await using var lease = await BackupLeases.AcquireAsync(f.Repository.Root, folder, TimeSpan.FromMilliseconds(5), stop.Token);
                    var acquired = Interlocked.Increment(ref clock);
                    if (acquired > Volatile.Read(ref snapshotAt) && acquired < Volatile.Read(ref finishedAt))
                        Interlocked.Increment(ref leasesDuringSync);
                    var path = $"{folder}/{random.System.FileName("mrimg")}-{n}";
                    files[path] = Create(path, random.Random.Int(0, 30_000), random);
                    var retired = files.Values.Where(e => e.Path.StartsWith(folder + "/", StringComparison.Ordinal) && e.Deleted == long.MaxValue).ToList();
                    if (retired.Count > 4 && random.Random.Bool(0.5f))
                    {
                        var victim = random.PickRandom(retired);
                        f.Repository.Delete(victim.Path);
                        files[victim.Path] = victim with { Deleted = Interlocked.Increment(ref clock) };
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                await Task.Delay(random.Random.Int(1, 10));
            }
        })).ToList();

        await Task.Delay(50); // let the writers get going, so the sync has to wait for running leases
        var reopened = new List<string>();
        var progress = new Probe(report =>
        {
            if (report.Phase == "Snapshot")
                Volatile.Write(ref snapshotAt, Interlocked.Increment(ref clock));
            if (report.Phase == "Finished")
                Volatile.Write(ref finishedAt, Interlocked.Increment(ref clock)); // still inside the sync: nothing reopened yet
            if (report.Phase == "Reopened")
            {
                reopened.Add(report.CurrentFile!);
                // The reopened computer must really take a lease now, while the sync is still running.
                var folder = folders.Single(x => x.StartsWith(report.CurrentFile + "/", StringComparison.Ordinal));
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                BackupLeases.AcquireAsync(f.Repository.Root, folder, TimeSpan.FromMilliseconds(5), timeout.Token).GetAwaiter().GetResult().Dispose();
            }
            if (report.Phase == "Committed" && !allowBackups)
            {
                // Closed until the commit: a writer that tries now must still be waiting.
                using var shortly = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
                Assert.ThrowsExactly<TaskCanceledException>(() =>
                    BackupLeases.AcquireAsync(f.Repository.Root, folders[0], TimeSpan.FromMilliseconds(5), shortly.Token).GetAwaiter().GetResult());
            }
        });
        f.Job = f.Job with { AllowBackupsDuringSync = allowBackups };
        // One upload at a time, so computers finish in the order they are uploaded in: with several in flight, a larger
        // computer's files can all finish before a smaller one's last file on a loaded machine.
        f.Engine = new SyncEngine(options: new SyncEngineOptions
        {
            RetryDelay = Fixture.Options.RetryDelay, RemoteLockPollInterval = Fixture.Options.RemoteLockPollInterval, Parallelism = 1,
        });
        var result = await f.Engine.SyncAsync(f.Job, f.Target(), progress, default);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        var expected = files.Values.Where(e => e.Created < snapshotAt && e.Deleted > snapshotAt).Select(e => e.State).OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected, (await Disk.CommittedAsync(f.RemoteFolder)).Values.ToList(), "the commit is the snapshot at the start");
        CollectionAssert.AreEqual(expected, (await Disk.FilesAsync(f.RemoteFolder)).Values.ToList(), "the mirror is the snapshot at the start");
        Assert.IsFalse(files.Values.Any(e => e.Created > snapshotAt && e.Created < finishedAt && !allowBackups), "no backup wrote while the sync held the repository");

        if (allowBackups)
        {
            var bytes = expected.GroupBy(s => s.Path[..s.Path.IndexOf('/')]).ToDictionary(g => g.Key, g => g.Sum(s => s.Length));
            CollectionAssert.AreEqual(bytes.OrderBy(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).Select(b => b.Key).ToList(), reopened, "smallest upload first");
        }
        else
        {
            Assert.IsEmpty(reopened);
            Assert.AreEqual(0, leasesDuringSync, "backups stayed out until the sync finished");
        }
    }

    [TestMethod]
    public async Task RunNowKeepsBackupsOutEvenWhenTheyAreAllowedDuringSyncs()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 10_000, 1);
        f.Repository.Write("PC02/BBBB/full.mrimg", 20_000, 2);
        var phases = new List<string>();
        f.Job = f.Job with { AllowBackupsDuringSync = true, RunNow = true };
        var result = await f.Engine.SyncAsync(f.Job, f.Target(), new Probe(p =>
        {
            phases.Add(p.Phase);
            if (p.Phase == "Committed")
            {
                using var shortly = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
                Assert.ThrowsExactly<TaskCanceledException>(() =>
                    BackupLeases.AcquireAsync(f.Repository.Root, "PC01/AAAA", TimeSpan.FromMilliseconds(5), shortly.Token).GetAwaiter().GetResult());
            }
        }), default);
        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome);
        Assert.Contains("Committed", phases);
        Assert.DoesNotContain("Reopened", phases);
        await using var after = await BackupLeases.AcquireAsync(f.Repository.Root, "PC01/AAAA", default);
    }

    /// <summary>Sees each report as it happens, on the engine's own thread (Progress&lt;T&gt; would post it later).</summary>
    private sealed class Probe(Action<Results.SyncProgress> onReport) : IProgress<Results.SyncProgress>
    {
        private readonly Lock _gate = new();

        public void Report(Results.SyncProgress value)
        {
            lock (_gate)
                onReport(value);
        }
    }
}
