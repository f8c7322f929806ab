using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Testing;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests.Suite;

/// <summary>
/// Fails every sync at every one of its target operations, in every scenario, and checks the invariants after each
/// fault: (a) recovery alone restores exactly the last committed snapshot, (b) the next healthy sync converges to
/// exactly the new snapshot, (c) nothing is left behind. The target is set up, faulted and observed only through
/// its transport, so the matrix runs unchanged on any target.
/// </summary>
public abstract partial class TargetSuite
{
    private const string Folder = "Offsite";
    // A killed sync leaves its lock behind; in this one process it would look alive, so every lock counts as stale at once.
    private static readonly SyncEngineOptions Sequential = new()
    {
        Parallelism = 1, RetryDelay = TimeSpan.FromMilliseconds(1), RemoteLockStaleAfter = TimeSpan.Zero, RemoteLockPollInterval = TimeSpan.FromMilliseconds(1),
    };

    [TestMethod]
    public async Task EveryFaultPointRecovers()
    {
        var faultPoints = 0;
        foreach (var (scenario, perFolder, allowBackups) in Target.CrashCases)
            faultPoints += await RunMatrixAsync(scenario, perFolder, allowBackups);
        TestContext.WriteLine($"{Target.Name}: {faultPoints} faults run (exceptions and abrupt stops)");
        Console.WriteLine($"crash matrix {Target.Name}: {faultPoints} faults (exceptions and abrupt stops)");
        Assert.IsGreaterThan(Target.FaultPointStride == 1 && Target.CrashCases.Count() == CrashCase.All.Count() ? 100 : 10, faultPoints);
    }

    private async Task<int> RunMatrixAsync(CrashScenario scenario, bool perFolder, bool allowBackups)
    {
        using var temp = new TestFolder("crash");
        var repo = new RepositoryBuilder(temp.Sub("repo"));
        var job = new SyncJob("crash", repo.Root, Folder) { PerFolderUpload = perFolder, AllowBackupsDuringSync = allowBackups };
        var engine = new SyncEngine(options: Sequential);

        Build(repo, scenario, before: true);
        var before = await Disk.FilesAsync(repo.Root);
        await using var start = await Target.CreateAsync();
        if (scenario != CrashScenario.FirstSync)
            Assert.AreEqual(SyncOutcome.Succeeded, (await engine.SyncAsync(job, start.Open(), null, default)).Outcome);
        Build(repo, scenario, before: false);
        var after = await Disk.FilesAsync(repo.Root);

        // Every fault starts from the same committed state: the target's files and the repository's sync state.
        var template = await TargetFiles.CaptureAsync(await ConnectedAsync(start));
        var stateFile = Path.Combine(repo.Root, ".syncconfig", "state", "crash.json");
        var stateTemplate = Path.Combine(temp.Path, "state.json");
        if (File.Exists(stateFile))
            File.Copy(stateFile, stateTemplate);

        var counter = new FaultInjectingTransport(start.Open());
        var healthy = await engine.SyncAsync(job, counter, null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, healthy.Outcome, string.Join("; ", healthy.Errors));
        var operations = counter.Operations;
        var faults = 0;

        foreach (var mode in Enum.GetValues<FaultMode>())
        {
            for (var k = 1 + (int)mode % Target.FaultPointStride; k <= operations; k += Target.FaultPointStride)
            {
                faults++;
                var where = $"{Target.Name} {scenario} perFolder={perFolder} allowBackups={allowBackups} {mode} at operation {k}/{operations}";
                await using var target = await Target.CreateAsync();
                await template.RestoreAsync(await ConnectedAsync(target));
                File.Delete(stateFile);
                if (File.Exists(stateTemplate) && k % 3 != 0)
                    File.Copy(stateTemplate, stateFile); // every third fault also loses the local copy of the manifest

                var faulty = new FaultInjectingTransport(target.Open(), k, mode);
                var failed = await engine.SyncAsync(job, faulty, null, default);
                Assert.IsTrue(faulty.Faulted, where + ": the fault was never reached\n" + string.Join("\n", faulty.Log));
                // Only releasing the lock may fail after everything else is done; the lock then goes stale on its own.
                if (failed.Outcome == SyncOutcome.Succeeded)
                {
                    StringAssert.Contains(faulty.Log[k - 1], "/.syncconfig/lock", where + ": a sync that met a fault reported success");
                    CollectionAssert.AreEqual(after.Values.ToList(), (await RemoteState.CommittedAsync(await ConnectedAsync(target), Folder)).Values.ToList(), where + ": succeeded, but the manifest is not the new snapshot");
                }

                // (a) recovery alone restores exactly the last committed snapshot
                await engine.RecoverAsync(job, target.Open(), default);
                var view = await ConnectedAsync(target);
                var committed = await RemoteState.CommittedAsync(view, Folder);
                var mirror = await RemoteState.FilesAsync(view, Folder);
                CollectionAssert.AreEqual(committed.Values.ToList(), mirror.Values.ToList(),
                    $"{where}: after recovery the mirror is not the committed manifest.\nmirror: {RemoteState.Describe(mirror.Values)}\ncommitted: {RemoteState.Describe(committed.Values)}");
                AssertIsCheckpointOf(committed, before, after, perFolder, where);
                CollectionAssert.AreEqual(Array.Empty<string>(), await RemoteState.LeftoversAsync(view, Folder, stagingAllowed: true), where + ": leftovers after recovery");

                // (b) the next healthy sync converges to exactly the new snapshot
                var next = await engine.SyncAsync(job, target.Open(), null, default);
                Assert.AreEqual(SyncOutcome.Succeeded, next.Outcome, where + ": " + string.Join("; ", next.Errors));
                CollectionAssert.AreEqual(after.Values.ToList(), (await RemoteState.FilesAsync(view, Folder)).Values.ToList(), where + ": mirror after the next sync");
                CollectionAssert.AreEqual(after.Values.ToList(), (await RemoteState.CommittedAsync(view, Folder)).Values.ToList(), where + ": manifest after the next sync");

                // (c) no staging, tmp, journal or superseded manifest left
                CollectionAssert.AreEqual(Array.Empty<string>(), await RemoteState.LeftoversAsync(view, Folder), where + ": leftovers after success");
                CollectionAssert.AreEqual(Array.Empty<string>(), (await target.PendingWritesAsync()).ToList(), where + ": interrupted writes left after success");
            }
        }
        return faults;
    }

    /// <summary>Without per-folder upload the whole state is old or new; with it, each folder is, on its own.</summary>
    private static void AssertIsCheckpointOf(
        SortedDictionary<string, FileState> committed, SortedDictionary<string, FileState> before, SortedDictionary<string, FileState> after,
        bool perFolder, string where)
    {
        if (!perFolder)
        {
            var state = committed.Values.ToList();
            Assert.IsTrue(state.SequenceEqual(before.Values) || state.SequenceEqual(after.Values),
                $"{where}: the committed state is neither the old nor the new snapshot: {RemoteState.Describe(state)}");
            return;
        }
        var folders = committed.Keys.Concat(before.Keys).Concat(after.Keys).Select(RemoteState.FolderOf).Distinct();
        foreach (var f in folders)
        {
            List<FileState> In(SortedDictionary<string, FileState> s) => s.Values.Where(v => RemoteState.FolderOf(v.Path) == f).ToList();
            var state = In(committed);
            Assert.IsTrue(state.SequenceEqual(In(before)) || state.SequenceEqual(In(after)),
                $"{where}: folder {f} is neither its old nor its new content: {RemoteState.Describe(state)}");
        }
    }

    private static void Build(RepositoryBuilder repo, CrashScenario scenario, bool before)
    {
        void Initial()
        {
            repo.Write("PC-A/DEF1/full.mrimg", 4096, 1);
            repo.Write("PC-A/DEF1/inc-0001.mrimg", 1024, 2);
            repo.Write("PC-A/DEF2/full.mrimg", 3000, 3);
            repo.Write("PC-B/DEF3/full.mrimg", 5000, 4);
            repo.Write("PC-B/DEF3/empty.mrimg", 0, 5);
        }
        switch (scenario, before)
        {
            case (CrashScenario.FirstSync, true):
                break;
            case (CrashScenario.FirstSync, false):
            case (_, true) when scenario != CrashScenario.RetentionDeletes:
                Initial();
                break;
            case (CrashScenario.RetentionDeletes, true):
                Initial();
                repo.Write("PC-A/DEF1/inc-0002.mrimg", 1500, 6);
                break;
            case (CrashScenario.NewIncrementals, false):
                repo.Write("PC-A/DEF1/inc-0002.mrimg", 1100, 7);
                repo.Write("PC-B/DEF3/inc-0001.mrimg", 2000, 8);
                break;
            case (CrashScenario.SyntheticFull, false):
                repo.Write("PC-A/DEF1/full.mrimg", 4096, 9); // same size, new content
                repo.Write("PC-B/DEF3/full.mrimg", 6000, 10);
                break;
            case (CrashScenario.RetentionDeletes, false):
                repo.Delete("PC-A/DEF1/inc-0001.mrimg");
                repo.Delete("PC-A/DEF2/full.mrimg");
                repo.Write("PC-A/DEF1/inc-0003.mrimg", 800, 11);
                break;
        }
    }
}
