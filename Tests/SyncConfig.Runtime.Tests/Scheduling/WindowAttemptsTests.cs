using Microsoft.Extensions.Time.Testing;
using SyncConfig.Runtime.Scheduling;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Scheduling;

/// <summary>
/// The scheduler's decision over time: a fake clock ticks the way the scheduler does (every 30
/// seconds) through whole nights, and each tick that finds a due window "runs" the sync for a while.
/// </summary>
[TestClass]
public sealed class WindowAttemptsTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);

    [TestMethod]
    [DataRow("02:30", "03:30", "2026-10-24T22:00:00Z", 10, DisplayName = "fall-back night in Berlin: 02:30 happens twice, the sync runs once")]
    [DataRow("02:30", "03:30", "2026-03-28T22:00:00Z", 10, DisplayName = "spring-forward night in Berlin: 02:30 never happens, the sync runs once")]
    [DataRow("02:00", "03:00", "2026-10-24T22:00:00Z", 45, DisplayName = "fall back: the repeated hour's second pass does not start it again")]
    [DataRow("22:00", "05:00", "2026-11-26T12:00:00Z", 120, DisplayName = "an ordinary night crossing midnight")]
    public void RunsExactlyOncePerNight(string start, string end, string from, int runMinutes)
    {
        using var state = new TempFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(from));
        var calendar = SyncWindowCalendarTests.Calendar(start, end, SyncDays.Every, "Europe/Berlin");

        var runs = Simulate(new WindowAttempts(state.Path), calendar, clock, TimeSpan.FromHours(20), TimeSpan.FromMinutes(runMinutes));

        Assert.HasCount(1, runs);
    }

    [TestMethod]
    public void SpringForwardStartRunsAtTheFirstValidMinute()
    {
        using var state = new TempFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-28T22:00:00Z"));
        var calendar = SyncWindowCalendarTests.Calendar("02:30", "03:30", SyncDays.Every, "Europe/Berlin");

        var runs = Simulate(new WindowAttempts(state.Path), calendar, clock, TimeSpan.FromHours(8), TimeSpan.FromMinutes(5));

        Assert.AreEqual(DateTimeOffset.Parse("2026-03-29T03:00:00+02:00"), runs.Single());
    }

    [TestMethod]
    public void WeekdaysRunFiveTimesAWeek()
    {
        using var state = new TempFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T00:00:00Z")); // a Monday
        var calendar = SyncWindowCalendarTests.Calendar("22:00", "05:00", SyncDays.Weekdays, "UTC");

        var runs = Simulate(new WindowAttempts(state.Path), calendar, clock, TimeSpan.FromDays(7), TimeSpan.FromMinutes(30));

        CollectionAssert.AreEqual(
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
            runs.Select(r => r.DayOfWeek).ToArray());
    }

    [TestMethod]
    [DataRow(false, false, true, DisplayName = "restart inside a window whose sync has not run: starts it")]
    [DataRow(true, false, true, DisplayName = "restart inside a window whose run was interrupted: starts it again")]
    [DataRow(true, true, false, DisplayName = "restart inside a window whose sync has run: does not run it again")]
    public void RestartInsideAWindow(bool attempted, bool finished, bool expectDue)
    {
        using var state = new TempFolder();
        var calendar = SyncWindowCalendarTests.Calendar("22:00", "05:00", SyncDays.Every, "UTC");
        var now = DateTimeOffset.Parse("2026-11-27T01:00:00Z");
        if (attempted)
            new WindowAttempts(state.Path).Record("Nightly", new WindowAttempt(new DateOnly(2026, 11, 26), finished));

        // A new instance reads only what the previous process left in the state folder.
        var due = new WindowAttempts(state.Path).Due("Nightly", calendar, now);

        Assert.AreEqual(expectDue, due is not null);
        if (expectDue)
            Assert.AreEqual(new DateOnly(2026, 11, 26), due!.Day);
    }

    [TestMethod]
    public void YesterdaysFinishedAttemptDoesNotHoldBackTonight()
    {
        using var state = new TempFolder();
        var attempts = new WindowAttempts(state.Path);
        var calendar = SyncWindowCalendarTests.Calendar("22:00", "05:00", SyncDays.Every, "UTC");
        attempts.Record("Nightly", new WindowAttempt(new DateOnly(2026, 11, 25), Finished: true));

        Assert.AreEqual(new DateOnly(2026, 11, 26), attempts.Due("Nightly", calendar, DateTimeOffset.Parse("2026-11-26T22:00:30Z"))?.Day);
    }

    [TestMethod]
    public void EachSyncHasItsOwnAttempt()
    {
        using var state = new TempFolder();
        var attempts = new WindowAttempts(state.Path);
        var calendar = SyncWindowCalendarTests.Calendar("22:00", "05:00", SyncDays.Every, "UTC");
        attempts.Record("First", new WindowAttempt(new DateOnly(2026, 11, 26), Finished: true));

        var now = DateTimeOffset.Parse("2026-11-26T23:00:00Z");
        Assert.IsNull(attempts.Due("First", calendar, now));
        Assert.IsNotNull(attempts.Due("Second", calendar, now));
    }

    /// <summary>Ticks through <paramref name="span"/>; a due window starts a run that ends <paramref name="runTime"/> later. Returns the start instants.</summary>
    private static List<DateTimeOffset> Simulate(WindowAttempts attempts, SyncWindowCalendar calendar, FakeTimeProvider clock, TimeSpan span, TimeSpan runTime)
    {
        var starts = new List<DateTimeOffset>();
        var until = clock.GetUtcNow() + span;
        (WindowOccurrence Window, DateTimeOffset EndsAt)? running = null;
        while (clock.GetUtcNow() < until)
        {
            var now = clock.GetUtcNow();
            if (running is { } run && now >= run.EndsAt)
            {
                attempts.Record("Nightly", new WindowAttempt(run.Window.Day, Finished: true));
                running = null;
            }

            // The run lock: no second run while one is going.
            if (running is null && attempts.Due("Nightly", calendar, now) is { } due)
            {
                attempts.Record("Nightly", new WindowAttempt(due.Day, Finished: false));
                starts.Add(TimeZoneInfo.ConvertTime(now, calendar.Zone));
                running = (due, now + runTime);
            }

            clock.Advance(Tick);
        }

        return starts;
    }
}
