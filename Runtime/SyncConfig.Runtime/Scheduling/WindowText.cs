using SyncConfig.Catalog;

namespace SyncConfig.Runtime.Scheduling;

/// <summary>A sync window in words, as people say it: "every day, all day", "weekdays 22:00–05:00".</summary>
public static class WindowText
{
    public static string Describe(SyncWindowSpec window)
    {
        var days = window.Days switch
        {
            SyncDays.Every => "every day",
            SyncDays.Weekdays => "weekdays",
            SyncDays.Weekends => "weekends",
            var some => string.Join(", ", Enum.GetValues<SyncDays>()
                .Where(d => d is not (SyncDays.None or SyncDays.Weekdays or SyncDays.Weekends or SyncDays.Every) && some.HasFlag(d))
                .Select(d => d.ToString()[..3])),
        };
        var allDay = window.StartMinute == 0 && window.EndMinute == 24 * 60;
        return allDay ? days + ", all day" : $"{days} {Time(window.StartMinute)}–{Time(window.EndMinute)}";
    }

    private static string Time(int minute) => $"{minute / 60 % 24:00}:{minute % 60:00}";
}
