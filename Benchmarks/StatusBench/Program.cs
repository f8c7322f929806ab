using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using SyncConfig;
using SyncConfig.Catalog;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Cli;

// Usage: StatusBench fabricate WORK with-lists|summaries [SYNCS] [FILES]
//        StatusBench status WORK [SYNCS]
//        StatusBench run WORK [SYNCS] [SECONDS]
// 'fabricate' writes a status folder as a sync of FILES unchanged files leaves it, for SYNCS syncs: 'with-lists' in
// the layout that kept every path in <sync>.json, 'summaries' in the layout with the lists in <sync>.files.json.
// 'status' and 'run' are the real commands over a catalog of SYNCS Local Path syncs whose windows are closed (so
// only the status page is rewritten, as every minute); each prints its time and the process's memory.
var mode = args.ElementAtOrDefault(0) ?? "status";
var work = Path.GetFullPath(args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "syncconfig-status-bench"));
var syncs = int.Parse(args.ElementAtOrDefault(mode == "fabricate" ? 3 : 2) ?? "200", CultureInfo.InvariantCulture);
var config = Path.Combine(work, "appsettings.json");

switch (mode)
{
    case "fabricate":
        Fabricate(args[2] == "with-lists", int.Parse(args.ElementAtOrDefault(4) ?? "50000", CultureInfo.InvariantCulture));
        break;
    case "status":
    {
        var watch = Stopwatch.StartNew();
        var exit = await SyncConfigCommandLine.InvokeAsync(Context(), ["status", "--config", config], CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"status, {syncs} syncs: exit {exit}, {watch.Elapsed.TotalSeconds:N2} s, peak resident {Memory("VmHWM")} MB"));
        break;
    }
    case "run":
    {
        var seconds = int.Parse(args.ElementAtOrDefault(3) ?? "130", CultureInfo.InvariantCulture);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var run = SyncConfigCommandLine.InvokeAsync(Context(), ["run", "--config", config], stop.Token);
        var samples = new List<long>();
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(1000));
            samples.Add(Memory("VmRSS"));
        }
        var exit = await run;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run, {syncs} syncs, {seconds} s (page written at start and every minute): exit {exit}, resident at the end {samples[^2]} MB, " +
            $"largest sample {samples.Max()} MB, peak resident {Memory("VmHWM")} MB"));
        break;
    }
}

CliContext Context()
{
    // Windows that are closed now, so no sync starts and only the page is written.
    var start = (int)((DateTimeOffset.UtcNow.TimeOfDay.TotalMinutes + 120) % 1440);
    var window = new SyncWindowSpec(start, (start + 60) % 1440, SyncDays.Every);
    var registrations = Enumerable.Range(1, syncs).Select(i => new SyncRegistration(
        Name(i), null, new RepositoryRegistration("Repository" + i, Path.Combine(work, "repositories", "r" + i)), "Offsite",
        new LocalPathSettings(Path.Combine(work, "targets", "t" + i), null, null, null), window, false, false)).ToList();
    var catalog = new SyncCatalogList(registrations, registrations.Select(r => r.Repository).ToList());
    var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(TextWriter.Null) });
    return new CliContext(catalog, TextWriter.Null, Console.Error, terminal, TimeProvider.System);
}

void Fabricate(bool withLists, int files)
{
    if (Directory.Exists(work))
        Directory.Delete(work, recursive: true);
    var status = Path.Combine(work, "status");
    Directory.CreateDirectory(status);
    File.WriteAllText(config, """{ "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC" } }""");
    var paths = Enumerable.Range(0, files).Select(f => $"PC{f % 40:D4}/{f % 7:X16}/Image-{f:D6}-00.mrimg").ToList();
    var ended = DateTimeOffset.UtcNow.AddHours(-1);
    for (var i = 1; i <= syncs; i++)
    {
        using (var report = Writer(Path.Combine(status, Name(i) + ".json")))
        {
            report.WriteStartObject();
            report.WriteNumber("schemaVersion", 1);
            report.WriteString("sync", Name(i));
            report.WriteString("displayName", "offsite " + i);
            report.WriteString("destination", Path.Combine(work, "targets", "t" + i));
            report.WriteString("folderName", "Offsite");
            report.WriteString("window", "22:00-05:00 Every");
            report.WriteString("timeZone", "UTC");
            report.WritePropertyName("lastAttempt");
            Attempt(report, ended, files, withLists ? paths : null);
            report.WriteStartArray("forecast");
            report.WriteEndArray();
            report.WriteString("updatedAt", ended);
            report.WriteEndObject();
        }
        if (!withLists)
        {
            using var lists = Writer(Path.Combine(status, Name(i) + ".files.json"));
            lists.WriteStartObject();
            lists.WriteNumber("schemaVersion", 1);
            lists.WriteString("sync", Name(i));
            lists.WriteString("endedAt", ended);
            lists.WriteNumber("limit", 1000);
            foreach (var list in new[] { "filesUploaded", "filesDeleted" })
            {
                lists.WriteStartArray(list);
                lists.WriteEndArray();
            }
            lists.WriteStartArray("filesUnchanged");
            foreach (var path in paths.Take(1000))
                lists.WriteStringValue(path);
            lists.WriteEndArray();
            lists.WriteBoolean("truncated", true);
            lists.WriteEndObject();
        }
        using var history = Writer(Path.Combine(status, Name(i) + ".history.json"));
        history.WriteStartArray();
        for (var h = 0; h < 30; h++)
            Attempt(history, ended.AddDays(-h), files, null);
        history.WriteEndArray();
    }
    Console.WriteLine($"fabricated {syncs} syncs of {files:N0} files ({(withLists ? "paths in <sync>.json" : "summaries")}): " +
        $"{Directory.EnumerateFiles(status).Sum(f => new FileInfo(f).Length) / 1048576.0:N0} MB in {status}");
}

static void Attempt(Utf8JsonWriter writer, DateTimeOffset ended, int files, IReadOnlyList<string>? unchanged)
{
    writer.WriteStartObject();
    writer.WriteString("outcome", "Succeeded");
    writer.WriteString("trigger", "Window");
    writer.WriteString("startedAt", ended.AddMinutes(-2));
    writer.WriteString("endedAt", ended);
    writer.WriteNumber("durationSeconds", 120);
    writer.WriteNumber("bytesUploaded", 0);
    writer.WriteNumber("throughputBytesPerSecond", 0);
    writer.WriteNumber("filesUploadedCount", 0);
    writer.WriteNumber("filesDeletedCount", 0);
    writer.WriteNumber("filesUnchangedCount", files);
    if (unchanged is not null)
    {
        writer.WriteStartArray("filesUploaded");
        writer.WriteEndArray();
        writer.WriteStartArray("filesDeleted");
        writer.WriteEndArray();
        writer.WriteStartArray("filesUnchanged");
        foreach (var path in unchanged)
            writer.WriteStringValue(path);
        writer.WriteEndArray();
    }
    writer.WriteStartArray("errors");
    writer.WriteEndArray();
    writer.WriteNumber("retries", 0);
    writer.WriteEndObject();
}

static Utf8JsonWriter Writer(string path) => new(File.Create(path), new JsonWriterOptions { Indented = true });

static string Name(int i) => "Sync" + i.ToString("D3", CultureInfo.InvariantCulture);

// The kernel's account of this process's resident memory, in MB: VmRSS now, VmHWM its peak.
static long Memory(string field) =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).First();
