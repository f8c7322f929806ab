using SyncConfig.Catalog;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Scheduling;
using SyncConfig.Runtime.Storage;

namespace SyncConfig.Runtime.Status;

/// <summary>Turns attempts into status files and keeps the page for all syncs current.</summary>
/// <param name="stateFolder">Where the syncs' run locks are, which tell a running sync; null to go by process ID only.</param>
/// <param name="cannotRun">Why this build cannot run a sync (its destination has no transport here), or null.</param>
public sealed class StatusPublisher(
    StatusStore store, ISyncCatalog catalog, TimeZoneInfo zone, TimeProvider clock, string? stateFolder = null, Func<SyncRegistration, string?>? cannotRun = null)
{
    /// <summary>How many window occurrences a status report forecasts.</summary>
    public const int ForecastLength = 3;

    public StatusStore Store { get; } = store;

    /// <param name="files">The attempt's file lists, when it got as far as having any.</param>
    public void RecordAttempt(ResolvedSync sync, AttemptReport attempt, AttemptFiles? files = null)
    {
        // Resolved names and paths may be built from references; whatever a secret reached is masked.
        var scrubber = new SecretScrubber(sync.SecretValues);
        attempt = attempt with { Errors = attempt.Errors.Select(scrubber.Scrub).ToList(), Recovery = attempt.Recovery is null ? null : scrubber.Scrub(attempt.Recovery) };
        var report = Describe(sync.Registration) with
        {
            DisplayName = scrubber.Scrub(sync.DisplayName),
            Destination = scrubber.Scrub(sync.Destination.DisplayPath),
            FolderName = scrubber.Scrub(sync.FolderName),
            LastAttempt = attempt,
            Active = null,
            Problems = null, // it resolved and ran, so whatever kept it out of the scheduler is fixed
        };
        if (files is not null)
            Store.WriteFiles(files);
        Store.WriteReport(report);
        Store.AppendHistory(sync.Name, attempt);
        WritePage();
    }

    /// <summary>
    /// Records why the scheduler leaves <paramref name="registration"/> out (null: it is scheduled), so the status page
    /// and <c>status</c> show it. Writes only when that changes.
    /// </summary>
    public void RecordProblems(SyncRegistration registration, IReadOnlyList<string>? problems)
    {
        var written = Store.ReadReport(registration.Name);
        if (problems is null && written?.Problems is null)
            return;
        Store.WriteReport(Describe(registration) with { Active = null, Problems = problems });
    }

    /// <summary>A sync's status now: its last report with a fresh forecast and any active run.</summary>
    public SyncStatusReport Describe(SyncRegistration registration)
    {
        var now = clock.GetUtcNow();
        var calendar = new SyncWindowCalendar(registration.Window, zone);
        var forecast = calendar.Forecast(now, ForecastLength).Select(o => new WindowReport(o.Day, o.Start, o.End)).ToList();
        var written = Store.ReadReport(registration.Name);
        return new SyncStatusReport
        {
            Sync = registration.Name,
            DisplayName = written?.DisplayName ?? registration.DisplayName,
            Destination = written?.Destination ?? registration.Destination.DisplayPath,
            FolderName = written?.FolderName ?? registration.FolderName,
            Window = registration.Window.ToString(),
            TimeZone = zone.Id,
            LastAttempt = written?.LastAttempt,
            Active = Store.ReadProgress(registration.Name, stateFolder is null ? null : SyncLock.IsHeld(stateFolder, registration.Name)),
            Forecast = forecast,
            Problems = written?.Problems,
            UpdatedAt = now,
        };
    }

    public void WritePage()
    {
        var entries = catalog.Syncs
            .Select(s => new StatusPageEntry(Describe(s), Store.ReadHistory(s.Name), s.Window, cannotRun?.Invoke(s)))
            .ToList();
        AtomicFile.WriteAllText(Store.PagePath, StatusPage.Render(entries, clock.GetUtcNow(), zone));
    }
}
