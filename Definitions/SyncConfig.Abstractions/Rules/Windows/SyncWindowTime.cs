using System.Collections.Generic;
using System.Globalization;

namespace SyncConfig.Rules;

/// <summary>The <c>[SyncWindow]</c> rules: 24-hour <c>HH:mm</c> times, start ≠ end, at least one day.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class SyncWindowTime
{
    /// <summary>One <c>HH:mm</c> time; <paramref name="which"/> is "start" or "end", for the message.</summary>
    private static RuleResult<string> Check(string? time, string which, string setting) =>
        TryParse(time, out _)
            ? RuleResult<string>.Valid(time!)
            : RuleResult<string>.Invalid(RuleCatalog.InvalidWindowTime.Violation(setting, Corrected(time), which, time ?? "", Corrected(time) ?? "22:00"));

    /// <summary>Minutes after midnight of a <c>HH:mm</c> time.</summary>
    public static bool TryParse(string? time, out int minutes)
    {
        minutes = 0;
        if (time == null || time.Length != 5 || time[2] != ':'
            || !HostName.IsDigits(time.Substring(0, 2)) || !HostName.IsDigits(time.Substring(3, 2)))
        {
            return false;
        }

        var hours = int.Parse(time.Substring(0, 2), CultureInfo.InvariantCulture);
        var mins = int.Parse(time.Substring(3, 2), CultureInfo.InvariantCulture);
        if (hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = hours * 60 + mins;
        return true;
    }

    public static string Format(int minutes) =>
        (minutes / 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (minutes % 60).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>All window rules; <paramref name="days"/> is the <c>SyncDays</c> flags value.</summary>
    public static IReadOnlyList<RuleViolation> CheckWindow(string? start, string? end, int days)
    {
        var violations = new List<RuleViolation>();
        violations.AddRange(Check(start, "start", Setting.Start).Violations);
        violations.AddRange(Check(end, "end", Setting.End).Violations);
        if (TryParse(start, out var startMinute) && TryParse(end, out var endMinute) && startMinute == endMinute)
        {
            violations.Add(RuleCatalog.EmptyWindow.Violation(Setting.End, null, start!, end!, Format((startMinute + 7 * 60) % (24 * 60))));
        }

        if ((days & (int)SyncDays.Every) == 0)
        {
            violations.Add(RuleCatalog.NoWindowDays.Violation(Setting.Days, null, ((SyncDays)days).ToString(), "SyncDays.Every"));
        }

        return violations;
    }

    /// <summary>The time the writer most likely meant (<c>9:00</c>, <c>2200</c>, <c>22.00</c>), or null.</summary>
    private static string? Corrected(string? time)
    {
        if (time == null)
        {
            return null;
        }

        var text = time.Trim().Replace('.', ':').Replace('h', ':');
        if (text.Length == 4 && text.IndexOf(':') < 0)
        {
            text = text.Substring(0, 2) + ":" + text.Substring(2);
        }

        var colon = text.IndexOf(':');
        if (colon < 0 && HostName.IsDigits(text))
        {
            text += ":00";
            colon = text.IndexOf(':');
        }

        if (colon < 1 || colon > 2 || !int.TryParse(text.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || text.Length - colon - 1 != 2)
        {
            return null;
        }

        if (hours == 24 && minutes == 0)
        {
            hours = 0;
        }

        return hours < 24 && minutes < 60 ? Format(hours * 60 + minutes) : null;
    }
}
