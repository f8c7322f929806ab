using System.Diagnostics;
using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Status;
using SyncConfig.Runtime.Storage;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>The built executable against a real generated repository and a Local Path target.</summary>
[TestClass]
public sealed class SyncLifecycleEndToEndTests
{
    [TestMethod]
    public void SyncNoChangeVerifyIdMismatchReinitialize()
    {
        using var cli = DemoProcess(out var repository, out var target);
        var files = Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories).Count();

        var test = cli.Run("test", "DemoOffsite");
        Assert.AreEqual(ExitCodes.Ok, test.ExitCode, test.ToString());

        var first = cli.Run("sync", "DemoOffsite", "--now");
        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
        StringAssert.Contains(first.Output, "DemoOffsite: Succeeded", first.ToString());
        StringAssert.Contains(first.Output, "Status page: " + Path.Combine(cli.StatusFolder, "index.html"), first.ToString());
        var report = Report(cli);
        Assert.AreEqual("Succeeded", report.GetProperty("lastAttempt").GetProperty("outcome").GetString());
        Assert.AreEqual("RunNow", report.GetProperty("lastAttempt").GetProperty("trigger").GetString());
        Assert.AreEqual(files, report.GetProperty("lastAttempt").GetProperty("filesUploadedCount").GetInt32());
        var lists = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.StatusFolder, "DemoOffsite.files.json"))).RootElement;
        Assert.AreEqual(files, lists.GetProperty("filesUploaded").GetArrayLength());
        Assert.IsTrue(File.Exists(Path.Combine(cli.StatusFolder, "index.html")));

        var second = cli.Run("sync", "DemoOffsite", "--now");
        Assert.AreEqual(ExitCodes.Ok, second.ExitCode, second.ToString());
        var unchanged = Report(cli).GetProperty("lastAttempt");
        Assert.AreEqual(0, unchanged.GetProperty("bytesUploaded").GetInt64(), "a second sync with no change uploads nothing");
        Assert.AreEqual(files, unchanged.GetProperty("filesUnchangedCount").GetInt32());

        var verify = cli.Run("verify", "DemoOffsite");
        Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, verify.ToString());
        var image = Directory.EnumerateFiles(Path.Combine(target, "Demo"), "*.mrimg", SearchOption.AllDirectories).First();
        File.Delete(image);
        var damaged = cli.Run("verify", "DemoOffsite");
        Assert.AreEqual(ExitCodes.VerifyFailed, damaged.ExitCode, damaged.ToString());
        StringAssert.Contains(damaged.Output, "missing: ", damaged.ToString());

        // A lost local ID file means a new ID: the remote belongs to "another" repository now.
        File.Delete(Path.Combine(repository, ".syncconfig", "id"));
        var mismatch = cli.Run("sync", "DemoOffsite", "--now");
        Assert.AreEqual(ExitCodes.RemoteIdMismatch, mismatch.ExitCode, mismatch.ToString());
        StringAssert.Contains(mismatch.Error, "Remote server ID does not match this repository", mismatch.ToString());
        StringAssert.Contains(mismatch.Error, "syncconfig reinitialize DemoOffsite", mismatch.ToString());
        var testMismatch = cli.Run("test", "DemoOffsite");
        Assert.AreEqual(ExitCodes.RemoteIdMismatch, testMismatch.ExitCode, testMismatch.ToString());

        var reinitialize = cli.Run("reinitialize", "DemoOffsite");
        Assert.AreEqual(ExitCodes.Ok, reinitialize.ExitCode, reinitialize.ToString());
        Assert.AreEqual("Reinitialize", Report(cli).GetProperty("lastAttempt").GetProperty("trigger").GetString());
        var after = cli.Run("verify", "DemoOffsite");
        Assert.AreEqual(ExitCodes.Ok, after.ExitCode, after.ToString());

        var status = cli.Run("status", "DemoOffsite");
        Assert.AreEqual(ExitCodes.Ok, status.ExitCode, status.ToString());
        StringAssert.Contains(status.Output, "last result: Succeeded (Reinitialize)", status.ToString());
        var history = JsonFiles.Read(Path.Combine(cli.StatusFolder, "DemoOffsite.history.json"), JsonFiles.Types.ListAttemptReport)!;
        Assert.HasCount(4, history, "two syncs, the mismatch and the reinitialize");
        Assert.AreEqual(Engine.Results.SyncOutcome.Failed, history[1].Outcome);
    }

    [TestMethod]
    public void ConnectionTestFailsWhenTheTargetPathIsMissing()
    {
        using var cli = DemoProcess(out _, out var target);
        cli.Environment["SYNCCONFIG_DEMO_TARGET"] = Path.Combine(target, "not-there");

        var run = cli.Run("test", "DemoOffsite");

        Assert.AreEqual(ExitCodes.ConnectionTestFailed, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "[FAILED]", run.ToString());
    }

    [TestMethod]
    public void FailedSyncExitsWithTheFailureCodeAndRecordsIt()
    {
        using var cli = DemoProcess(out _, out var target);
        cli.Environment["SYNCCONFIG_DEMO_TARGET"] = Path.Combine(target, "not-there");

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.SyncFailed, run.ExitCode, run.ToString());
        Assert.AreEqual("Failed", Report(cli).GetProperty("lastAttempt").GetProperty("outcome").GetString());
        Assert.AreNotEqual(0, Report(cli).GetProperty("lastAttempt").GetProperty("errors").GetArrayLength());
    }

    [TestMethod]
    public async Task SIGTERMStopsARunningSyncAtASafePointAndTheNextSyncCompletes()
    {
        using var cli = DemoProcess(out var repository, out _, megabytes: 300);
        var progressFile = Path.Combine(cli.StatusFolder, "DemoOffsite.progress.json");

        var stopped = await cli.RunAsync(["sync", "DemoOffsite", "--now"], process =>
        {
            // The progress file appears with the run's first report, long before 150 MiB are copied and hashed.
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!File.Exists(progressFile) && !process.HasExited && DateTime.UtcNow < deadline)
                Thread.Sleep(10);
            Assert.AreEqual(0, Signals.Kill(process.Id, Signals.SIGTERM), "could not send SIGTERM");
        });

        Assert.AreEqual(ExitCodes.Interrupted, stopped.ExitCode, stopped.ToString());
        StringAssert.Contains(stopped.Output, "DemoOffsite: RolledBack", stopped.ToString());
        Assert.AreEqual("RolledBack", Report(cli).GetProperty("lastAttempt").GetProperty("outcome").GetString());
        Assert.IsFalse(File.Exists(progressFile), "a stopped run leaves no active progress behind");

        var next = cli.Run("sync", "DemoOffsite", "--now");
        Assert.AreEqual(ExitCodes.Ok, next.ExitCode, next.ToString());
        var verify = cli.Run("verify", "DemoOffsite");
        Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, verify.ToString());
        StringAssert.Contains(verify.Output, $"{Directory.EnumerateFiles(repository, "*.*", SearchOption.AllDirectories).Count(f => !f.Contains(".syncconfig", StringComparison.Ordinal))} files checked", verify.ToString());
    }

    [TestMethod]
    [DataRow("exit 0", 0)]
    [DataRow("exit 7", 7)]
    public void LeaseRunsTheBackupCommandAndReturnsItsExitCode(string script, int expected)
    {
        using var cli = LeaseEndToEndTests.RepositoryWithId(out var repository);
        var marker = cli.Combine("backup-ran");

        var run = cli.Run("lease", "DemoRepository", "PC01/AAAA", "--", "sh", "-c", $"touch '{marker}'; {script}");

        Assert.AreEqual(expected, run.ExitCode, run.ToString());
        Assert.IsTrue(File.Exists(marker), "the backup command ran");
        Assert.IsTrue(Directory.Exists(Path.Combine(repository, ".syncconfig", "leases")), "the lease was taken in the repository");
    }

    [TestMethod]
    public void RunStartsASyncWhoseWindowIsOpenAndStopsOnSIGTERM()
    {
        using var cli = DemoProcess(out _, out _);
        // run checks every definition: give the examples' references values (their transports are not in this build).
        foreach (var name in new[] { "NAS_PASSWORD", "SFTP_PASSWORD", "FTPS_PASSWORD", "WASABI_KEY", "WASABI_SECRET", "MINIO_KEY", "MINIO_SECRET" })
            cli.Environment[name] = "run-secret-" + name.ToLowerInvariant();
        SftpEndToEndTests.GiveHarmlessValues(cli);
        FtpEndToEndTests.GiveHarmlessValues(cli);
        S3EndToEndTests.GiveHarmlessValues(cli);
        SmbEndToEndTests.GiveHarmlessValues(cli);
        var statePath = Path.Combine(cli.StateFolder, "DemoOffsite.window.json");
        bool Finished() => JsonFiles.Read(statePath, JsonFiles.Types.WindowAttempt) is { Finished: true };

        using var process = cli.Start("run");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!Finished() && !process.HasExited && DateTime.UtcNow < deadline)
            Thread.Sleep(200);
        var ran = Finished();
        if (!process.HasExited)
            Assert.AreEqual(0, Signals.Kill(process.Id, Signals.SIGTERM), "could not send SIGTERM");
        Assert.IsTrue(process.WaitForExit(TimeSpan.FromMinutes(1)), "run did not stop on SIGTERM");
        var log = output.Result + error.Result;

        Assert.IsTrue(ran, "the all-day window's sync did not run: " + log);
        Assert.AreEqual(ExitCodes.Ok, process.ExitCode, log);
        Assert.AreEqual("Window", Report(cli).GetProperty("lastAttempt").GetProperty("trigger").GetString());
        StringAssert.Contains(log, "DemoOffsite: window", log);
        Assert.DoesNotContain("The Windows network share transport is not available", log, "the SMB transport is in this build");
        var state = JsonFiles.Read(Path.Combine(cli.StateFolder, "DemoOffsite.window.json"), JsonFiles.Types.WindowAttempt);
        var windowDay = DateOnly.Parse(Report(cli).GetProperty("lastAttempt").GetProperty("windowDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(new SyncConfig.Runtime.Scheduling.WindowAttempt(windowDay, Finished: true), state);
        SecretScan.AssertNone(cli.Environment.Where(e => e.Key.Contains("PASSWORD") || e.Key.Contains("KEY") || e.Key.Contains("SECRET")).Select(e => e.Value!), log, cli.WorkFolder);
    }

    /// <summary>A work folder with a small generated repository and an empty target, and the demo's variables pointing at them.</summary>
    internal static SyncConfigProcess DemoProcess(out string repository, out string target, int megabytes = 4)
    {
        var cli = new SyncConfigProcess();
        repository = cli.Combine("repository");
        target = cli.Combine("offsite");
        new DemoRepository(repository, seed: 7, maxMegabytes: megabytes).Generate();
        Directory.CreateDirectory(target);
        cli.Environment[DemoCommand.RepositoryVariable] = repository;
        cli.Environment[DemoCommand.TargetVariable] = target;
        return cli;
    }

    private static JsonElement Report(SyncConfigProcess cli) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.StatusFolder, "DemoOffsite.json"))).RootElement.Clone();
}
