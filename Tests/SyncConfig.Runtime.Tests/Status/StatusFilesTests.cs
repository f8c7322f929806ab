using Microsoft.Extensions.Time.Testing;
using SyncConfig.Engine.Results;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Status;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Status;

[TestClass]
public sealed class StatusFilesTests
{
    [TestMethod]
    public void HistoryKeepsTheNewestAttemptsUpToItsLength()
    {
        using var folder = new TempFolder();
        var store = new StatusStore(folder.Path, historyLength: 3);
        var start = DateTimeOffset.Parse("2026-11-20T22:00:00Z");

        for (int day = 0; day < 5; day++)
            store.AppendHistory("Nightly", Attempts.Of("Nightly", SyncOutcome.Succeeded, start.AddDays(day), day));

        var history = store.ReadHistory("Nightly");
        CollectionAssert.AreEqual(new long[] { 4, 3, 2 }, history.Select(a => a.BytesUploaded).ToArray());
        Assert.DoesNotContain("filesUploaded\"", File.ReadAllText(store.HistoryPath("Nightly")), "the history keeps counts, not file lists");
        Assert.AreEqual(2, history[0].FilesUploadedCount);
    }

    [TestMethod]
    public void ReportRecordsPathsAndLeavesNoTemporaryFiles()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z"));
        var sync = Registrations.LocalPath("Nightly", "/srv/backups/main", "/mnt/usb");
        var publisher = new StatusPublisher(new StatusStore(folder.Path, 10), new SyncCatalogList([sync], []), TimeZoneInfo.Utc, clock);

        var result = Attempts.Result("Nightly", SyncOutcome.Succeeded, DateTimeOffset.Parse("2026-11-26T02:00:00Z"), 42);
        publisher.RecordAttempt(new ResolvedSync(sync, "/srv/backups/main", "Site", null, sync.Destination, []),
            AttemptReport.From(result, AttemptTrigger.Window, null), AttemptFiles.From(result));

        var report = publisher.Store.ReadReport("Nightly")!;
        var files = publisher.Store.ReadFiles("Nightly")!;
        CollectionAssert.AreEqual(new[] { "PC01/AAAA/AAAA-00-00.mrimg", "PC01/AAAA/AAAA-01-00.mrimg" }, files.FilesUploaded.ToArray());
        CollectionAssert.AreEqual(new[] { "PC02/BBBB/BBBB-00-00.mrimg" }, files.FilesDeleted.ToArray());
        Assert.AreEqual(3, report.LastAttempt!.FilesUnchangedCount);
        Assert.AreEqual("/mnt/usb", report.Destination);
        CollectionAssert.AreEquivalent(
            new[] { "Nightly.json", "Nightly.history.json", "Nightly.files.json", "index.html" },
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void ALargeNoChangeSyncKeepsItsPathsOutOfTheReportAndBoundsTheFileLists()
    {
        using var folder = new TempFolder();
        var sync = Registrations.LocalPath("Nightly", "/srv/backups/main", "/mnt/usb");
        var publisher = new StatusPublisher(new StatusStore(folder.Path, 10), new SyncCatalogList([sync], []), TimeZoneInfo.Utc, TimeProvider.System);
        var unchanged = Enumerable.Range(0, 50_000).Select(i => $"PC{i % 40:D4}/{i % 7:X16}/Image-{i:D6}-00.mrimg").ToList();
        var result = Attempts.Result("Nightly", SyncOutcome.Succeeded, DateTimeOffset.UtcNow, 0) with { FilesUploaded = [], FilesDeleted = [], FilesUnchanged = unchanged };

        publisher.RecordAttempt(new ResolvedSync(sync, "/srv/backups/main", "Site", null, sync.Destination, []),
            AttemptReport.From(result, AttemptTrigger.Window, null), AttemptFiles.From(result));

        Assert.IsLessThan(4_096, new FileInfo(publisher.Store.ReportPath("Nightly")).Length, "the report carries no paths");
        Assert.AreEqual(50_000, publisher.Store.ReadReport("Nightly")!.LastAttempt!.FilesUnchangedCount);
        var files = publisher.Store.ReadFiles("Nightly")!;
        Assert.HasCount(AttemptFiles.MaxPaths, files.FilesUnchanged);
        Assert.IsTrue(files.Truncated);
    }

    [TestMethod]
    public void BytesPerDaySumsAttemptsByLocalDay()
    {
        var now = DateTimeOffset.Parse("2026-11-26T12:00:00Z");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 23:30 UTC on the 24th ends (10 minutes later) on the 25th in Berlin.
        var history = new[]
        {
            Attempts.Of("S", SyncOutcome.Succeeded, DateTimeOffset.Parse("2026-11-24T23:30:00Z"), 100),
            Attempts.Of("S", SyncOutcome.Failed, DateTimeOffset.Parse("2026-11-25T10:00:00Z"), 20),
            Attempts.Of("S", SyncOutcome.Succeeded, DateTimeOffset.Parse("2026-11-01T10:00:00Z"), 999),
        };

        var days = StatusPage.BytesPerDay(history, now, berlin);

        Assert.HasCount(StatusPage.ChartDays, days);
        Assert.AreEqual(new DateOnly(2026, 11, 26), days[^1].Day);
        Assert.AreEqual(120, days.Single(d => d.Day == new DateOnly(2026, 11, 25)).Bytes);
        Assert.AreEqual(120, days.Sum(d => d.Bytes), "an attempt older than the chart is not shown");
    }

    [TestMethod]
    public void PageEscapesNamesAndLoadsNothingFromOutside()
    {
        var report = new SyncStatusReport
        {
            Sync = "X", DisplayName = "<script>alert(1)</script>", Destination = "/mnt/a&b", FolderName = "Site",
            Window = "00:00-24:00 Every", TimeZone = "UTC", UpdatedAt = DateTimeOffset.UnixEpoch,
        };

        var html = StatusPage.Render([new StatusPageEntry(report, [])], DateTimeOffset.Parse("2026-11-26T12:00:00Z"), TimeZoneInfo.Utc);

        Assert.DoesNotContain("<script>", html);
        StringAssert.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
        StringAssert.Contains(html, "/mnt/a&amp;b");
        Assert.DoesNotContain("src=", html);
        Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(html, "href=\"[^#]"), "links only within the page");
    }
}
