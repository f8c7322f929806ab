using System.Diagnostics;
using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>
/// The built executable against a target and a repository that someone has tampered with: links, FIFOs, overlapping
/// folders. The local side must never be turned against the repository or against files outside both.
/// </summary>
[TestClass]
public sealed class HostileDiskEndToEndTests
{
    [TestMethod]
    public void AMirrorFolderReplacedByALinkIntoTheRepositoryIsRefusedAndTheNewImageSurvives()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out var target);
        Assert.AreEqual(ExitCodes.Ok, cli.Run("sync", "DemoOffsite", "--now").ExitCode);
        var (computer, definition) = FirstDefinition(repository);
        var mirrorComputer = Path.Combine(target, "Demo", computer);
        Directory.Delete(mirrorComputer, recursive: true);
        Directory.CreateSymbolicLink(mirrorComputer, Path.Combine(repository, computer));
        var image = Path.Combine(repository, computer, definition, "new-incremental.mrimg");
        File.WriteAllBytes(image, new byte[10_000]);

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.SyncFailed, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "symbolic link", run.ToString());
        Assert.IsTrue(File.Exists(image), "the rollback deleted the new image from the repository: " + run);
    }

    [TestMethod]
    public void APlantedJournalCannotDeleteThroughALink()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out var target);
        Assert.AreEqual(ExitCodes.Ok, cli.Run("sync", "DemoOffsite", "--now").ExitCode);
        var (computer, definition) = FirstDefinition(repository);
        var mirrorComputer = Path.Combine(target, "Demo", computer);
        Directory.Delete(mirrorComputer, recursive: true);
        Directory.CreateSymbolicLink(mirrorComputer, Path.Combine(repository, computer));
        var victim = Directory.EnumerateFiles(Path.Combine(repository, computer, definition)).Order(StringComparer.Ordinal).First();
        var journal = new
        {
            format = 1, generation = 999, commitId = "planted", staged = Array.Empty<string>(),
            placed = new[] { $"{computer}/{definition}/{Path.GetFileName(victim)}" }, deleted = Array.Empty<string>(),
        };
        File.WriteAllText(Path.Combine(target, "Demo", ".syncconfig", "journal.json"), JsonSerializer.Serialize(journal));

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.IsTrue(File.Exists(victim), "the planted journal's rollback deleted a repository file: " + run);
        Assert.AreNotEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
    }

    [TestMethod]
    public void ALinkedMetadataFolderOnTheTargetDeletesNothingOutside()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out _, out var target);
        Assert.AreEqual(ExitCodes.Ok, cli.Run("sync", "DemoOffsite", "--now").ExitCode);
        var outside = cli.Combine("outside");
        var metadata = Path.Combine(target, "Demo", ".syncconfig");
        Directory.Move(metadata, outside);
        var kept = new[] { Path.Combine(outside, "tmp", "keep.txt"), Path.Combine(outside, "staging", "keep.txt") };
        foreach (var file in kept)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "not the sync's to delete");
        }
        Directory.CreateSymbolicLink(metadata, outside);

        var run = cli.Run("sync", "DemoOffsite", "--now");

        foreach (var file in kept)
            Assert.IsTrue(File.Exists(file), $"{file} outside the target was deleted: {run}");
        Assert.AreEqual(ExitCodes.SyncFailed, run.ExitCode, run.ToString());
    }

    [TestMethod]
    public void ALinkThroughAnotherLinkOutOfTheRepositoryIsNotUploaded()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out var target);
        var outside = cli.Combine("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "a file from outside the repository");
        var (computer, definition) = FirstDefinition(repository);
        Directory.CreateSymbolicLink(Path.Combine(repository, computer, "esc"), outside);
        File.CreateSymbolicLink(Path.Combine(repository, computer, definition, "leak.mrimg"), Path.Combine("..", "esc", "secret.txt"));

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
        var uploaded = Directory.EnumerateFiles(Path.Combine(target, "Demo"), "*", SearchOption.AllDirectories).ToList();
        Assert.IsFalse(uploaded.Any(f => f.EndsWith("leak.mrimg", StringComparison.Ordinal)), "the link through a link was uploaded");
        Assert.IsFalse(uploaded.Any(f => File.ReadAllText(f).Contains("from outside", StringComparison.Ordinal)), "outside content reached the target");
    }

    [TestMethod]
    [DataRow("inside", DisplayName = "target inside the repository")]
    [DataRow("same", DisplayName = "target folder is the repository")]
    [DataRow("link", DisplayName = "target is a link into the repository")]
    public void ATargetOverlappingTheRepositoryIsRefusedAtStartUpAndByTest(string layout)
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out _);
        string targetPath;
        switch (layout)
        {
            case "inside":
                targetPath = Path.Combine(repository, "offsite");
                Directory.CreateDirectory(targetPath);
                break;
            case "same":
                // The demo's folder name is Demo: a repository called Demo inside the target path is the target folder.
                var parent = cli.Combine("parent");
                Directory.CreateDirectory(parent);
                Directory.Move(repository, Path.Combine(parent, "Demo"));
                cli.Environment[DemoCommand.RepositoryVariable] = Path.Combine(parent, "Demo");
                repository = Path.Combine(parent, "Demo");
                targetPath = parent;
                break;
            default:
                targetPath = cli.Combine("usb");
                Directory.CreateSymbolicLink(targetPath, repository);
                break;
        }
        cli.Environment[DemoCommand.TargetVariable] = targetPath;
        var before = Files(repository);

        var sync = cli.Run("sync", "DemoOffsite", "--now");
        var test = cli.Run("test", "DemoOffsite");

        Assert.AreEqual(ExitCodes.InvalidConfiguration, sync.ExitCode, sync.ToString());
        StringAssert.Contains(sync.Error, "overlap", sync.ToString());
        Assert.AreEqual(ExitCodes.InvalidConfiguration, test.ExitCode, test.ToString());
        CollectionAssert.AreEquivalent(before, Files(repository), "the repository was changed");
    }

    [TestMethod]
    public async Task AFIFOInTheRepositoryIsSkippedAndReportedInsteadOfHangingTheSync()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out var target);
        var (computer, definition) = FirstDefinition(repository);
        var fifo = Path.Combine(repository, computer, definition, "pipe.mrimg");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
            await mkfifo.WaitForExitAsync();
        Assert.IsTrue(File.Exists(fifo), "mkfifo failed");

        var run = await cli.RunAsync(["sync", "DemoOffsite", "--now"]);

        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "pipe.mrimg' is not a regular file", run.ToString());
        Assert.IsFalse(File.Exists(Path.Combine(target, "Demo", computer, definition, "pipe.mrimg")));
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.StatusFolder, "DemoOffsite.json"))).RootElement;
        Assert.AreEqual(1, report.GetProperty("lastAttempt").GetProperty("skipped").GetArrayLength());
    }

    [TestMethod]
    public async Task AFileNameThatIsNotUTF8IsSkippedAndReportedAndTheRestIsSynced()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out var target);
        var (computer, definition) = FirstDefinition(repository);
        var folder = Path.Combine(repository, computer, definition);
        // Latin-1 bytes from an old NAS: 0xE9 alone is no UTF-8.
        using (var touch = new Process { StartInfo = new ProcessStartInfo("sh", ["-c", "touch \"$(printf 'caf\\351.mrimg')\""]) { WorkingDirectory = folder } })
        {
            touch.Start();
            await touch.WaitForExitAsync();
        }
        Assert.IsTrue(Directory.EnumerateFiles(folder).Any(f => f.Contains('\uFFFD', StringComparison.Ordinal)), "no file with a non-UTF-8 name was made");

        var run = await cli.RunAsync(["sync", "DemoOffsite", "--now"]);

        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "not valid UTF-8", run.ToString());
        var synced = Directory.EnumerateFiles(Path.Combine(target, "Demo"), "*", SearchOption.AllDirectories).Count(f => !f.Contains(".syncconfig", StringComparison.Ordinal));
        Assert.AreEqual(Files(repository).Count - 1, synced, "every other file reached the target");
    }

    [TestMethod]
    public void ACraftedRemoteManifestIsReportedAsCorruptedWithReinitializeAsTheWayOut()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out _);
        Assert.AreEqual(ExitCodes.Ok, cli.Run("sync", "DemoOffsite", "--now").ExitCode);
        var manifests = Path.Combine(cli.Combine("offsite"), "Demo", ".syncconfig", "manifests");
        var id = File.ReadAllText(Path.Combine(repository, ".syncconfig", "id")).Trim();
        var crafted = new
        {
            format = 1, repositoryId = id, generation = 7, commitId = "crafted", committedAt = DateTimeOffset.UnixEpoch,
            files = new[] { new { path = "../../outside.txt", length = 1, modifiedTicks = 0, sha256 = "" } },
        };
        File.WriteAllText(Path.Combine(manifests, "00000000000000000007-crafted.json"), JsonSerializer.Serialize(crafted));

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.SyncFailed, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "is corrupted", run.ToString());
        StringAssert.Contains(run.Error, "reinitialize", run.ToString());
        Assert.AreEqual(ExitCodes.Ok, cli.Run("reinitialize", "DemoOffsite").ExitCode, "reinitialize is the way out");
        Assert.AreEqual(ExitCodes.Ok, cli.Run("sync", "DemoOffsite", "--now").ExitCode);
    }

    internal static (string Computer, string Definition) FirstDefinition(string repository)
    {
        var definition = Directory.EnumerateDirectories(repository)
            .Where(d => Path.GetFileName(d) != ".syncconfig")
            .SelectMany(Directory.EnumerateDirectories)
            .Order(StringComparer.Ordinal)
            .First();
        return (Path.GetFileName(Path.GetDirectoryName(definition)!), Path.GetFileName(definition));
    }

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".syncconfig", StringComparison.Ordinal)).ToList();
}
