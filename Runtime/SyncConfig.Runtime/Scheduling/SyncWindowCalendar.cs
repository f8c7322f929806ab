using SyncConfig.Catalog;

namespace SyncConfig.Runtime.Scheduling;

/// <summary>
/// One occurrence of a sync window. <see cref="Day"/> is the allowed day the window opens on (a
/// window that crosses midnight belongs to the day it starts), and identifies the occurrence: a
/// sync runs at most once per <see cref="Day"/>, whatever the clocks do that night.
/// </summary>
public sealed record WindowOccurrence(DateOnly Day, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}

/// <summary>
/// The window arithmetic of one sync in one time zone. Pure: the caller passes the current instant.
/// Coravel has no window end, no abandon and runs a 02:30 job zero times on spring-forward night and
/// twice on fall-back night, so the window is computed here on the wall clock and converted to
/// instants with explicit rules for the nights the wall clock skips or repeats.
/// </summary>
public sealed class SyncWindowCalendar
{
    private const int MinutesPerDay = 24 * 60;

    public SyncWindowCalendar(SyncWindowSpec window, TimeZoneInfo zone)
    {
        Window = window;
        Zone = zone;
    }

    public SyncWindowSpec Window { get; }
    public TimeZoneInfo Zone { get; }

    public bool IsAllowed(DateOnly day) => (Window.Days & ToSyncDays(day.DayOfWeek)) != 0;

    /// <summary>The occurrence that opens on <paramref name="day"/>, whether or not the day is allowed.</summary>
    public WindowOccurrence OccurrenceOn(DateOnly day)
    {
        int start = Window.StartMinute;
        // End at or before start means the window crosses midnight (equal: a full 24 hours).
        int end = Window.EndMinute > start ? Window.EndMinute : Window.EndMinute + MinutesPerDay;
        return new WindowOccurrence(day, ToInstant(day, start, isEnd: false), ToInstant(day, end, isEnd: true));
    }

    /// <summary>The allowed occurrence that contains <paramref name="now"/>, if any.</summary>
    public WindowOccurrence? Current(DateTimeOffset now)
    {
        var today = LocalDay(now);
        foreach (var day in new[] { today.AddDays(-1), today })
        {
            if (!IsAllowed(day))
                continue;
            var occurrence = OccurrenceOn(day);
            if (occurrence.Contains(now))
                return occurrence;
        }

        return null;
    }

    /// <summary>The first allowed occurrence that opens after <paramref name="now"/>; null when no day is allowed.</summary>
    public WindowOccurrence? Next(DateTimeOffset now)
    {
        var today = LocalDay(now);
        for (int offset = -1; offset <= 8; offset++)
        {
            var day = today.AddDays(offset);
            if (!IsAllowed(day))
                continue;
            var occurrence = OccurrenceOn(day);
            if (occurrence.Start > now)
                return occurrence;
        }

        return null;
    }

    /// <summary>The forecast: the current occurrence (if inside one) and the next ones, in order.</summary>
    public IReadOnlyList<WindowOccurrence> Forecast(DateTimeOffset now, int count)
    {
        var result = new List<WindowOccurrence>(count);
        if (Current(now) is { } current)
            result.Add(current);
        var cursor = now;
        while (result.Count < count && Next(cursor) is { } next)
        {
            result.Add(next);
            cursor = next.Start;
        }

        return result;
    }

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private DateTimeOffset ToInstant(DateOnly day, int minuteOfDay, bool isEnd)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minuteOfDay);

        // Spring forward: a wall-clock time inside the skipped hour does not exist; the window opens
        // (or closes) at the first minute that does.
        while (Zone.IsInvalidTime(local))
            local = local.AddMinutes(1);

        if (Zone.IsAmbiguousTime(local))
        {
            // Fall back: the wall-clock time happens twice. A start is the first of the two (the larger
            // offset), an end the second, so the window is never shorter than written.
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var offset = isEnd ? offsets.Min() : offsets.Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static SyncDays ToSyncDays(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => SyncDays.Monday,
        DayOfWeek.Tuesday => SyncDays.Tuesday,
        DayOfWeek.Wednesday => SyncDays.Wednesday,
        DayOfWeek.Thursday => SyncDays.Thursday,
        DayOfWeek.Friday => SyncDays.Friday,
        DayOfWeek.Saturday => SyncDays.Saturday,
        _ => SyncDays.Sunday,
    };
}
