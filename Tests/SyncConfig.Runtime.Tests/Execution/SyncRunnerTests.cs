using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Execution;
using SyncConfig.Runtime.Progress;
using SyncConfig.Runtime.Scheduling;
using SyncConfig.Runtime.Status;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Execution;

[TestClass]
public sealed class SyncRunnerTests
{
    [TestMethod]
    public async Task StoppingMidUploadRollsBackAndTheNextRunCompletes()
    {
        using var folder = new TempFolder();
        var repository = folder.Combine("repository");
        new DemoRepository(repository, seed: 5, maxMegabytes: 4).Generate();
        Directory.CreateDirectory(folder.Combine("offsite"));
        var registration = Registrations.LocalPath("Usb", repository, folder.Combine("offsite"));
        var sync = new ResolvedSync(registration, repository, "Site", null, registration.Destination, []);
        var publisher = new StatusPublisher(new StatusStore(folder.Combine("status"), 10), new SyncCatalogList([registration], []), TimeZoneInfo.Utc, TimeProvider.System);
        var runner = new SyncRunner(new SyncEngine(), TransportRegistry.InThisBuild, publisher, folder.Combine("state"), TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var phases = new List<string>();
        var stopOnUpload = new SynchronousProgress(p =>
        {
            phases.Add(p.Phase);
            if (p.FilesDone > 0)
                stop.Cancel();
        });

        var stopped = await runner.RunAsync(sync, AttemptTrigger.RunNow, null, stopOnUpload, stop.Token);

        Assert.AreEqual(SyncOutcome.RolledBack, stopped.Result!.Outcome, string.Join(", ", phases));
        Assert.AreEqual(ExitCodes.Interrupted, SyncCommands.ExitCodeOf(stopped, interrupted: true));
        Assert.AreEqual(SyncOutcome.RolledBack, publisher.Store.ReadReport("Usb")!.LastAttempt!.Outcome);
        Assert.IsNull(publisher.Store.ReadProgress("Usb"), "no active run is left behind");

        var resumed = await runner.RunAsync(sync, AttemptTrigger.RunNow, null, null, CancellationToken.None);

        Assert.AreEqual(SyncOutcome.Succeeded, resumed.Result!.Outcome, string.Join("\n", resumed.Result.Errors));
        Assert.AreEqual(ExitCodes.Ok, SyncCommands.ExitCodeOf(resumed, interrupted: false));
        var report = await new SyncEngine().VerifyAsync(new SyncJob("Usb", repository, "Site"), TransportRegistry.InThisBuild.Create(sync.Destination), CancellationToken.None);
        Assert.IsTrue(report.IsIntact);
        Assert.AreEqual(Directory.EnumerateFiles(repository, "*.*", SearchOption.AllDirectories).Count(f => !f.Contains(".syncconfig")), report.FilesChecked);
    }

    [TestMethod]
    public async Task TheProgressFileShowsTheCurrentPhaseAndMovesWhileOneLargeFileStreams()
    {
        using var folder = new TempFolder();
        const int length = 8 << 20;
        var repository = folder.Combine("repository");
        new SyncConfig.Testing.RepositoryBuilder(repository).Write("PC01/1A2B3C/full.mrimg", length, 3);
        Directory.CreateDirectory(folder.Combine("offsite"));
        var registration = Registrations.LocalPath("Usb", repository, folder.Combine("offsite"));
        var sync = new ResolvedSync(registration, repository, "Site", null, registration.Destination, []);
        // The runner's clock moves one second per report, so every report is due to be written; the engine reports every read.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var publisher = new StatusPublisher(new StatusStore(folder.Combine("status"), 10), new SyncCatalogList([registration], []), TimeZoneInfo.Utc, clock);
        var engine = new SyncEngine(options: new SyncEngineOptions { StreamingProgressInterval = TimeSpan.Zero });
        var runner = new SyncRunner(engine, TransportRegistry.InThisBuild, publisher, folder.Combine("state"), clock);
        var seen = new List<ActiveProgress>();
        var reader = new SynchronousProgress(_ =>
        {
            // What 'status' would read now: the file as the previous report left it.
            if (publisher.Store.ReadProgress("Usb") is { } written)
                seen.Add(written);
            clock.Advance(TimeSpan.FromSeconds(1));
        });

        var outcome = await runner.RunAsync(sync, AttemptTrigger.RunNow, null, reader, CancellationToken.None);

        Assert.AreEqual(SyncOutcome.Succeeded, outcome.Result!.Outcome, string.Join("\n", outcome.Result.Errors));
        var streaming = seen.Where(p => p.Phase == "Uploading" && p.FilesDone == 0 && p.BytesDone > 0 && p.BytesDone < length).ToList();
        Assert.IsGreaterThanOrEqualTo(4, streaming.Select(p => p.BytesDone).Distinct().Count(),
            "the file moved during the one upload: " + string.Join(", ", seen.Select(p => $"{p.Phase} {p.BytesDone}")));
        Assert.IsTrue(streaming.All(p => p.CurrentFile == "PC01/1A2B3C/full.mrimg" && p.BytesTotal == length));
        CollectionAssert.AreEqual(streaming.Select(p => p.BytesDone).ToList(), streaming.Select(p => p.BytesDone).Order().ToList(), "bytes only grow");
    }

    [TestMethod]
    public async Task ANewPhaseIsWrittenAtOnceEvenWithinTheInterval()
    {
        using var folder = new TempFolder();
        var repository = folder.Combine("repository");
        new SyncConfig.Testing.RepositoryBuilder(repository).Write("PC01/1A2B3C/full.mrimg", 1 << 20, 3);
        Directory.CreateDirectory(folder.Combine("offsite"));
        var registration = Registrations.LocalPath("Usb", repository, folder.Combine("offsite"));
        var sync = new ResolvedSync(registration, repository, "Site", null, registration.Destination, []);
        // A clock that never moves: only phase changes may reach the file.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var publisher = new StatusPublisher(new StatusStore(folder.Combine("status"), 10), new SyncCatalogList([registration], []), TimeZoneInfo.Utc, clock);
        var runner = new SyncRunner(new SyncEngine(), TransportRegistry.InThisBuild, publisher, folder.Combine("state"), clock);
        var phases = new List<(string Reported, string? Written)>();
        string? previous = null;
        var reader = new SynchronousProgress(p =>
        {
            phases.Add((previous ?? "", publisher.Store.ReadProgress("Usb")?.Phase));
            previous = p.Phase;
        });

        await runner.RunAsync(sync, AttemptTrigger.RunNow, null, reader, CancellationToken.None);

        // At each report, the file holds the phase of the report before it.
        foreach (var (reported, written) in phases.Skip(1))
            Assert.AreEqual(reported, written, string.Join("\n", phases));
    }

    [TestMethod]
    public void ProgressOfALiveProcessIsActiveAndOfADeadOneIsNot()
    {
        using var folder = new TempFolder();
        var store = new StatusStore(folder.Path, 10);
        var progress = new ActiveProgress
        {
            ProcessId = Environment.ProcessId, Trigger = AttemptTrigger.RunNow, StartedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch, Phase = "Uploading", BytesDone = 5, BytesTotal = 10,
        };

        store.WriteProgress("Live", progress);
        using var finished = System.Diagnostics.Process.Start("true")!;
        finished.WaitForExit();
        store.WriteProgress("Dead", progress with { ProcessId = finished.Id });

        Assert.AreEqual(5, store.ReadProgress("Live")?.BytesDone);
        Assert.IsNull(store.ReadProgress("Dead"));
    }

    [TestMethod]
    public void AHeldRunLockIsWhatMakesASyncRunning()
    {
        using var folder = new TempFolder();
        var state = folder.Combine("state");
        var registration = Registrations.LocalPath("Usb", folder.Combine("repository"), folder.Combine("target"));
        var publisher = new StatusPublisher(new StatusStore(folder.Combine("status"), 10), new SyncCatalogList([registration], []), TimeZoneInfo.Utc, TimeProvider.System, state);
        using var finished = System.Diagnostics.Process.Start("true")!;
        finished.WaitForExit();
        publisher.Store.WriteProgress("Usb", new ActiveProgress
        {
            ProcessId = finished.Id, Trigger = AttemptTrigger.RunNow, StartedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        });

        using (SyncLock.TryAcquire(state, "Usb"))
            Assert.IsNotNull(publisher.Describe(registration).Active, "the lock is held: the sync runs, whatever its process ID says");
        Assert.IsNull(publisher.Describe(registration).Active, "no lock held: nothing runs");
    }

    [TestMethod]
    public async Task AStatusFolderThatStopsTakingWritesDoesNotStopTheSync()
    {
        using var folder = new TempFolder();
        var repository = folder.Combine("repository");
        new DemoRepository(repository, seed: 3, maxMegabytes: 2).Generate();
        Directory.CreateDirectory(folder.Combine("target"));
        var registration = Registrations.LocalPath("Usb", repository, folder.Combine("target"));
        var sync = new ResolvedSync(registration, repository, "Site", null, registration.Destination, []);
        // A file where the status folder should be: every progress and report write fails.
        File.WriteAllText(folder.Combine("status"), "");
        var publisher = new StatusPublisher(new StatusStore(folder.Combine("status"), 10), new SyncCatalogList([registration], []), TimeZoneInfo.Utc, TimeProvider.System);
        var runner = new SyncRunner(new SyncEngine(), TransportRegistry.InThisBuild, publisher, folder.Combine("state"), TimeProvider.System);

        var outcome = await runner.RunAsync(sync, AttemptTrigger.RunNow, window: null, progress: null, CancellationToken.None);

        Assert.AreEqual(SyncOutcome.Succeeded, outcome.Result!.Outcome, string.Join("\n", outcome.Result.Errors));
        Assert.IsNotNull(outcome.StatusProblem, "the failed status write is reported");
        Assert.IsTrue((await new SyncEngine().VerifyAsync(new SyncJob("Usb", repository, "Site"), TransportRegistry.InThisBuild.Create(sync.Destination), CancellationToken.None)).IsIntact);
    }

    [TestMethod]
    public void PlainProgressLinesArePeriodicAndEndWithTheFinalState()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var lines = new List<string>();
        var progress = new PeriodicProgressLines("Usb", TimeSpan.FromSeconds(10), clock, lines.Add);

        for (int i = 1; i <= 35; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            progress.Report(new SyncProgress("Uploading", i * 1024 * 1024, 40 * 1024 * 1024, i, 40, null));
        }

        progress.Flush();
        progress.Flush();
        // Seconds 10, 20 and 30, then the last state once.
        Assert.HasCount(4, lines, string.Join("\n", lines));
        Assert.AreEqual("Usb: Uploading 10.0 MiB of 40.0 MiB, 10 of 40 files, 1.0 MiB/s, 00:00:30 left", lines[0]);
        Assert.AreEqual("Usb: Uploading 35.0 MiB of 40.0 MiB, 35 of 40 files, 1.0 MiB/s, 00:00:05 left", lines[^1]);
    }
}
