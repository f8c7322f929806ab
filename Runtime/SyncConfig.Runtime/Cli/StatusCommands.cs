using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SyncConfig.Catalog;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Progress;
using SyncConfig.Runtime.Status;
using SyncConfig.Runtime.Storage;

namespace SyncConfig.Runtime.Cli;

/// <summary>The read-only commands: <c>list</c> and <c>status</c>. They need no <c>$(NAME)</c> values.</summary>
public static class StatusCommands
{
    public static Command List(CliContext context)
    {
        var command = new Command("list", "List the defined syncs: class name, custom name, destination, folder, window, repository (as written).");
        command.SetAction(_ =>
        {
            var rows = context.Catalog.Syncs
                .Select(s => new[] { s.Name, string.IsNullOrWhiteSpace(s.CustomName) ? "-" : s.CustomName!, s.Destination.DisplayPath, s.FolderName, s.Window.ToString(), s.Repository.Path, Options(s) })
                .ToList();
            WriteTable(context.Out, ["NAME", "CUSTOM NAME", "DESTINATION", "FOLDER", "WINDOW", "REPOSITORY", "OPTIONS"], rows);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Status(CliContext context)
    {
        var name = new Argument<string?>("name") { Description = "One sync (class name or custom name, ignoring case); all syncs when left out.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the status report(s) as JSON (the schema of the status files)." };
        var command = new Command("status", "Show the last result, any running sync's progress and the forecast of the next windows.") { name, json };
        command.SetAction(parsed =>
        {
            var selected = parsed.GetValue(name);
            IReadOnlyList<SyncRegistration> syncs = context.Catalog.Syncs;
            if (selected is not null)
            {
                if (context.Catalog.Find(selected) is not { } one)
                    return context.UnknownSync(selected);
                syncs = [one];
            }

            var configuration = RuntimeConfiguration.Load(parsed.GetValue(SyncConfigCommandLine.ConfigOption), readSecrets: false);
            // Status reads files only; a broken setting may still point it at the wrong folder, so say so.
            foreach (var problem in configuration.Problems.Concat(configuration.Warnings))
                context.Error.WriteLine("warning: " + problem);
            var publisher = context.Publisher(configuration);
            var reports = syncs.Select(publisher.Describe).ToList();
            if (parsed.GetValue(json))
            {
                var text = selected is null
                    ? JsonSerializer.Serialize(reports, JsonFiles.Types.ListSyncStatusReport)
                    : JsonSerializer.Serialize(reports[0], JsonFiles.Types.SyncStatusReport);
                // Line by line: the console writer shows a line break inside one write as \n. JSON escapes its own strings.
                foreach (var line in text.Split('\n'))
                    context.Out.WriteLine(line.TrimEnd('\r'));
                return ExitCodes.Ok;
            }

            foreach (var (report, registration) in reports.Zip(syncs))
                WriteReport(context.Out, report, configuration.TimeZone, Scheduling.WindowText.Describe(registration.Window), context.Transports.Unavailable(registration.Destination));
            context.Out.WriteLine("Status page: " + publisher.Store.PagePath);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteReport(TextWriter output, SyncStatusReport report, TimeZoneInfo zone, string windowText, string? cannotRun)
    {
        string Time(DateTimeOffset instant) =>
            TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

        output.WriteLine($"{report.Sync} ({report.DisplayName}) -> {report.Destination} / {report.FolderName}, window {windowText}");
        if (cannotRun is not null)
            output.WriteLine("  CANNOT RUN IN THIS BUILD: " + cannotRun);
        foreach (var problem in report.Problems ?? [])
            output.WriteLine("  NOT SCHEDULED: configuration problem: " + problem);
        if (report.LastAttempt is { } last)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  last result: {last.Outcome} ({last.Trigger}), {Time(last.StartedAt)} to {Time(last.EndedAt)}; {ProgressText.Bytes(last.BytesUploaded)} uploaded; " +
                $"files {last.FilesUploadedCount} uploaded, {last.FilesDeletedCount} deleted, {last.FilesUnchangedCount} unchanged; {last.Retries} retries"));
            foreach (var error in last.Errors)
                output.WriteLine("  error: " + error);
        }
        else
        {
            output.WriteLine("  last result: never run");
        }

        if (report.Active is { } active)
        {
            var progress = new Engine.Results.SyncProgress(active.Phase, active.BytesDone, active.BytesTotal, active.FilesDone, active.FilesTotal, active.CurrentFile);
            output.WriteLine("  running: " + ProgressText.Format(report.Sync, progress, active.UpdatedAt - active.StartedAt));
        }

        foreach (var window in report.Forecast)
            output.WriteLine($"  window: {Time(window.Start)} to {Time(window.End)}");
    }

    private static string Options(SyncRegistration sync) =>
        string.Join(",", new[] { sync.PerFolderUpload ? "PerFolderUpload" : null, sync.AllowBackupsDuringSync ? "AllowBackupsDuringSync" : null }.OfType<string>());

    private static void WriteTable(TextWriter output, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
    }
}
