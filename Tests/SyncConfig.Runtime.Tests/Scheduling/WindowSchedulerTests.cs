using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncConfig.Catalog;
using SyncConfig.Engine;
using SyncConfig.Engine.Leases;
using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Execution;
using SyncConfig.Runtime.Scheduling;
using SyncConfig.Runtime.Status;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Scheduling;

/// <summary>The scheduler's tick with the real engine, a generated repository and a fake clock.</summary>
[TestClass]
public sealed class WindowSchedulerTests
{
    private static readonly SyncWindowSpec Night = new(22 * 60, 5 * 60, SyncDays.Every);

    [TestMethod]
    public async Task Backups_running_past_the_window_end_abandon_the_attempt_until_the_next_night()
    {
        using var fixture = new Fixture(DateTimeOffset.Parse("2026-11-27T04:55:00Z"));
        await using (await BackupLeases.AcquireAsync(fixture.Repository, fixture.AFolder, CancellationToken.None))
        {
            var outcome = await fixture.TickWhileAdvancingAsync();

            Assert.AreEqual(SyncOutcome.Abandoned, outcome!.Result!.Outcome);
        }

        var report = fixture.Publisher.Store.ReadReport("Nightly")!;
        Assert.AreEqual(SyncOutcome.Abandoned, report.LastAttempt!.Outcome);
        Assert.AreEqual(new DateOnly(2026, 11, 26), report.LastAttempt.WindowDay);
        Assert.AreEqual(new WindowAttempt(new DateOnly(2026, 11, 26), Finished: true), fixture.Attempts.Last("Nightly"));
        Assert.IsFalse(Directory.Exists(Path.Combine(fixture.Target, "Site")), "an abandoned attempt does not touch the remote");

        Assert.IsNull(await fixture.Scheduler.TickAsync(fixture.Sync, CancellationToken.None), "the window has closed");

        fixture.Clock.SetUtcNow(DateTimeOffset.Parse("2026-11-27T22:00:30Z"));
        var nextNight = await fixture.Scheduler.TickAsync(fixture.Sync, CancellationToken.None);
        Assert.AreEqual(SyncOutcome.Succeeded, nextNight!.Result!.Outcome);
    }

    [TestMethod]
    public async Task Restart_inside_a_window_runs_an_interrupted_attempt_once()
    {
        using var fixture = new Fixture(DateTimeOffset.Parse("2026-11-26T23:00:00Z"));
        // What a process stopped mid-sync leaves behind.
        fixture.Attempts.Record("Nightly", new WindowAttempt(new DateOnly(2026, 11, 26), Finished: false));

        var outcome = await fixture.Scheduler.TickAsync(fixture.Sync, CancellationToken.None);
        var again = await fixture.Scheduler.TickAsync(fixture.Sync, CancellationToken.None);

        Assert.AreEqual(SyncOutcome.Succeeded, outcome!.Result!.Outcome);
        Assert.IsNull(again, "the window's sync has run; the next tick does nothing");
        Assert.AreEqual(AttemptTrigger.Window, fixture.Publisher.Store.ReadReport("Nightly")!.LastAttempt!.Trigger);
    }

    [TestMethod]
    public async Task Outside_the_window_nothing_runs()
    {
        using var fixture = new Fixture(DateTimeOffset.Parse("2026-11-26T12:00:00Z"));

        Assert.IsNull(await fixture.Scheduler.TickAsync(fixture.Sync, CancellationToken.None));
        Assert.IsNull(fixture.Publisher.Store.ReadReport("Nightly"));
        Assert.IsNull(fixture.Attempts.Last("Nightly"));
    }

    [TestMethod]
    public async Task A_run_holding_the_lock_makes_the_tick_retry_later()
    {
        using var fixture = new Fixture(DateTimeOffset.Parse("2026-11-26T23:00:00Z"));
        RunOutcome? outcome;
        using (SyncLock.TryAcquire(fixture.State, "Nightly"))
            outcome = await fixture.Scheduler.TickAsync(fixture.Sync, CancellationToken.None);

        Assert.IsTrue(outcome!.WasBusy);
        Assert.AreEqual(new WindowAttempt(new DateOnly(2026, 11, 26), Finished: false), fixture.Attempts.Last("Nightly"));
        var retried = await fixture.Scheduler.TickAsync(fixture.Sync, CancellationToken.None);
        Assert.AreEqual(SyncOutcome.Succeeded, retried!.Result!.Outcome);
    }

    private sealed class Fixture : IDisposable
    {
        private readonly TempFolder folder = new();

        public Fixture(DateTimeOffset now)
        {
            Clock = new FakeTimeProvider(now);
            Repository = folder.Combine("repository");
            Target = folder.Combine("offsite");
            State = folder.Combine("state");
            new DemoRepository(Repository, seed: 3, maxMegabytes: 2).Generate();
            Directory.CreateDirectory(Target);
            AFolder = Path.GetRelativePath(Repository, Directory.EnumerateDirectories(Repository).SelectMany(Directory.EnumerateDirectories).First()).Replace('\\', '/');
            var registration = Registrations.LocalPath("Nightly", Repository, Target, window: Night);
            Sync = new ResolvedSync(registration, Repository, "Site", null, registration.Destination, []);
            Publisher = new StatusPublisher(new StatusStore(folder.Combine("status"), 10), new SyncCatalogList([registration], []), TimeZoneInfo.Utc, Clock);
            Attempts = new WindowAttempts(State);
            var engine = new SyncEngine(timeProvider: Clock, options: new SyncEngineOptions { LeasePollInterval = TimeSpan.FromSeconds(5) });
            Scheduler = new WindowScheduler(new SyncRunner(engine, TransportRegistry.InThisBuild, Publisher, State, Clock), Attempts, TimeZoneInfo.Utc, Clock, NullLogger.Instance, TimeSpan.FromSeconds(10));
        }

        public FakeTimeProvider Clock { get; }
        public string Repository { get; }
        public string Target { get; }
        public string State { get; }
        public string AFolder { get; }
        public ResolvedSync Sync { get; }
        public StatusPublisher Publisher { get; }
        public WindowAttempts Attempts { get; }
        public WindowScheduler Scheduler { get; }

        /// <summary>Ticks, then moves the fake clock on in small steps until the tick's run has ended.</summary>
        public async Task<RunOutcome?> TickWhileAdvancingAsync()
        {
            var tick = Task.Run(() => Scheduler.TickAsync(Sync, CancellationToken.None));
            // The clock moves only once the tick has found its window, however slowly the tick starts.
            while (Attempts.Last("Nightly") is null && !tick.IsCompleted)
                await Task.WhenAny(tick, Task.Delay(5));
            for (int step = 0; step < 10_000 && !tick.IsCompleted; step++)
            {
                Clock.Advance(TimeSpan.FromSeconds(5));
                // Let the engine's poll continuation run on the thread pool before the next step.
                await Task.WhenAny(tick, Task.Delay(5));
            }

            Assert.IsTrue(tick.IsCompleted, "the tick did not end");
            return await tick;
        }

        public void Dispose() => folder.Dispose();
    }
}
