using System.Globalization;
using SyncConfig.Engine.Results;

namespace SyncConfig.Runtime.Progress;

/// <summary>The one-line progress text of a sync: bytes, files, rate and time left.</summary>
public static class ProgressText
{
    public static string Format(string syncName, SyncProgress progress, TimeSpan elapsed)
    {
        // Before the plan, and in a sync with nothing to upload, there are no bytes or files to count yet.
        if (progress.FilesTotal == 0 && progress.BytesTotal == 0)
            return $"{syncName}: {progress.Phase}";
        var rate = elapsed.TotalSeconds > 0 ? progress.BytesDone / elapsed.TotalSeconds : 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{syncName}: {progress.Phase} {Bytes(progress.BytesDone)} of {Bytes(progress.BytesTotal)}, {progress.FilesDone} of {progress.FilesTotal} files, {Bytes((long)rate)}/s");
        if (Remaining(progress, rate) is { } remaining)
            line += string.Create(CultureInfo.InvariantCulture, $", {remaining:hh\\:mm\\:ss} left");
        return line;
    }

    public static TimeSpan? Remaining(SyncProgress progress, double bytesPerSecond) =>
        bytesPerSecond > 0 && progress.BytesTotal > progress.BytesDone
            ? TimeSpan.FromSeconds(Math.Ceiling((progress.BytesTotal - progress.BytesDone) / bytesPerSecond))
            : null;

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(unit == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
