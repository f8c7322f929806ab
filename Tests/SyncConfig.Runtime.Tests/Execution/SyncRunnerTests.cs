using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Execution;
using SyncConfig.Runtime.Progress;
using SyncConfig.Runtime.Status;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Execution;

[TestClass]
public sealed class SyncRunnerTests
{
    [TestMethod]
    public async Task Stopping_mid_upload_rolls_back_and_the_next_run_completes()
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
    public void Progress_of_a_live_process_is_active_and_of_a_dead_one_is_not()
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
    public void Plain_progress_lines_are_periodic_and_end_with_the_final_state()
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
