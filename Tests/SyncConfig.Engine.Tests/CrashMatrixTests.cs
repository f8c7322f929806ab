using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;

namespace SyncConfig.Engine.Tests;

/// <summary>
/// Fails every sync at every one of its target operations, in every scenario and under every target's capability
/// set, and checks the invariants after each fault: (a) recovery alone restores exactly the last committed
/// snapshot, (b) the next healthy sync converges to exactly the new snapshot, (c) nothing is left behind.
/// </summary>
[TestClass]
public sealed class CrashMatrixTests
{
    public TestContext TestContext { get; set; } = null!;

    public enum Scenario { FirstSync, NewIncrementals, SyntheticFull, RetentionDeletes }

    // A killed sync leaves its lock behind; in this one process it would look alive, so every lock counts as stale at once.
    private static readonly SyncEngineOptions Sequential = new()
    {
        Parallelism = 1, RetryDelay = TimeSpan.FromMilliseconds(1), RemoteLockStaleAfter = TimeSpan.Zero, RemoteLockPollInterval = TimeSpan.FromMilliseconds(1),
    };

    [TestMethod]
    [DataRow(Targets.Local)]
    [DataRow(Targets.S3)]
    [DataRow(Targets.Smb)]
    [DataRow(Targets.Ftp)]
    public async Task EveryFaultPointRecovers(string target)
    {
        var faultPoints = 0;
        foreach (var scenario in Enum.GetValues<Scenario>())
            foreach (var perFolder in new[] { false, true })
                foreach (var allowBackups in new[] { false, true })
                    faultPoints += await RunMatrixAsync(target, scenario, perFolder, allowBackups);
        TestContext.WriteLine($"{target}: {faultPoints} fault points run (each as an exception and as an abrupt stop)");
        Console.WriteLine($"crash matrix {target}: {faultPoints} fault points x 2 fault modes");
        Assert.IsGreaterThan(100, faultPoints);
    }

    private static async Task<int> RunMatrixAsync(string target, Scenario scenario, bool perFolder, bool allowBackups)
    {
        using var temp = new TestFolder("crash");
        var repo = new RepositoryBuilder(temp.Sub("repo"));
        var targetPath = temp.Sub("target");
        var folder = Path.Combine(targetPath, "Offsite");
        var job = new SyncJob("crash", repo.Root, "Offsite") { PerFolderUpload = perFolder, AllowBackupsDuringSync = allowBackups };
        var engine = new SyncEngine(options: Sequential);

        Build(repo, scenario, before: true);
        var before = Disk.Files(repo.Root);
        if (scenario != Scenario.FirstSync)
            Assert.AreEqual(SyncOutcome.Succeeded, (await engine.SyncAsync(job, Targets.Open(target, targetPath), null, default)).Outcome);
        Build(repo, scenario, before: false);
        var after = Disk.Files(repo.Root);

        // Every fault starts from the same committed state: a copy of the target and of the repository's sync state.
        var template = temp.Sub("template");
        var stateFile = Path.Combine(repo.Root, ".syncconfig", "state", "crash.json");
        var stateTemplate = Path.Combine(temp.Path, "state.json");
        CopyFolder(targetPath, template);
        if (File.Exists(stateFile))
            File.Copy(stateFile, stateTemplate);

        var counter = new FaultInjectingTransport(Targets.Open(target, targetPath));
        var healthy = await engine.SyncAsync(job, counter, null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, healthy.Outcome, string.Join("; ", healthy.Errors));
        var operations = counter.Operations;

        foreach (var mode in Enum.GetValues<FaultMode>())
        {
            for (var k = 1; k <= operations; k++)
            {
                var where = $"{target} {scenario} perFolder={perFolder} allowBackups={allowBackups} {mode} at operation {k}/{operations}";
                Directory.Delete(targetPath, recursive: true);
                CopyFolder(template, targetPath);
                File.Delete(stateFile);
                if (File.Exists(stateTemplate) && k % 3 != 0)
                    File.Copy(stateTemplate, stateFile); // every third fault also loses the local copy of the manifest

                var faulty = new FaultInjectingTransport(Targets.Open(target, targetPath), k, mode);
                var failed = await engine.SyncAsync(job, faulty, null, default);
                Assert.IsTrue(faulty.Faulted, where + ": the fault was never reached\n" + string.Join("\n", faulty.Log));
                // Only releasing the lock may fail after everything else is done; the lock then goes stale on its own.
                if (failed.Outcome == SyncOutcome.Succeeded)
                {
                    StringAssert.Contains(faulty.Log[k - 1], "/.syncconfig/lock", where + ": a sync that met a fault reported success");
                    CollectionAssert.AreEqual(after.Values.ToList(), Disk.Committed(folder).Values.ToList(), where + ": succeeded, but the manifest is not the new snapshot");
                }

                // (a) recovery alone restores exactly the last committed snapshot
                await engine.RecoverAsync(job, Targets.Open(target, targetPath), default);
                var committed = Disk.Committed(folder);
                var mirror = Disk.Files(folder);
                CollectionAssert.AreEqual(committed.Values.ToList(), mirror.Values.ToList(),
                    $"{where}: after recovery the mirror is not the committed manifest.\nmirror: {Disk.Describe(mirror.Values)}\ncommitted: {Disk.Describe(committed.Values)}");
                AssertIsCheckpointOf(committed, before, after, perFolder, where);
                CollectionAssert.AreEqual(Array.Empty<string>(), Disk.Leftovers(folder, stagingAllowed: true).ToList(), where + ": leftovers after recovery");

                // (b) the next healthy sync converges to exactly the new snapshot
                var next = await engine.SyncAsync(job, Targets.Open(target, targetPath), null, default);
                Assert.AreEqual(SyncOutcome.Succeeded, next.Outcome, where + ": " + string.Join("; ", next.Errors));
                CollectionAssert.AreEqual(after.Values.ToList(), Disk.Files(folder).Values.ToList(), where + ": mirror after the next sync");
                CollectionAssert.AreEqual(after.Values.ToList(), Disk.Committed(folder).Values.ToList(), where + ": manifest after the next sync");

                // (c) no staging, tmp, journal or superseded manifest left
                CollectionAssert.AreEqual(Array.Empty<string>(), Disk.Leftovers(folder).ToList(), where + ": leftovers after success");
            }
        }
        return operations;
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
                $"{where}: the committed state is neither the old nor the new snapshot: {Disk.Describe(state)}");
            return;
        }
        var folders = committed.Keys.Concat(before.Keys).Concat(after.Keys).Select(Disk.FolderOf).Distinct();
        foreach (var f in folders)
        {
            List<FileState> In(SortedDictionary<string, FileState> s) => s.Values.Where(v => Disk.FolderOf(v.Path) == f).ToList();
            var state = In(committed);
            Assert.IsTrue(state.SequenceEqual(In(before)) || state.SequenceEqual(In(after)),
                $"{where}: folder {f} is neither its old nor its new content: {Disk.Describe(state)}");
        }
    }

    private static void Build(RepositoryBuilder repo, Scenario scenario, bool before)
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
            case (Scenario.FirstSync, true):
                break;
            case (Scenario.FirstSync, false):
            case (_, true) when scenario != Scenario.RetentionDeletes:
                Initial();
                break;
            case (Scenario.RetentionDeletes, true):
                Initial();
                repo.Write("PC-A/DEF1/inc-0002.mrimg", 1500, 6);
                break;
            case (Scenario.NewIncrementals, false):
                repo.Write("PC-A/DEF1/inc-0002.mrimg", 1100, 7);
                repo.Write("PC-B/DEF3/inc-0001.mrimg", 2000, 8);
                break;
            case (Scenario.SyntheticFull, false):
                repo.Write("PC-A/DEF1/full.mrimg", 4096, 9); // same size, new content
                repo.Write("PC-B/DEF3/full.mrimg", 6000, 10);
                break;
            case (Scenario.RetentionDeletes, false):
                repo.Delete("PC-A/DEF1/inc-0001.mrimg");
                repo.Delete("PC-A/DEF2/full.mrimg");
                repo.Write("PC-A/DEF1/inc-0003.mrimg", 800, 11);
                break;
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
