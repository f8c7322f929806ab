using System.Diagnostics;
using System.Globalization;
using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Transports;
using SyncConfig.Transports.LocalPath;

// Usage: EngineBench many-files|large-files WORKDIR [FILES]
// Builds a repository in WORKDIR, then times cp -r, rclone sync (when installed), the engine's first sync and a
// no-change sync, all to local folders in the same run. Each scenario runs in its own process so that the peak
// memory reported is that scenario's own.
var scenario = args.ElementAtOrDefault(0) ?? "many-files";
var work = Path.GetFullPath(args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "syncconfig-bench"));
var fileCount = int.Parse(args.ElementAtOrDefault(2) ?? "100000", CultureInfo.InvariantCulture);
var repository = Path.Combine(work, "repo");
var targets = Path.Combine(work, "targets");
if (Directory.Exists(work))
    Directory.Delete(work, recursive: true);
Directory.CreateDirectory(targets);

var (files, bytes) = scenario == "large-files" ? BuildLarge(repository) : BuildMany(repository, fileCount);
var megabytes = bytes / 1048576.0;
Console.WriteLine($"{scenario}: {files:N0} files, {megabytes:N0} MB");

var cp = Time(() => Run("cp", "-r", repository, Path.Combine(targets, "cp")));
Report("cp -r", cp);
if (Which("rclone"))
    Report("rclone sync", Time(() => Run("rclone", "sync", "--transfers", "4", "--checkers", "8", repository, Path.Combine(targets, "rclone"))));
else
    Console.WriteLine("  rclone sync: not installed (bash scripts/prerequisites.sh bench)");

var engineTarget = Path.Combine(targets, "engine");
Directory.CreateDirectory(engineTarget);
var engine = new SyncEngine();
var job = new SyncJob("bench", repository, "Offsite");
var first = await Sync();
Report("engine first sync", first.Duration);
Console.WriteLine($"  engine first sync vs cp -r: {cp.TotalSeconds / first.Duration.TotalSeconds:P0} of cp's throughput");
var afterFirst = Process.GetCurrentProcess().PeakWorkingSet64;
var again = await Sync();
Console.WriteLine($"  engine no-change sync: {again.Duration.TotalSeconds:N2} s ({again.FilesUnchanged.Count:N0} unchanged, {again.FilesUploaded.Count} uploaded)");
Console.WriteLine($"  peak memory after the first sync: {afterFirst / 1048576.0:N0} MB");
Console.WriteLine($"  peak memory (this process, working set): {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
Directory.Delete(work, recursive: true);

async Task<SyncResult> Sync()
{
    Run("sync");
    var watch = Stopwatch.StartNew();
    var result = await engine.SyncAsync(job, new LocalPathTransport(engineTarget), null, default);
    Run("sync");
    if (result.Outcome != SyncOutcome.Succeeded)
        throw new InvalidOperationException(string.Join("; ", result.Errors));
    return result with { EndedAt = result.StartedAt + watch.Elapsed };
}

void Report(string what, TimeSpan took) =>
    Console.WriteLine($"  {what}: {took.TotalSeconds:N2} s, {files / took.TotalSeconds:N0} files/s, {megabytes / took.TotalSeconds:N0} MB/s");

// Every copy starts with no dirty pages of an earlier one and ends when its data is on the disk, so none of the
// tools is timed against the page cache while another pays for the writeback.
static TimeSpan Time(Action action)
{
    Run("sync");
    var watch = Stopwatch.StartNew();
    action();
    Run("sync");
    return watch.Elapsed;
}

static void Run(string command, params string[] arguments)
{
    using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
    var errors = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"{command} failed: {errors.Result}");
}

static bool Which(string command) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(p => File.Exists(Path.Combine(p, command)));

// 100,000 small files: 50 computers x 4 backup definitions, 1 byte to 4 KB each.
static (int, long) BuildMany(string root, int count)
{
    var random = new Random(1);
    var buffer = new byte[4096];
    long total = 0;
    for (var i = 0; i < count; i++)
    {
        var folder = Path.Combine(root, $"PC{i % 50:D2}", $"DEF{i / 50 % 4}");
        if (i < 200)
            Directory.CreateDirectory(folder);
        var length = random.Next(1, buffer.Length + 1);
        random.NextBytes(buffer.AsSpan(0, length));
        File.WriteAllBytes(Path.Combine(folder, $"inc-{i:D6}.mrimg"), buffer.AsSpan(0, length).ToArray());
        total += length;
    }
    return (count, total);
}

// A few large files: three 400 MB images, written in 1 MB blocks.
static (int, long) BuildLarge(string root)
{
    var random = new Random(2);
    var block = new byte[1 << 20];
    long total = 0;
    for (var i = 0; i < 3; i++)
    {
        var folder = Path.Combine(root, $"PC{i:D2}", "DEF0");
        Directory.CreateDirectory(folder);
        using var file = File.Create(Path.Combine(folder, "full.mrimg"));
        for (var mb = 0; mb < 400; mb++)
        {
            random.NextBytes(block);
            file.Write(block);
            total += block.Length;
        }
    }
    return (3, total);
}
