using SyncConfig.Catalog;
using SyncConfig.Runtime.Scheduling;

namespace SyncConfig.Runtime.Tests.Scheduling;

/// <summary>Window arithmetic as tables of times. Instants are written with their UTC offset; zones by IANA ID.</summary>
[TestClass]
public sealed class SyncWindowCalendarTests
{
    // 2026-11-26 is a Thursday.
    [TestMethod]
    [DataRow("22:00", "05:00", SyncDays.Every, "2026-11-26T21:59:00+00:00", null, null, null, DisplayName = "a minute before the window opens")]
    [DataRow("22:00", "05:00", SyncDays.Every, "2026-11-26T22:00:00+00:00", "2026-11-26", "2026-11-26T22:00:00+00:00", "2026-11-27T05:00:00+00:00", DisplayName = "opens at the start time")]
    [DataRow("22:00", "05:00", SyncDays.Every, "2026-11-27T03:00:00+00:00", "2026-11-26", "2026-11-26T22:00:00+00:00", "2026-11-27T05:00:00+00:00", DisplayName = "after midnight belongs to the day it opened")]
    [DataRow("22:00", "05:00", SyncDays.Every, "2026-11-27T05:00:00+00:00", null, null, null, DisplayName = "closed at the end time")]
    [DataRow("22:00", "05:00", SyncDays.Thursday, "2026-11-27T04:59:00+00:00", "2026-11-26", "2026-11-26T22:00:00+00:00", "2026-11-27T05:00:00+00:00", DisplayName = "Thursday's window runs into Friday")]
    [DataRow("22:00", "05:00", SyncDays.Friday, "2026-11-27T03:00:00+00:00", null, null, null, DisplayName = "Friday early hours belong to Thursday, not allowed")]
    [DataRow("22:00", "05:00", SyncDays.Weekdays, "2026-11-28T23:00:00+00:00", null, null, null, DisplayName = "no window on Saturday night")]
    [DataRow("22:00", "05:00", SyncDays.Weekdays, "2026-11-28T03:00:00+00:00", "2026-11-27", "2026-11-27T22:00:00+00:00", "2026-11-28T05:00:00+00:00", DisplayName = "Friday's window ends on Saturday morning")]
    [DataRow("00:00", "24:00", SyncDays.Every, "2026-11-26T00:00:00+00:00", "2026-11-26", "2026-11-26T00:00:00+00:00", "2026-11-27T00:00:00+00:00", DisplayName = "all day")]
    [DataRow("08:00", "08:00", SyncDays.Every, "2026-11-27T07:59:00+00:00", "2026-11-26", "2026-11-26T08:00:00+00:00", "2026-11-27T08:00:00+00:00", DisplayName = "equal start and end is 24 hours")]
    [DataRow("09:00", "17:00", SyncDays.Weekends, "2026-11-29T12:00:00+00:00", "2026-11-29", "2026-11-29T09:00:00+00:00", "2026-11-29T17:00:00+00:00", DisplayName = "Sunday daytime")]
    public void CurrentOccurrenceInUtc(string start, string end, SyncDays days, string now, string? day, string? opens, string? closes)
    {
        var calendar = Calendar(start, end, days, "UTC");

        var current = calendar.Current(DateTimeOffset.Parse(now));

        if (day is null)
        {
            Assert.IsNull(current);
            return;
        }

        Assert.IsNotNull(current);
        Assert.AreEqual(DateOnly.Parse(day), current.Day);
        Assert.AreEqual(DateTimeOffset.Parse(opens!), current.Start);
        Assert.AreEqual(DateTimeOffset.Parse(closes!), current.End);
    }

    [TestMethod]
    [DataRow("22:00", "05:00", SyncDays.Every, "2026-11-26T21:00:00+00:00", "2026-11-26T22:00:00+00:00", DisplayName = "later today")]
    [DataRow("22:00", "05:00", SyncDays.Every, "2026-11-26T23:00:00+00:00", "2026-11-27T22:00:00+00:00", DisplayName = "inside one: the following day's")]
    [DataRow("22:00", "05:00", SyncDays.Monday, "2026-11-26T12:00:00+00:00", "2026-11-30T22:00:00+00:00", DisplayName = "next Monday")]
    [DataRow("01:00", "02:00", SyncDays.Thursday, "2026-11-26T01:30:00+00:00", "2026-12-03T01:00:00+00:00", DisplayName = "a week later")]
    public void NextOccurrence(string start, string end, SyncDays days, string now, string expected)
    {
        var next = Calendar(start, end, days, "UTC").Next(DateTimeOffset.Parse(now));

        Assert.IsNotNull(next);
        Assert.AreEqual(DateTimeOffset.Parse(expected), next.Start);
    }

    [TestMethod]
    public void NoAllowedDayMeansNoWindow()
    {
        var calendar = Calendar("22:00", "05:00", SyncDays.None, "UTC");

        Assert.IsNull(calendar.Next(DateTimeOffset.Parse("2026-11-26T12:00:00Z")));
        Assert.IsNull(calendar.Current(DateTimeOffset.Parse("2026-11-26T23:00:00Z")));
    }

    [TestMethod]
    public void WindowFollowsTheConfiguredZone()
    {
        // 22:00 in New York in November is 03:00 UTC the next day.
        var calendar = Calendar("22:00", "05:00", SyncDays.Thursday, "America/New_York");

        var current = calendar.Current(DateTimeOffset.Parse("2026-11-27T04:00:00Z"));

        Assert.IsNotNull(current);
        Assert.AreEqual(new DateOnly(2026, 11, 26), current.Day);
        Assert.AreEqual(DateTimeOffset.Parse("2026-11-27T03:00:00Z"), current.Start);
        Assert.AreEqual(DateTimeOffset.Parse("2026-11-27T10:00:00Z"), current.End);
    }

    // Berlin springs forward on 2026-03-29 at 02:00 (to 03:00) and falls back on 2026-10-25 at 03:00 (to 02:00).
    [TestMethod]
    [DataRow("02:30", "04:00", "2026-03-29", "2026-03-29T03:00:00+02:00", "2026-03-29T04:00:00+02:00", DisplayName = "spring forward: a skipped start opens at the first valid minute")]
    [DataRow("01:00", "02:30", "2026-03-29", "2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00", DisplayName = "spring forward: a skipped end closes at the first valid minute")]
    [DataRow("22:00", "05:00", "2026-03-28", "2026-03-28T22:00:00+01:00", "2026-03-29T05:00:00+02:00", DisplayName = "spring forward night: the window is an hour shorter")]
    [DataRow("02:30", "04:00", "2026-10-25", "2026-10-25T02:30:00+02:00", "2026-10-25T04:00:00+01:00", DisplayName = "fall back: a repeated start is its first occurrence")]
    [DataRow("01:00", "02:30", "2026-10-25", "2026-10-25T01:00:00+02:00", "2026-10-25T02:30:00+01:00", DisplayName = "fall back: a repeated end is its second occurrence")]
    [DataRow("22:00", "05:00", "2026-10-24", "2026-10-24T22:00:00+02:00", "2026-10-25T05:00:00+01:00", DisplayName = "fall back night: the window is an hour longer")]
    public void DaylightSavingNightsInBerlin(string start, string end, string day, string opens, string closes)
    {
        var occurrence = Calendar(start, end, SyncDays.Every, "Europe/Berlin").OccurrenceOn(DateOnly.Parse(day));

        Assert.AreEqual(DateTimeOffset.Parse(opens), occurrence.Start);
        Assert.AreEqual(DateTimeOffset.Parse(closes), occurrence.End);
    }

    [TestMethod]
    public void ForecastListsTheCurrentThenTheNextOccurrences()
    {
        var forecast = Calendar("22:00", "05:00", SyncDays.Weekdays, "UTC").Forecast(DateTimeOffset.Parse("2026-11-26T23:00:00Z"), 3);

        CollectionAssert.AreEqual(
            new[] { new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30) },
            forecast.Select(o => o.Day).ToArray());
    }

    internal static SyncWindowCalendar Calendar(string start, string end, SyncDays days, string zone) =>
        new(new SyncWindowSpec(Minutes(start), Minutes(end), days), TimeZoneInfo.FindSystemTimeZoneById(zone));

    private static int Minutes(string time) => int.Parse(time[..2]) * 60 + int.Parse(time[3..]);
}
