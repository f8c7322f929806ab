using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// Reads the <c>SyncConfig</c> section setting by setting, so a value that does not parse is a problem in the list
/// (not the binder's exception with a stack trace) and a key no setting has — a typo that would silently keep the
/// default — is a warning.
/// </summary>
public static class RuntimeSettingsReader
{
    /// <summary>The largest history a status page still reads quickly.</summary>
    public const int MaxHistoryLength = 10_000;

    private static readonly string[] Known =
        [nameof(RuntimeSettings.StateFolder), nameof(RuntimeSettings.StatusFolder), nameof(RuntimeSettings.TimeZone),
         nameof(RuntimeSettings.SecretsFile), nameof(RuntimeSettings.HistoryLength), nameof(RuntimeSettings.ProgressLogInterval),
         nameof(RuntimeSettings.StrictStartup), nameof(RuntimeSettings.RetryWindow), nameof(RuntimeSettings.RemoteLockWait)];

    public static RuntimeSettings Read(IConfigurationSection section, List<string> problems, List<string> warnings)
    {
        var settings = new RuntimeSettings();
        foreach (var child in section.GetChildren())
        {
            if (!Known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                warnings.Add($"{Name(child.Key)} is not a setting; it is ignored. The settings are {string.Join(", ", Known)}.");
        }

        settings.StateFolder = section[nameof(RuntimeSettings.StateFolder)] is { Length: > 0 } state ? state : settings.StateFolder;
        settings.StatusFolder = section[nameof(RuntimeSettings.StatusFolder)] is { Length: > 0 } status ? status : settings.StatusFolder;
        settings.TimeZone = section[nameof(RuntimeSettings.TimeZone)];
        settings.SecretsFile = section[nameof(RuntimeSettings.SecretsFile)];

        if (section[nameof(RuntimeSettings.HistoryLength)] is { } history)
        {
            if (int.TryParse(history, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) && length is >= 1 and <= MaxHistoryLength)
                settings.HistoryLength = length;
            else
                problems.Add($"{Name(nameof(RuntimeSettings.HistoryLength))} '{history}' must be a whole number from 1 to {MaxHistoryLength}.");
        }

        settings.ProgressLogInterval = Span(section, nameof(RuntimeSettings.ProgressLogInterval), settings.ProgressLogInterval, "00:00:10", problems);
        settings.RetryWindow = Span(section, nameof(RuntimeSettings.RetryWindow), settings.RetryWindow, "00:10:00", problems);
        settings.RemoteLockWait = Span(section, nameof(RuntimeSettings.RemoteLockWait), settings.RemoteLockWait, "00:01:00", problems);
        if (section[nameof(RuntimeSettings.StrictStartup)] is { } strict)
        {
            if (bool.TryParse(strict, out var isStrict))
                settings.StrictStartup = isStrict;
            else
                problems.Add($"{Name(nameof(RuntimeSettings.StrictStartup))} '{strict}' must be true or false.");
        }

        return settings;
    }

    /// <summary>
    /// A time span written hh:mm:ss, above zero and at most a day; a value that does not parse is a problem and keeps the
    /// default. A bare number is refused: .NET would read "1" as a day, where a person may mean a second or a minute.
    /// </summary>
    private static TimeSpan Span(IConfigurationSection section, string key, TimeSpan fallback, string example, List<string> problems)
    {
        if (section[key] is not { } text)
            return fallback;
        if (text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero && span <= TimeSpan.FromDays(1))
            return span;
        problems.Add($"{Name(key)} '{text}' must be a time span such as \"{example}\" (above zero, at most a day).");
        return fallback;
    }

    private static string Name(string key) => RuntimeSettings.SectionName + ":" + key;
}
