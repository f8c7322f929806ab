using System.Diagnostics;
using System.Runtime.Versioning;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Cli;

namespace SyncConfig.Runtime.Tests.Security;

/// <summary>
/// What the built executable writes for itself names hosts, paths, users and the mirror's files: on Unix every file
/// it creates in the state folder (run locks, last window), the status folder (reports, history, file lists, progress,
/// the page) and the repository's local state is mode 600, and every folder it creates for them is 700.
/// </summary>
[TestClass]
public sealed class PrivateFilesTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [UnsupportedOSPlatform("windows")]
    public async Task StateStatusProgressAndLocalStateFilesAreTheOwnersAlone()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out _, megabytes: 2);
        Assert.IsFalse(Directory.Exists(cli.StateFolder) || Directory.Exists(cli.StatusFolder), "the runtime is to create both folders");
        Assert.AreEqual(ExitCodes.Ok, cli.Run("sync", "DemoOffsite", "--now").ExitCode);

        // A second sync waits for a backup's lease, in the phase it has written to its progress file.
        var (computer, definition) = HostileDiskEndToEndTests.FirstDefinition(repository);
        var started = cli.Combine("backup-started");
        using var backup = cli.Start("lease", repository, $"{computer}/{definition}", "--", "sh", "-c", $"touch '{started}'; exec sleep 60");
        UnixFileMode? progressMode = null;
        try
        {
            WaitFor(() => File.Exists(started), "the backup's lease");
            var second = await cli.RunAsync(["sync", "DemoOffsite", "--now"], _ =>
            {
                var progress = Path.Combine(cli.StatusFolder, "DemoOffsite.progress.json");
                WaitFor(() => File.Exists(progress), "the progress file of the waiting sync");
                progressMode = File.GetUnixFileMode(progress);
                backup.Kill(entireProcessTree: true);
            });
            Assert.AreEqual(ExitCodes.Ok, second.ExitCode, second.ToString());
        }
        finally
        {
            if (!backup.HasExited)
                backup.Kill(entireProcessTree: true);
        }

        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, progressMode, "the progress file");
        var checkedEntries = new List<string>();
        foreach (var folder in new[] { cli.StateFolder, cli.StatusFolder, Path.Combine(repository, ".syncconfig", "state") })
        {
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder), folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file), file);
                checkedEntries.Add(Path.GetRelativePath(cli.WorkFolder, file));
            }
        }
        CollectionAssert.IsSubsetOf(new[] { "state/DemoOffsite.lock", "status/DemoOffsite.json", "status/index.html" }, checkedEntries,
            string.Join(", ", checkedEntries));
        TestContext.WriteLine($"private files: progress file and {checkedEntries.Count} files in 3 folders are 600, the folders 700: {string.Join(", ", checkedEntries)}");
    }

    /// <summary>
    /// A status page served by a web server running as another user: its owner opens the status folder to the web
    /// server's group (750), and the files written there become readable by that group (640), never by others. The
    /// state folder, left as the runtime made it, stays the owner's alone.
    /// </summary>
    [TestMethod]
    [UnsupportedOSPlatform("windows")]
    public void FilesInAStatusFolderOpenedToItsGroupAreReadableByThatGroupOnly()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out _, out _, megabytes: 1);
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Directory.CreateDirectory(cli.StatusFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        Assert.AreEqual(ExitCodes.Ok, cli.Run("sync", "DemoOffsite", "--now").ExitCode);

        var status = Directory.EnumerateFiles(cli.StatusFolder, "*", SearchOption.AllDirectories).ToList();
        CollectionAssert.IsSubsetOf(new[] { "DemoOffsite.json", "index.html" }, status.Select(Path.GetFileName).ToList());
        foreach (var file in status)
            Assert.AreEqual(owner | UnixFileMode.GroupRead, File.GetUnixFileMode(file), file);
        foreach (var file in Directory.EnumerateFiles(cli.StateFolder, "*", SearchOption.AllDirectories))
            Assert.AreEqual(owner, File.GetUnixFileMode(file), file);
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
                Assert.Fail($"{what} did not appear");
            Thread.Sleep(10);
        }
    }
}
