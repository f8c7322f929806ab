using System.Globalization;
using System.Net;
using System.Text;

namespace SyncConfig.Runtime.Status;

/// <summary>One row of the status page: a sync's report and its history.</summary>
/// <param name="Window">The sync's window, to say it in words; the report's own text when absent.</param>
/// <param name="CannotRun">Why this build cannot run the sync (no transport for its destination), or null.</param>
public sealed record StatusPageEntry(
    SyncStatusReport Report, IReadOnlyList<AttemptReport> History, SyncConfig.Catalog.SyncWindowSpec? Window = null, string? CannotRun = null);

/// <summary>
/// The human status page: one self-contained HTML file for all syncs (last result, next window, a
/// chart of bytes uploaded per day as inline SVG). No scripts and no external assets, so it opens
/// from a file share or a mail attachment as well as from a web server, and the content security
/// policy forbids loading anything.
/// </summary>
public static class StatusPage
{
    /// <summary>How many days the bytes-per-day chart shows, ending today.</summary>
    public const int ChartDays = 14;

    public static string Render(IReadOnlyList<StatusPageEntry> entries, DateTimeOffset now, TimeZoneInfo zone)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>SyncConfig status</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2330; }
            table { border-collapse: collapse; margin-bottom: 2rem; }
            .summary td { white-space: nowrap; }
            th, td { text-align: left; padding: .3rem .8rem; border-bottom: 1px solid #d5d9e0; vertical-align: top; }
            .Succeeded { color: #1a7f37; } .Failed, .RolledBack { color: #cf222e; } .Abandoned { color: #9a6700; }
            svg text { font-size: 10px; fill: #57606a; } svg rect { fill: #3b6fd8; }
            </style>
            </head>
            <body>
            <h1>SyncConfig status</h1>

            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>Updated <time id=\"updated\">{Encode(Format(now, zone))}</time> ({Encode(zone.Id)}).</p>\n");
        if (entries.Count == 0)
            html.Append("<p>No syncs are defined.</p>\n");
        else
            AppendSummary(html, entries, now, zone);

        foreach (var (report, history, window, cannotRun) in entries)
        {
            var last = report.LastAttempt;
            html.Append(CultureInfo.InvariantCulture,
                $"<section class=\"sync\" id=\"sync-{Encode(report.Sync)}\">\n<h2>{Encode(report.Sync)}</h2>\n<p>{Encode(report.DisplayName)}</p>\n<table>\n");
            Row(html, "sync", "Sync", report.Sync);
            Row(html, "destination", "Destination", report.Destination + " / " + report.FolderName);
            Row(html, "window", "Window", window is { } spec ? Scheduling.WindowText.Describe(spec) : report.Window);
            if (cannotRun is not null)
                Row(html, "cannot-run", "Cannot run in this build", cannotRun, "Failed");
            foreach (var problem in report.Problems ?? [])
                Row(html, "problem", "Not scheduled", "Configuration problem: " + problem, "Failed");
            Row(html, "outcome", "Last result", last?.Outcome.ToString() ?? "never run", last?.Outcome.ToString());
            if (last is not null)
            {
                Row(html, "started", "Started", Format(last.StartedAt, zone));
                Row(html, "ended", "Ended", Format(last.EndedAt, zone));
                Row(html, "bytes-uploaded", "Uploaded", Progress.ProgressText.Bytes(last.BytesUploaded), data: last.BytesUploaded.ToString(CultureInfo.InvariantCulture));
                Row(html, "files", "Files uploaded / deleted / unchanged",
                    $"{last.FilesUploadedCount} / {last.FilesDeletedCount} / {last.FilesUnchangedCount}");
                Row(html, "throughput", "Throughput", FormatRate(last.ThroughputBytesPerSecond));
                Row(html, "retries", "Retries", last.Retries.ToString(CultureInfo.InvariantCulture));
                if (last.Recovery is not null)
                    Row(html, "recovery", "Recovery", last.Recovery);
                foreach (var error in last.Errors)
                    Row(html, "error", "Error", error, "Failed");
            }

            if (report.Active is { } active)
                Row(html, "active", "Running",
                    $"{active.Phase}: {Progress.ProgressText.Bytes(active.BytesDone)} of {Progress.ProgressText.Bytes(active.BytesTotal)}, {active.FilesDone} of {active.FilesTotal} files");
            Row(html, "next-window", "Next window", cannotRun is not null ? "none: this build cannot run it"
                : report.Problems is { Count: > 0 } ? "none: not scheduled until its configuration is fixed"
                : NextWindow(report, now, zone));
            html.Append("</table>\n");
            if (cannotRun is null)
                AppendChart(html, report.Sync, history, now, zone);
            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, IReadOnlyList<StatusPageEntry> entries, DateTimeOffset now, TimeZoneInfo zone)
    {
        html.Append("<table class=\"summary\">\n<tr><th>Sync</th><th>Last result</th><th>Ended</th><th>Uploaded</th><th>Next window</th></tr>\n");
        foreach (var (report, _, _, cannotRun) in entries)
        {
            var last = report.LastAttempt;
            // A sync that cannot run says so first: its last result may be a success from before the problem.
            var (result, resultClass) = cannotRun is not null ? ("cannot run in this build", "Failed")
                : report.Problems is { Count: > 0 } problems ? ($"not scheduled: {problems.Count} configuration problem(s)", "Failed")
                : (last?.Outcome.ToString() ?? "never run", last?.Outcome.ToString());
            var next = cannotRun is not null || report.Problems is { Count: > 0 } ? "none" : NextWindow(report, now, zone);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#sync-{Encode(report.Sync)}\">{Encode(report.Sync)}</a></td><td class=\"{resultClass}\" data-field=\"summary-result\">{Encode(result)}</td>" +
                $"<td>{Encode(last is null ? "" : Format(last.EndedAt, zone))}</td><td>{Encode(last is null ? "" : Progress.ProgressText.Bytes(last.BytesUploaded))}</td><td>{Encode(next)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    /// <summary>Bytes uploaded per local day over the last <see cref="ChartDays"/> days, oldest first.</summary>
    public static IReadOnlyList<(DateOnly Day, long Bytes)> BytesPerDay(IReadOnlyList<AttemptReport> history, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var totals = history
            .GroupBy(a => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.EndedAt, zone).DateTime))
            .ToDictionary(g => g.Key, g => g.Sum(a => a.BytesUploaded));
        return Enumerable.Range(0, ChartDays)
            .Select(i => today.AddDays(i - ChartDays + 1))
            .Select(day => (day, totals.GetValueOrDefault(day)))
            .ToList();
    }

    /// <summary>
    /// The window now open or the next one, as <c>status</c> lists them: a window that has started and not ended is
    /// "open now", not skipped for the one after it.
    /// </summary>
    private static string NextWindow(SyncStatusReport report, DateTimeOffset now, TimeZoneInfo zone)
    {
        var window = report.Forecast.FirstOrDefault(w => w.End > now);
        if (window is null)
            return "none";
        return window.Start <= now
            ? "open now, until " + Format(window.End, zone)
            : Format(window.Start, zone) + " – " + Format(window.End, zone);
    }

    /// <summary>The unit of a chart whose largest bar is <paramref name="max"/> bytes: its size and name.</summary>
    public static (long Size, string Name) ChartUnit(long max)
    {
        (long, string)[] units = [(1L << 40, "TiB"), (1L << 30, "GiB"), (1L << 20, "MiB"), (1L << 10, "KiB")];
        foreach (var unit in units)
        {
            if (max >= unit.Item1)
                return unit;
        }

        return (1, "B");
    }

    private static void AppendChart(StringBuilder html, string sync, IReadOnlyList<AttemptReport> history, DateTimeOffset now, TimeZoneInfo zone)
    {
        const int barWidth = 28, height = 120, labelHeight = 28, axisWidth = 64, top = 16;
        var days = BytesPerDay(history, now, zone);
        var nothing = days.All(d => d.Bytes == 0);
        long max = Math.Max(1, days.Max(d => d.Bytes));
        var (unitSize, unit) = ChartUnit(max);
        int width = axisWidth + barWidth * days.Count;
        html.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" id=\"chart-{Encode(sync)}\" role=\"img\" width=\"{width}\" height=\"{height + labelHeight}\" viewBox=\"0 0 {width} {height + labelHeight}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>Uploaded per day in {unit}, last {ChartDays} days</title>\n");
        // The axis: its unit, the scale at the top (the largest day) and at the baseline.
        var scale = ((double)max / unitSize).ToString(max >= 10 * unitSize ? "0" : "0.#", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"10\" data-axis=\"unit\">{unit} per day</text>\n");
        if (nothing)
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{axisWidth + 8}\" y=\"{height / 2}\" data-axis=\"empty\">nothing uploaded in the last {ChartDays} days</text>\n");
        else
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{axisWidth - 6}\" y=\"{top + 4}\" text-anchor=\"end\" data-axis=\"max\">{scale} {unit}</text>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{axisWidth - 6}\" y=\"{height}\" text-anchor=\"end\" data-axis=\"zero\">0</text>\n" +
            $"<line x1=\"{axisWidth - 2}\" y1=\"{top}\" x2=\"{axisWidth - 2}\" y2=\"{height}\" stroke=\"#8c959f\"/>\n" +
            $"<line x1=\"{axisWidth - 2}\" y1=\"{height}\" x2=\"{width}\" y2=\"{height}\" stroke=\"#8c959f\"/>\n");
        for (int i = 0; i < days.Count; i++)
        {
            var (day, bytes) = days[i];
            int barHeight = (int)Math.Round((double)bytes / max * (height - top));
            int x = axisWidth + i * barWidth;
            html.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x + 4}\" y=\"{height - barHeight}\" width=\"{barWidth - 8}\" height=\"{barHeight}\" data-day=\"{day:yyyy-MM-dd}\" data-bytes=\"{bytes}\"><title>{day:yyyy-MM-dd}: {Progress.ProgressText.Bytes(bytes)}</title></rect>\n");
            html.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + barWidth / 2}\" y=\"{height + 14}\" text-anchor=\"middle\">{day:dd}</text>\n");
        }

        html.Append("</svg>\n");
    }

    private static void Row(StringBuilder html, string id, string label, string value, string? cssClass = null, string? data = null)
    {
        var classAttribute = cssClass is null ? "" : $" class=\"{Encode(cssClass)}\"";
        // The exact value for a program reading the page, where the text rounds it for people.
        var dataAttribute = data is null ? "" : $" data-value=\"{Encode(data)}\"";
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>{Encode(label)}</th><td data-field=\"{id}\"{classAttribute}{dataAttribute}>{Encode(value)}</td></tr>\n");
    }

    private static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    private static string FormatRate(double bytesPerSecond) => Progress.ProgressText.Bytes((long)bytesPerSecond) + "/s";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
