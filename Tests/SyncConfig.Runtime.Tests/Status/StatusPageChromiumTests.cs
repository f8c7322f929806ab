using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SyncConfig.Catalog;
using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Status;
using SyncConfig.Runtime.Storage;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Status;

/// <summary>The status page as a browser shows it: loads without console errors and shows the values of the JSON files.</summary>
[TestClass]
public sealed class StatusPageChromiumTests
{
    [TestMethod]
    public void PageLoadsWithoutConsoleErrorsAndShowsTheJsonValues()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z"));
        var nightly = Registrations.LocalPath("Nightly", "/srv/backups/main", "/mnt/usb", window: new SyncWindowSpec(22 * 60, 5 * 60, SyncDays.Weekdays));
        var cloud = Registrations.LocalPath("Cloud", "/srv/backups/main", "/mnt/cloud");
        var never = Registrations.LocalPath("NeverRun", "/srv/backups/main", "/mnt/never");
        var publisher = new StatusPublisher(new StatusStore(folder.Path, 20), new SyncCatalogList([nightly, cloud, never], []), TimeZoneInfo.Utc, clock);
        publisher.RecordAttempt(Resolved(nightly), Attempts.Of("Nightly", SyncOutcome.Succeeded, DateTimeOffset.Parse("2026-11-24T22:00:00Z"), 3_000_000));
        publisher.RecordAttempt(Resolved(nightly), Attempts.Of("Nightly", SyncOutcome.Succeeded, DateTimeOffset.Parse("2026-11-25T22:00:00Z"), 5_000_000));
        publisher.RecordAttempt(Resolved(cloud), Attempts.Of("Cloud", SyncOutcome.Failed, DateTimeOffset.Parse("2026-11-26T09:00:00Z"), 1234, "Remote server ID does not match this repository"));

        var (dom, console) = HeadlessChromium.Load(publisher.Store.PagePath);

        Assert.IsEmpty(console, string.Join("\n", console));
        foreach (var sync in new[] { "Nightly", "Cloud" })
        {
            var report = JsonSerializer.Deserialize(File.ReadAllText(publisher.Store.ReportPath(sync)), JsonFiles.Types.SyncStatusReport)!;
            var last = report.LastAttempt!;
            Assert.AreEqual(report.Sync, HeadlessChromium.Field(dom, sync, "sync"));
            Assert.AreEqual(last.Outcome.ToString(), HeadlessChromium.Field(dom, sync, "outcome"));
            Assert.AreEqual(SyncConfig.Runtime.Progress.ProgressText.Bytes(last.BytesUploaded), HeadlessChromium.Field(dom, sync, "bytes-uploaded"));
            StringAssert.Contains(dom, $"data-field=\"bytes-uploaded\" data-value=\"{last.BytesUploaded.ToString(CultureInfo.InvariantCulture)}\"");
            Assert.AreEqual($"{last.FilesUploadedCount} / {last.FilesDeletedCount} / {last.FilesUnchangedCount}", HeadlessChromium.Field(dom, sync, "files"));
            Assert.AreEqual(last.Retries.ToString(CultureInfo.InvariantCulture), HeadlessChromium.Field(dom, sync, "retries"));
        }

        Assert.AreEqual("weekdays 22:00–05:00", HeadlessChromium.Field(dom, "Nightly", "window"));
        Assert.AreEqual("every day, all day", HeadlessChromium.Field(dom, "Cloud", "window"));
        Assert.AreEqual("4.8 MiB", HeadlessChromium.Field(dom, "Nightly", "bytes-uploaded"));
        // One unit on the chart's axis, chosen by its largest day (5,000,000 bytes), with its scale.
        StringAssert.Contains(dom, "data-axis=\"unit\">MiB per day<");
        StringAssert.Contains(dom, "data-axis=\"max\">4.8 MiB<");

        Assert.AreEqual("Remote server ID does not match this repository", HeadlessChromium.Field(dom, "Cloud", "error"));
        Assert.AreEqual("never run", HeadlessChromium.Field(dom, "NeverRun", "outcome"));
        // Thursday noon: the next weekday window opens tonight at 22:00.
        StringAssert.StartsWith(HeadlessChromium.Field(dom, "Nightly", "next-window"), "2026-11-26 22:00:00 +00:00");
        StringAssert.Contains(dom, "data-day=\"2026-11-25\" data-bytes=\"5000000\"");
        StringAssert.Contains(dom, "data-day=\"2026-11-24\" data-bytes=\"3000000\"");
    }

    [TestMethod]
    public void AnOpenWindowIsShownAsOpenAndASyncThisBuildCannotRunIsMarked()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T23:00:00Z"));
        var nightly = Registrations.LocalPath("Nightly", "/srv/backups/main", "/mnt/usb", window: new SyncWindowSpec(22 * 60, 5 * 60, SyncDays.Weekdays));
        var share = Registrations.LocalPath("Share", "/srv/backups/main", "/mnt/share");
        var publisher = new StatusPublisher(new StatusStore(folder.Path, 20), new SyncCatalogList([nightly, share], []), TimeZoneInfo.Utc, clock,
            cannotRun: s => s.Name == "Share" ? "The Windows network share transport is not available in this build yet." : null);
        publisher.RecordAttempt(Resolved(share), Attempts.Of("Share", SyncOutcome.Succeeded, DateTimeOffset.Parse("2026-11-20T22:00:00Z"), 2048));
        var screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

        var (dom, console) = HeadlessChromium.Load(publisher.Store.PagePath);
        HeadlessChromium.Screenshot(publisher.Store.PagePath, Path.Combine(screenshots, "status-page.png"));

        Assert.IsEmpty(console, string.Join("\n", console));
        // As 'status' lists the forecast: the window open since 22:00 is the current one, not skipped for tomorrow's.
        Assert.AreEqual("open now, until 2026-11-27 05:00:00 +00:00", HeadlessChromium.Field(dom, "Nightly", "next-window"));
        Assert.AreEqual("The Windows network share transport is not available in this build yet.", HeadlessChromium.Field(dom, "Share", "cannot-run"));
        Assert.AreEqual("none: this build cannot run it", HeadlessChromium.Field(dom, "Share", "next-window"));
        Assert.DoesNotContain("id=\"chart-Share\"", dom, "no empty chart for a sync that cannot run");
        StringAssert.Contains(dom, ">cannot run in this build<");
        StringAssert.Contains(dom, "data-axis=\"empty\">nothing uploaded in the last 14 days<");
        Assert.IsTrue(File.Exists(Path.Combine(screenshots, "status-page.png")), "a screenshot for review");
    }

    [TestMethod]
    [DataRow(0L, "B")]
    [DataRow(1023L, "B")]
    [DataRow(5_000_000L, "MiB")]
    [DataRow(3L << 30, "GiB")]
    public void TheChartUnitFollowsItsLargestDay(long max, string unit) => Assert.AreEqual(unit, StatusPage.ChartUnit(max).Name);

    [TestMethod]
    public void ConsoleCheckCatchesAPageWithErrors()
    {
        // The check above passes only because the page is clean, not because errors go unseen.
        using var folder = new TempFolder();
        var page = folder.Combine("broken.html");
        File.WriteAllText(page, """
            <!DOCTYPE html><html><head><link rel="stylesheet" href="https://127.0.0.1:9/missing.css"></head>
            <body><script>undefinedFunction();</script></body></html>
            """);

        var (_, console) = HeadlessChromium.Load(page);

        Assert.IsTrue(console.Any(m => m.Contains("undefinedFunction", StringComparison.Ordinal)), string.Join("\n", console));
    }

    private static ResolvedSync Resolved(SyncRegistration registration) =>
        new(registration, registration.Repository.Path, registration.FolderName, registration.CustomName, registration.Destination, []);
}
