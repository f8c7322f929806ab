using SyncConfig.Engine;
using SyncConfig.Engine.Protocol;
using SyncConfig.Engine.Results;
using SyncConfig.Testing;
using SyncConfig.Transports.Conformance.Tests.Targets;

namespace SyncConfig.Transports.Conformance.Tests.Suite;

/// <summary>
/// Fails every sync at every one of its target operations, in every scenario, and checks the invariants: at the crash
/// point, the mirror as a person browses it is the last committed snapshot (before the commit) or each file its old or
/// new version (in the promotion window); (a) recovery alone restores exactly the last committed snapshot, (b) the next
/// healthy sync converges to exactly the new snapshot, (c) nothing is left behind. Beside plain failures and kills:
/// replies lost after the server applied the operation, retries that meet a crash, parallel uploads of files larger
/// than the copy buffer, a crash during recovery itself, listings that lag behind, and names folded by the target.
/// The target is set up, faulted and observed only through its transport, so the matrix runs unchanged on any target.
/// </summary>
public abstract partial class TargetSuite
{
    public enum Scenario { FirstSync, NewIncrementals, SyntheticFull, RetentionDeletes, LargeFiles, Mixed, CaseRename }

    private static readonly Scenario[] Everyday = [Scenario.FirstSync, Scenario.NewIncrementals, Scenario.SyntheticFull, Scenario.RetentionDeletes];
    private static readonly FaultMode[] Crashes = [FaultMode.Exception, FaultMode.AbruptStop];
    private static readonly FaultMode[] LostReplies = [FaultMode.ReplyLost, FaultMode.ReplyLostThenStop];

    private const string Folder = "Offsite";

    /// <summary>Operations a lagging listing has not caught up with.</summary>
    private const int ListingLagOperations = 4;

    /// <summary>
    /// A killed sync leaves its lock behind; in this one process it would look alive, so every lock counts as stale at
    /// once (no two syncs of the matrix ever run together).
    /// </summary>
    private static SyncEngineOptions Options(int parallelism) => new()
    {
        Parallelism = parallelism, RetryDelay = TimeSpan.FromMilliseconds(1), RemoteLockStaleAfter = TimeSpan.Zero,
        RemoteLockPollInterval = TimeSpan.FromMilliseconds(1),
    };

    /// <summary>One set of matrix runs: a scenario, the job's options, the fault modes, and how the target is reached.</summary>
    private sealed record Matrix(Scenario Scenario, bool PerFolder, bool AllowBackups, FaultMode[] Modes, int Parallelism = 1, Reach? Through = null)
    {
        public override string ToString() => $"{Scenario} perFolder={PerFolder} allowBackups={AllowBackups} parallelism={Parallelism}{(Through is null ? "" : " " + Through.Name)}";
    }

    /// <summary>A wrapper around the target's transport that changes how the target behaves (its listings lag, it folds names).</summary>
    private sealed record Reach(string Name, Func<IRemoteTransport, ListingLag, IRemoteTransport> Wrap);

    private static readonly Reach LaggingListings = new("lagging listings", (t, lag) => new LaggingListingTransport(t, lag));
    private static readonly Reach FoldedNames = new("folded names", (t, _) => new CaseFoldingTransport(t));

    /// <summary>
    /// A real server, where every operation of every fault point is a network round trip and every sync a new
    /// connection, runs only one case of each matrix (<see cref="BoundedScenario"/>, one sync at a time, no backups
    /// during it) to keep the suite short; in-process targets run them all.
    /// </summary>
    protected virtual bool BoundedCrashMatrix => false;

    /// <summary>
    /// The scenario a bounded matrix runs: the one that takes the target's whole write path. Where the target renames,
    /// a first sync stages, commits and promotes every file; where it cannot, only a new version of a listed file is
    /// staged and promoted, so such a target names a scenario that has them.
    /// </summary>
    protected virtual Scenario BoundedScenario => Scenario.FirstSync;

    /// <summary>
    /// Every how-many-th fault point the matrix runs, in a sync and in a recovery (1: all of them), the first one
    /// rotating so that together the runs still reach every operation; for a server where even one case costs too many
    /// round trips.
    /// </summary>
    protected virtual int FaultPointStride => 1;

    /// <summary>The everyday scenarios with and without per-folder upload (and backups during the sync, when asked).</summary>
    private IEnumerable<(Scenario Scenario, bool PerFolder, bool AllowBackups)> Cases(bool withBackups)
    {
        var all = from scenario in Everyday
                  from perFolder in new[] { false, true }
                  from allowBackups in withBackups ? new[] { false, true } : [false]
                  select (scenario, perFolder, allowBackups);
        return BoundedCrashMatrix ? all.Where(c => c.scenario == BoundedScenario).Take(1) : all;
    }

    /// <summary>
    /// A transport held to the contract on several servers runs its crash matrix on one of them: every fault point
    /// costs several logins there, and the matrix drives the same transport code on each.
    /// </summary>
    protected virtual bool CrashMatrixRunsInAnotherClass => false;

    /// <summary>Every crash matrix starts here.</summary>
    private void CrashMatrix()
    {
        if (CrashMatrixRunsInAnotherClass)
            Assert.Inconclusive($"{Target.Name}: this transport's crash matrix runs in another of its test classes.");
    }

    /// <summary>Matrices of the engine's own behaviour through test wrappers: in-process targets run them, real servers need not.</summary>
    private void EngineOnlyMatrix()
    {
        CrashMatrix();
        if (BoundedCrashMatrix)
            Assert.Inconclusive("An engine matrix through a test wrapper; the in-process targets run it in full.");
    }

    [TestMethod]
    public async Task EveryFaultPointRecovers()
    {
        CrashMatrix();
        var points = 0;
        foreach (var (scenario, perFolder, allowBackups) in Cases(withBackups: true))
            points += await RunAsync(new Matrix(scenario, perFolder, allowBackups, Crashes));
        Report("failures and kills", points, Crashes);
        Assert.IsGreaterThan(BoundedCrashMatrix ? 6 : 100, points);
    }

    [TestMethod]
    public async Task LostRepliesAndRetriesThatMeetACrashRecover()
    {
        CrashMatrix();
        var points = 0;
        foreach (var (scenario, perFolder, _) in Cases(withBackups: false))
            points += await RunAsync(new Matrix(scenario, perFolder, AllowBackups: false, LostReplies));
        Report("lost replies", points, LostReplies);
        Assert.IsGreaterThan(BoundedCrashMatrix ? 6 : 100, points);
    }

    [TestMethod]
    public async Task ParallelUploadsOfFilesLargerThanTheCopyBufferRecover()
    {
        EngineOnlyMatrix();
        var points = 0;
        foreach (var perFolder in new[] { false, true })
            points += await RunAsync(new Matrix(Scenario.LargeFiles, perFolder, AllowBackups: false, [.. Crashes, FaultMode.ReplyLost], Parallelism: 4));
        Report("parallel uploads, files of several copy buffers", points, [.. Crashes, FaultMode.ReplyLost]);
    }

    [TestMethod]
    public async Task ListingsThatLagBehindDoNotMisleadRecovery()
    {
        EngineOnlyMatrix();
        var points = 0;
        foreach (var scenario in new[] { Scenario.FirstSync, Scenario.Mixed })
            points += await RunAsync(new Matrix(scenario, PerFolder: true, AllowBackups: false, Crashes, Through: LaggingListings));
        Report("lagging listings", points, Crashes);
    }

    [TestMethod]
    public async Task ATargetThatFoldsNamesRecoversACaseOnlyRename()
    {
        EngineOnlyMatrix();
        var points = 0;
        foreach (var scenario in new[] { Scenario.CaseRename, Scenario.Mixed })
            points += await RunAsync(new Matrix(scenario, PerFolder: false, AllowBackups: false, Crashes, Through: FoldedNames));
        Report("folded names", points, Crashes);
    }

    private void Report(string what, int points, FaultMode[] modes)
    {
        TestContext.WriteLine($"{Target.Name}, {what}: {points} fault points, each as {string.Join(", ", modes)}");
        Console.WriteLine($"crash matrix {Target.Name}, {what}: {points} fault points x {modes.Length} modes ({string.Join(", ", modes)})");
    }

    /// <summary>The repository before and after, the target holding the before state, and the healthy sync's operation count.</summary>
    private sealed class Setup(TestFolder temp, SyncJob job, SyncEngine engine, TargetFiles template, string stateFile, string stateTemplate) : IDisposable
    {
        public SyncJob Job => job;
        public SyncEngine Engine => engine;
        public required SortedDictionary<string, FileState> Before { get; init; }
        public required SortedDictionary<string, FileState> After { get; init; }
        public required int Operations { get; init; }

        /// <summary>A fresh target holding the before state; every third one also loses the repository's copy of the manifest.</summary>
        public async Task PrepareAsync(TestTarget target, IRemoteTransport view, int k)
        {
            await template.RestoreAsync(view);
            File.Delete(stateFile);
            if (File.Exists(stateTemplate) && k % 3 != 0)
                File.Copy(stateTemplate, stateFile);
        }

        public void Dispose() => temp.Dispose();
    }

    private async Task<Setup> SetUpAsync(Matrix m)
    {
        var temp = new TestFolder("crash");
        var repo = new RepositoryBuilder(temp.Sub("repo"));
        var job = new SyncJob("crash", repo.Root, Folder) { PerFolderUpload = m.PerFolder, AllowBackupsDuringSync = m.AllowBackups };
        var engine = new SyncEngine(options: Options(m.Parallelism));

        Build(repo, m.Scenario, before: true);
        var before = await Disk.FilesAsync(repo.Root);
        await using var start = await Target.CreateAsync();
        if (m.Scenario != Scenario.FirstSync)
            Assert.AreEqual(SyncOutcome.Succeeded, (await engine.SyncAsync(job, Open(start, m, new ListingLag(0)), null, default)).Outcome);
        Build(repo, m.Scenario, before: false);
        var after = await Disk.FilesAsync(repo.Root);

        // Every fault starts from the same committed state: the target's files and the repository's sync state.
        var template = await TargetFiles.CaptureAsync(await ConnectedAsync(start));
        var stateFile = Path.Combine(repo.Root, ".syncconfig", "state", "crash.json");
        var stateTemplate = Path.Combine(temp.Path, "state.json");
        if (File.Exists(stateFile))
            File.Copy(stateFile, stateTemplate);

        var counter = new FaultInjectingTransport(Open(start, m, new ListingLag(ListingLagOperations)));
        var healthy = await engine.SyncAsync(job, counter, null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, healthy.Outcome, string.Join("; ", healthy.Errors));
        return new Setup(temp, job, engine, template, stateFile, stateTemplate) { Before = before, After = after, Operations = counter.Operations };
    }

    private static IRemoteTransport Open(TestTarget target, Matrix m, ListingLag lag) =>
        m.Through is { } reach ? reach.Wrap(target.Open(), lag) : target.Open();

    private async Task<int> RunAsync(Matrix m)
    {
        using var setup = await SetUpAsync(m);
        var (job, engine) = (setup.Job, setup.Engine);
        // A target that folds names keeps a folder's first spelling: its files are compared by folded names.
        var folded = m.Through == FoldedNames;
        var (before, after) = (Fold(setup.Before, folded), Fold(setup.After, folded));
        var runs = 0;
        for (var i = 0; i < m.Modes.Length; i++)
        {
            var mode = m.Modes[i];
            for (var k = 1 + i % FaultPointStride; k <= setup.Operations; k += FaultPointStride, runs++)
            {
                var where = $"{Target.Name} {m} {mode} at operation {k}/{setup.Operations}";
                await using var target = await Target.CreateAsync();
                var view = await ConnectedAsync(target);
                // Numbered among the runs of this mode, so that a stride still meets every third one losing the manifest copy.
                await setup.PrepareAsync(target, view, k / FaultPointStride);
                var lag = new ListingLag(ListingLagOperations);

                var faulty = new FaultInjectingTransport(Open(target, m, lag), k, mode);
                var failed = await engine.SyncAsync(job, faulty, null, default);
                Assert.IsTrue(faulty.Faulted, where + ": the fault was never reached\n" + string.Join("\n", faulty.Log));
                if (mode == FaultMode.ReplyLost)
                {
                    // A repeated operation that the server had already carried out is no failure.
                    Assert.AreEqual(SyncOutcome.Succeeded, failed.Outcome, where + ": " + string.Join("; ", failed.Errors) + "\n" + string.Join("\n", faulty.Log));
                    await AssertConvergedAsync(view, after, where, folded);
                    await AssertNoPendingWritesAsync(target, where);
                    continue;
                }
                // Only releasing the lock may fail after everything else is done; the lock then goes stale on its own.
                if (failed.Outcome == SyncOutcome.Succeeded)
                {
                    StringAssert.Contains(faulty.Log[k - 1], "/.syncconfig/lock", where + ": a sync that met a fault reported success");
                    CollectionAssert.AreEqual(after.Values.ToList(), Fold(await RemoteState.CommittedAsync(view, Folder), folded).Values.ToList(), where + ": succeeded, but the manifest is not the new snapshot");
                }

                await AssertAtCrashPointAsync(view, after, where, folded);
                await AssertRecoversAsync(engine, job, Open(target, m, lag), view, before, after, m.PerFolder, where, folded);
                await AssertNextSyncConvergesAsync(engine, job, Open(target, m, lag), view, after, where, folded);
                await AssertNoPendingWritesAsync(target, where);
            }
        }
        return runs / m.Modes.Length;
    }

    [TestMethod]
    public async Task ACrashDuringRecoveryIsRecoveredByTheNextOne()
    {
        CrashMatrix();
        var m = new Matrix(Scenario.Mixed, PerFolder: false, AllowBackups: false, [FaultMode.AbruptStop]);
        using var setup = await SetUpAsync(m);
        var (job, engine, before, after) = (setup.Job, setup.Engine, setup.Before, setup.After);
        var points = 0;
        for (var k = 1; k <= setup.Operations; k += 2)
        {
            // The state a killed sync left, whenever it left a journal to settle.
            await using var crashed = await Target.CreateAsync();
            var crashedView = await ConnectedAsync(crashed);
            await setup.PrepareAsync(crashed, crashedView, k);
            await engine.SyncAsync(job, new FaultInjectingTransport(crashed.Open(), k, FaultMode.AbruptStop), null, default);
            if (await RemoteState.JournalAsync(crashedView, Folder) is null)
                continue;
            var state = await TargetFiles.CaptureAsync(crashedView);
            int recoveryOperations;
            await using (var scratch = await Target.CreateAsync())
            {
                await state.RestoreAsync(await ConnectedAsync(scratch));
                var counter = new FaultInjectingTransport(scratch.Open());
                await engine.RecoverAsync(job, counter, default);
                recoveryOperations = counter.Operations;
            }

            // The stride's first point shifts with each killed sync, so that together they still reach every recovery operation.
            for (var j = 1 + k / 2 % FaultPointStride; j <= recoveryOperations; j += FaultPointStride, points++)
            {
                var where = $"{Target.Name} {m}: sync killed at operation {k}/{setup.Operations}, its recovery killed at {j}/{recoveryOperations}";
                await using var target = await Target.CreateAsync();
                var view = await ConnectedAsync(target);
                await state.RestoreAsync(view);
                try
                {
                    await engine.RecoverAsync(job, new FaultInjectingTransport(target.Open(), j, FaultMode.AbruptStop), default);
                }
                catch (InjectedFaultException)
                {
                    // the recovery was killed at operation j
                }
                await AssertAtCrashPointAsync(view, after, where, folded: false);
                await AssertRecoversAsync(engine, job, target.Open(), view, before, after, m.PerFolder, where, folded: false);
                await AssertNextSyncConvergesAsync(engine, job, target.Open(), view, after, where, folded: false);
                await AssertNoPendingWritesAsync(target, where);
            }
        }
        Report("crashes during recovery", points, [FaultMode.AbruptStop]);
        Assert.IsGreaterThan(20 / FaultPointStride, points);
    }

    /// <summary>
    /// The mirror as a person browses it at the crash point. Before the journal's commit: exactly the last committed
    /// snapshot (on targets that cannot rename, plus new files of the journal, whole). In the promotion window: each
    /// file its old or its new version, missing only where its new version waits in staging or the commit drops it.
    /// </summary>
    private static async Task AssertAtCrashPointAsync(IRemoteTransport view, SortedDictionary<string, FileState> after, string where, bool folded)
    {
        var mirror = Fold(await RemoteState.FilesAsync(view, Folder), folded);
        var manifests = await RemoteState.ManifestsAsync(view, Folder);
        var journal = await RemoteState.JournalAsync(view, Folder);
        var committed = journal is not null && manifests.Contains(RemoteState.ManifestPath(Folder, journal));
        if (!committed)
        {
            var state = manifests.Count == 0 ? [] : Fold(await RemoteState.ManifestAsync(view, manifests[^1]), folded);
            foreach (var (path, file) in mirror)
            {
                if (state.TryGetValue(path, out var listed))
                    Assert.AreEqual(listed, file, $"{where}: before the commit, {path} is not its committed version");
                else
                    Assert.IsTrue(journal?.Placed.Any(p => (folded ? p.ToUpperInvariant() : p) == path) == true && after.GetValueOrDefault(path) == file,
                        $"{where}: {path} shows in the mirror before any commit lists it");
            }
            foreach (var path in state.Keys)
                Assert.IsTrue(mirror.ContainsKey(path), $"{where}: before the commit, {path} is missing from the mirror");
            return;
        }
        var newer = Fold(await RemoteState.ManifestAsync(view, RemoteState.ManifestPath(Folder, journal!)), folded);
        var older = manifests.TakeWhile(p => p != RemoteState.ManifestPath(Folder, journal!)).LastOrDefault() is { } previous
            ? Fold(await RemoteState.ManifestAsync(view, previous), folded) : null;
        foreach (var path in mirror.Keys.Union(newer.Keys).Union(older?.Keys ?? Enumerable.Empty<string>()))
        {
            mirror.TryGetValue(path, out var shown);
            var isOld = older is not null && older.TryGetValue(path, out var old) && old == shown;
            var isNew = newer.TryGetValue(path, out var @new) && @new == shown;
            if (mirror.ContainsKey(path))
                Assert.IsTrue(isOld || isNew, $"{where}: in the promotion window {path} is neither its old nor its new version");
            else if (newer.ContainsKey(path) && !folded)
                Assert.IsTrue(await RemoteState.StagedAsync(view, Folder, path), $"{where}: {path} is missing and its new version is not in staging");
        }
    }

    /// <summary>(a) recovery alone restores exactly the last committed snapshot.</summary>
    private static async Task AssertRecoversAsync(
        SyncEngine engine, SyncJob job, IRemoteTransport transport, IRemoteTransport view,
        SortedDictionary<string, FileState> before, SortedDictionary<string, FileState> after, bool perFolder, string where, bool folded)
    {
        await engine.RecoverAsync(job, transport, default);
        var committed = Fold(await RemoteState.CommittedAsync(view, Folder), folded);
        var mirror = Fold(await RemoteState.FilesAsync(view, Folder), folded);
        CollectionAssert.AreEqual(committed.Values.ToList(), mirror.Values.ToList(),
            $"{where}: after recovery the mirror is not the committed manifest.\nmirror: {RemoteState.Describe(mirror.Values)}\ncommitted: {RemoteState.Describe(committed.Values)}");
        AssertIsCheckpointOf(committed, before, after, perFolder, where);
        CollectionAssert.AreEqual(Array.Empty<string>(), await RemoteState.LeftoversAsync(view, Folder, stagingAllowed: true), where + ": leftovers after recovery");
    }

    /// <summary>(b) the next healthy sync converges to exactly the new snapshot, and (c) leaves nothing behind.</summary>
    private static async Task AssertNextSyncConvergesAsync(
        SyncEngine engine, SyncJob job, IRemoteTransport transport, IRemoteTransport view, SortedDictionary<string, FileState> after, string where, bool folded)
    {
        var next = await engine.SyncAsync(job, transport, null, default);
        Assert.AreEqual(SyncOutcome.Succeeded, next.Outcome, where + ": " + string.Join("; ", next.Errors));
        await AssertConvergedAsync(view, after, where, folded);
    }

    private static async Task AssertConvergedAsync(IRemoteTransport view, SortedDictionary<string, FileState> after, string where, bool folded)
    {
        CollectionAssert.AreEqual(after.Values.ToList(), Fold(await RemoteState.FilesAsync(view, Folder), folded).Values.ToList(), where + ": mirror after the sync");
        CollectionAssert.AreEqual(after.Values.ToList(), Fold(await RemoteState.CommittedAsync(view, Folder), folded).Values.ToList(), where + ": manifest after the sync");
        CollectionAssert.AreEqual(Array.Empty<string>(), await RemoteState.LeftoversAsync(view, Folder), where + ": leftovers after success");
    }

    /// <summary>(c) also for writes the target keeps out of sight: none is left once a sync has succeeded.</summary>
    private static async Task AssertNoPendingWritesAsync(TestTarget target, string where) =>
        CollectionAssert.AreEqual(Array.Empty<string>(), (await target.PendingWritesAsync()).ToList(), where + ": interrupted writes left after success");

    /// <summary>Files keyed by their folded names, where the target folds them.</summary>
    private static SortedDictionary<string, FileState> Fold(SortedDictionary<string, FileState> files, bool folded) => !folded ? files
        : new SortedDictionary<string, FileState>(files.Values.ToDictionary(f => f.Path.ToUpperInvariant(), f => f with { Path = f.Path.ToUpperInvariant() }), StringComparer.Ordinal);

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
            case (_, true) when scenario is not (Scenario.RetentionDeletes or Scenario.LargeFiles or Scenario.CaseRename):
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
            // Several times the 1 MiB copy buffer, uploaded four at a time: faults land inside a file's transfer.
            case (Scenario.LargeFiles, true):
                repo.Write("PC-A/DEF1/full.mrimg", 2_500_000, 12);
                repo.Write("PC-B/DEF3/full.mrimg", 1_000, 13);
                break;
            case (Scenario.LargeFiles, false):
                repo.Write("PC-A/DEF1/full.mrimg", 3_600_000, 14);
                repo.Write("PC-A/DEF1/inc-0001.mrimg", 2_200_000, 15);
                repo.Write("PC-B/DEF3/inc-0001.mrimg", 1_100_000, 16);
                repo.Write("PC-C/DEF4/full.mrimg", 3_000_000, 17);
                break;
            // A new version, a deletion and a new file at once: every kind of step in one commit.
            case (Scenario.Mixed, false):
                repo.Write("PC-A/DEF1/full.mrimg", 4096, 18);
                repo.Delete("PC-A/DEF2/full.mrimg");
                repo.Write("PC-B/DEF3/inc-0001.mrimg", 2000, 19);
                break;
            // A computer folder renamed only in case: on a target that folds names, its files are replaced, never lost.
            case (Scenario.CaseRename, true):
                repo.Write("pc-a/DEF1/full.mrimg", 4096, 20);
                repo.Write("pc-a/DEF1/inc-0001.mrimg", 1024, 21);
                repo.Write("PC-B/DEF3/full.mrimg", 5000, 22);
                break;
            case (Scenario.CaseRename, false):
                Directory.Move(repo.Full("pc-a"), repo.Full("PC-A.renaming"));
                Directory.Move(repo.Full("PC-A.renaming"), repo.Full("PC-A"));
                break;
        }
    }
}
