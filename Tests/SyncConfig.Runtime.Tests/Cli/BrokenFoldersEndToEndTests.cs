using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Status;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>
/// The built executable with lock, state and status folders it cannot use: each is an error that says what to fix,
/// never "busy" or "waiting" forever, never a crash.
/// </summary>
[TestClass]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BrokenFoldersEndToEndTests
{
    [TestMethod]
    public async Task AnUnreadableGateLockIsAnErrorNotWaitingForBackupsForever()
    {
        using var cli = LeaseEndToEndTests.RepositoryWithId(out var repository);
        var gate = Path.Combine(repository, ".syncconfig", "leases", "gate.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(gate)!);
        File.WriteAllText(gate, "");
        cli.RunAsUnprivilegedUser();
        SyncConfigProcess.ChangeOwner(gate, 0);
        File.SetUnixFileMode(gate, UnixFileMode.None);

        var run = await cli.RunAsync(["sync", "DemoOffsite", "--now"]);

        Assert.AreEqual(ExitCodes.SyncFailed, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "gate.lock' cannot be opened: permission denied", run.ToString());
    }

    [TestMethod]
    public async Task ALeaseFolderNameTooLongForTheFileSystemIsAnErrorNotAWait()
    {
        using var cli = LeaseEndToEndTests.RepositoryWithId(out _);
        var marker = cli.Combine("backup-ran");

        var run = await cli.RunAsync(["lease", "DemoRepository", "PC01/" + new string('A', 300), "--", "touch", marker]);

        // Refused as an argument by the path rule every name read from a target meets too, before the file system is asked.
        Assert.AreEqual(ExitCodes.UsageError, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "has 300 characters, more than 255", run.ToString());
        Assert.IsFalse(File.Exists(marker), "the backup ran without a lease");
    }

    [TestMethod]
    [DataRow("StateFolder", "sync", DisplayName = "read-only state folder, sync --now")]
    [DataRow("StatusFolder", "sync", DisplayName = "read-only status folder, sync --now")]
    [DataRow("StateFolder", "run", DisplayName = "read-only state folder, run")]
    public async Task AReadOnlyStateOrStatusFolderIsAConfigurationProblemAtStartUp(string setting, string command)
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out _, out var target);
        foreach (var name in new[] { "NAS_PASSWORD", "SFTP_PASSWORD", "FTPS_PASSWORD", "WASABI_KEY", "WASABI_SECRET", "MINIO_KEY", "MINIO_SECRET" })
            cli.Environment[name] = "run-secret-" + name.ToLowerInvariant();
        var folder = setting == "StateFolder" ? cli.StateFolder : cli.StatusFolder;
        Directory.CreateDirectory(folder);
        cli.RunAsUnprivilegedUser();
        SyncConfigProcess.ChangeOwner(folder, 0);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var run = await cli.RunAsync(command == "run" ? ["run"] : ["sync", "DemoOffsite", "--now"]);

        Assert.AreEqual(ExitCodes.InvalidConfiguration, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, $"SyncConfig:{setting} '{folder}' cannot be written", run.ToString());
        Assert.IsFalse(Directory.Exists(Path.Combine(target, "Demo")), "nothing was uploaded");
    }

    [TestMethod]
    public void AnOldProgressFileWhoseProcessIDWasReusedIsNotARunningSync()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out _, out _);
        var eightDaysAgo = DateTimeOffset.UtcNow.AddDays(-8);
        // This test's own process stands for whatever process got the dead sync's ID.
        new StatusStore(cli.StatusFolder, 10).WriteProgress("DemoOffsite", new ActiveProgress
        {
            ProcessId = Environment.ProcessId, Trigger = AttemptTrigger.Window, StartedAt = eightDaysAgo, UpdatedAt = eightDaysAgo,
            Phase = "Uploading", BytesDone = 1, BytesTotal = 2,
        });

        var status = cli.Run("status", "DemoOffsite", "--json");

        Assert.AreEqual(ExitCodes.Ok, status.ExitCode, status.ToString());
        var active = JsonDocument.Parse(status.Output).RootElement.TryGetProperty("active", out var value) ? value : default;
        Assert.AreEqual(JsonValueKind.Undefined, active.ValueKind, "shown as running: " + status);
        Assert.DoesNotContain("running:", cli.Run("status", "DemoOffsite").Output);
    }
}
