using System.Globalization;
using System.Net;
using System.Text;

namespace SyncConfig.Runtime.Status;

/// <summary>One row of the status page: a sync's report and its history.</summary>
public sealed record StatusPageEntry(SyncStatusReport Report, IReadOnlyList<AttemptReport> History);

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

        foreach (var (report, history) in entries)
        {
            var last = report.LastAttempt;
            var next = report.Forecast.FirstOrDefault(w => w.Start > now);
            html.Append(CultureInfo.InvariantCulture,
                $"<section class=\"sync\" id=\"sync-{Encode(report.Sync)}\">\n<h2>{Encode(report.Sync)}</h2>\n<p>{Encode(report.DisplayName)}</p>\n<table>\n");
            Row(html, "sync", "Sync", report.Sync);
            Row(html, "destination", "Destination", report.Destination + " / " + report.FolderName);
            Row(html, "window", "Window", report.Window);
            foreach (var problem in report.Problems ?? [])
                Row(html, "problem", "Not scheduled", "Configuration problem: " + problem, "Failed");
            Row(html, "outcome", "Last result", last?.Outcome.ToString() ?? "never run", last?.Outcome.ToString());
            if (last is not null)
            {
                Row(html, "started", "Started", Format(last.StartedAt, zone));
                Row(html, "ended", "Ended", Format(last.EndedAt, zone));
                Row(html, "bytes-uploaded", "Bytes uploaded", last.BytesUploaded.ToString(CultureInfo.InvariantCulture));
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
                Row(html, "active", "Running", $"{active.Phase}: {active.BytesDone} of {active.BytesTotal} bytes, {active.FilesDone} of {active.FilesTotal} files");
            Row(html, "next-window", "Next window", report.Problems is { Count: > 0 } ? "none: not scheduled until its configuration is fixed"
                : next is null ? "none" : Format(next.Start, zone) + " – " + Format(next.End, zone));
            html.Append("</table>\n");
            AppendChart(html, report.Sync, history, now, zone);
            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, IReadOnlyList<StatusPageEntry> entries, DateTimeOffset now, TimeZoneInfo zone)
    {
        html.Append("<table class=\"summary\">\n<tr><th>Sync</th><th>Last result</th><th>Ended</th><th>Bytes uploaded</th><th>Next window</th></tr>\n");
        foreach (var (report, _) in entries)
        {
            var last = report.LastAttempt;
            var next = report.Forecast.FirstOrDefault(w => w.Start > now);
            // A sync the scheduler left out says so first: its last result may be a success from before the problem.
            var (result, resultClass) = report.Problems is { Count: > 0 } problems
                ? ($"not scheduled: {problems.Count} configuration problem(s)", "Failed")
                : (last?.Outcome.ToString() ?? "never run", last?.Outcome.ToString());
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#sync-{Encode(report.Sync)}\">{Encode(report.Sync)}</a></td><td class=\"{resultClass}\" data-field=\"summary-result\">{Encode(result)}</td>" +
                $"<td>{Encode(last is null ? "" : Format(last.EndedAt, zone))}</td><td>{last?.BytesUploaded}</td><td>{Encode(next is null ? "none" : Format(next.Start, zone))}</td></tr>\n");
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

    private static void AppendChart(StringBuilder html, string sync, IReadOnlyList<AttemptReport> history, DateTimeOffset now, TimeZoneInfo zone)
    {
        const int barWidth = 28, height = 120, labelHeight = 28;
        var days = BytesPerDay(history, now, zone);
        long max = Math.Max(1, days.Max(d => d.Bytes));
        int width = barWidth * days.Count;
        html.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" id=\"chart-{Encode(sync)}\" role=\"img\" width=\"{width}\" height=\"{height + labelHeight}\" viewBox=\"0 0 {width} {height + labelHeight}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>Bytes uploaded per day, last {ChartDays} days</title>\n");
        for (int i = 0; i < days.Count; i++)
        {
            var (day, bytes) = days[i];
            int barHeight = (int)Math.Round((double)bytes / max * (height - 12));
            int x = i * barWidth;
            html.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x + 4}\" y=\"{height - barHeight}\" width=\"{barWidth - 8}\" height=\"{barHeight}\" data-day=\"{day:yyyy-MM-dd}\" data-bytes=\"{bytes}\"><title>{day:yyyy-MM-dd}: {bytes} bytes</title></rect>\n");
            html.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + barWidth / 2}\" y=\"{height + 14}\" text-anchor=\"middle\">{day:dd}</text>\n");
        }

        html.Append("</svg>\n");
    }

    private static void Row(StringBuilder html, string id, string label, string value, string? cssClass = null)
    {
        var classAttribute = cssClass is null ? "" : $" class=\"{Encode(cssClass)}\"";
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>{Encode(label)}</th><td data-field=\"{id}\"{classAttribute}>{Encode(value)}</td></tr>\n");
    }

    private static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    private static string FormatRate(double bytesPerSecond) =>
        (bytesPerSecond / (1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " MiB/s";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
