using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary><c>lease</c> as a backup job runs it: the lease must protect the backup for exactly as long as it writes.</summary>
[TestClass]
public sealed class LeaseEndToEndTests
{
    [TestMethod]
    public async Task TheLeaseOutlivesAWrapperKilledWithSIGKILLWhileItsBackupStillWrites()
    {
        using var cli = RepositoryWithId(out var repository);
        var started = cli.Combine("started");
        var pidFile = cli.Combine("backup.pid");
        var lockFile = Path.Combine(repository, ".syncconfig", "leases", "folders", "PC01", "AAAA.lock");

        using var wrapper = cli.Start("lease", "DemoRepository", "PC01/AAAA", "--", "sh", "-c", $"echo $$ > '{pidFile}'; touch '{started}'; exec sleep 120");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!File.Exists(started) && !wrapper.HasExited && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.IsTrue(File.Exists(started), "the backup command did not start");
        var backup = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            wrapper.Kill();
            await wrapper.WaitForExitAsync();

            Assert.IsFalse(IsFree(lockFile), "the backup still writes, but its lease died with the wrapper");
        }
        finally
        {
            Signals.Kill(backup, 9);
        }
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (!IsFree(lockFile) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.IsTrue(IsFree(lockFile), "the lease did not end with the backup");
    }

    [TestMethod]
    [DataRow("missing", DisplayName = "mistyped path")]
    [DataRow("no-id", DisplayName = "folder that is no repository")]
    public void APathThatIsNoRepositoryRunsNoBackupAndCreatesNothing(string kind)
    {
        using var cli = RepositoryWithId(out _);
        var path = cli.Combine("backups-typo");
        if (kind == "no-id")
            Directory.CreateDirectory(path);
        var marker = cli.Combine("backup-ran");

        var run = cli.Run("lease", path, "PC01/AAAA", "--", "touch", marker);

        Assert.AreEqual(ExitCodes.UnknownSync, run.ExitCode, run.ToString());
        Assert.IsFalse(File.Exists(marker), "the backup ran without a lease");
        Assert.IsFalse(Directory.Exists(Path.Combine(path, ".syncconfig")), "a lease folder was created in the wrong place");
    }

    [TestMethod]
    public void AFolderThatLeavesTheRepositoryIsAUsageError()
    {
        using var cli = RepositoryWithId(out _);

        var run = cli.Run("lease", "DemoRepository", "../../etc", "--", "true");

        Assert.AreEqual(ExitCodes.UsageError, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "must be a relative path", run.ToString());
        Assert.DoesNotContain("   at ", run.Error, "a stack trace: " + run);
    }

    [TestMethod]
    public void ABackupCommandThatDoesNotExistExits127WithAMessage()
    {
        using var cli = RepositoryWithId(out _);

        var run = cli.Run("lease", "DemoRepository", "PC01/AAAA", "--", "/nonexistent/backup");

        Assert.AreEqual(LeaseCommand.CommandNotFound, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "'/nonexistent/backup' could not be started", run.ToString());
        Assert.DoesNotContain("   at ", run.Error, "a stack trace: " + run);
    }

    /// <summary>A demo repository that has its ID, as after its first sync.</summary>
    internal static SyncConfigProcess RepositoryWithId(out string repository)
    {
        var cli = SyncLifecycleEndToEndTests.DemoProcess(out repository, out _);
        Directory.CreateDirectory(Path.Combine(repository, ".syncconfig"));
        File.WriteAllText(Path.Combine(repository, ".syncconfig", "id"), Guid.NewGuid().ToString("D"));
        return cli;
    }

    private static bool IsFree(string lockFile)
    {
        try
        {
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.Read, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
