using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Scheduling;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>The built executable, with the team's definitions compiled in: each command and each exit code it can give without a remote.</summary>
[TestClass]
public sealed class CommandLineEndToEndTests
{
    private static readonly string[] Commands = ["run", "list", "sync", "status", "test", "reinitialize", "verify", "lease", "demo"];

    [TestMethod]
    public void HelpEverywhere()
    {
        using var cli = new SyncConfigProcess();

        var root = cli.Run("--help");
        Assert.AreEqual(ExitCodes.Ok, root.ExitCode, root.ToString());
        foreach (var command in Commands)
        {
            StringAssert.Contains(root.Output, command, root.ToString());
            var help = cli.Run(command, "--help");
            Assert.AreEqual(ExitCodes.Ok, help.ExitCode, help.ToString());
            StringAssert.Contains(help.Output, "Usage:", help.ToString());
            StringAssert.Contains(help.Output, "syncconfig " + command, help.ToString());
        }
    }

    [TestMethod]
    public void RootHelpShowsThatStatusTakesAnOptionalName()
    {
        using var cli = new SyncConfigProcess();

        var help = cli.Run("--help");

        Assert.AreEqual(ExitCodes.Ok, help.ExitCode, help.ToString());
        StringAssert.Contains(help.Output, "  status [<name>]  ", help.ToString());
        StringAssert.Contains(help.Output, "  sync <name>  ", help.ToString());
    }

    [TestMethod]
    [DataRow("bogus", "Unknown command 'bogus'.")]
    [DataRow("--bogus", "Unknown option '--bogus'.")]
    public void AnUnknownCommandGetsOneMessage(string token, string message)
    {
        using var cli = new SyncConfigProcess();

        var run = cli.Run(token);

        Assert.AreEqual(ExitCodes.UsageError, run.ExitCode, run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.HasCount(2, lines, run.ToString());
        Assert.StartsWith(message, lines[0]);
        StringAssert.Contains(lines[0], "run, list, sync, status");
        Assert.DoesNotContain("Required command", run.Error);
    }

    [TestMethod]
    [DataRow(new string[0], "Required command", DisplayName = "no command")]
    [DataRow(new[] { "bogus" }, "bogus", DisplayName = "unknown command")]
    [DataRow(new[] { "sync" }, "name", DisplayName = "missing sync name")]
    [DataRow(new[] { "sync", "DemoOffsite" }, "--now", DisplayName = "sync without --now")]
    [DataRow(new[] { "list", "--bogus" }, "--bogus", DisplayName = "unknown option")]
    [DataRow(new[] { "lease", "DemoRepository", "PC01/AAAA" }, "command", DisplayName = "lease without a command")]
    public void UsageErrors(string[] arguments, string mentioned)
    {
        using var cli = new SyncConfigProcess();

        var run = cli.Run(arguments);

        Assert.AreEqual(ExitCodes.UsageError, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, mentioned, run.ToString());
    }

    [TestMethod]
    [DataRow("sync", "--now")]
    [DataRow("test")]
    [DataRow("verify")]
    [DataRow("reinitialize")]
    [DataRow("status")]
    public void UnknownSyncName(string command, string? option = null)
    {
        using var cli = new SyncConfigProcess();

        var run = cli.Run(option is null ? [command, "NoSuchSync"] : [command, "NoSuchSync", option]);

        Assert.AreEqual(ExitCodes.UnknownSync, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "Unknown sync 'NoSuchSync'", run.ToString());
        StringAssert.Contains(run.Error, "DemoOffsite", run.ToString());
    }

    [TestMethod]
    [DataRow("sync", "DemoOffsite", "--now")]
    [DataRow("test", "DemoOffsite")]
    [DataRow("verify", "DemoOffsite")]
    [DataRow("reinitialize", "DemoOffsite")]
    [DataRow("run")]
    public void InvalidConfigurationListsEveryUnresolvedReference(params string[] arguments)
    {
        using var cli = new SyncConfigProcess();

        var run = cli.Run(arguments);

        Assert.AreEqual(ExitCodes.InvalidConfiguration, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "DemoOffsite.Repository: $(SYNCCONFIG_DEMO_REPOSITORY) has no value", run.ToString());
        StringAssert.Contains(run.Error, "DemoOffsite.Path: $(SYNCCONFIG_DEMO_TARGET) has no value", run.ToString());
        StringAssert.Contains(run.Error, "Give each $(NAME) a value as an environment variable NAME", run.ToString());
    }

    [TestMethod]
    public void RunChecksEveryDefinitionAndNamesEachProblem()
    {
        using var cli = new SyncConfigProcess();
        cli.Environment["NAS_PASSWORD"] = "set";

        var run = cli.Run("run");

        Assert.AreEqual(ExitCodes.InvalidConfiguration, run.ExitCode, run.ToString());
        foreach (var expected in new[]
        {
            "DemoOffsite.Repository: $(SYNCCONFIG_DEMO_REPOSITORY)", "SftpOffsite.Password: $(SFTP_PASSWORD)", "FtpsOffsite.Password: $(FTPS_PASSWORD)",
            "WasabiOffsite.AccessKey: $(WASABI_KEY)", "WasabiOffsite.SecretKey: $(WASABI_SECRET)", "MinioOffsite.SecretKey: $(MINIO_SECRET)",
        })
        {
            StringAssert.Contains(run.Error, expected, run.ToString());
        }

        Assert.DoesNotContain("NAS_PASSWORD", run.Error, "a resolved reference is not a problem");
    }

    [TestMethod]
    public void InvalidResolvedValueIsReportedWithItsRule()
    {
        using var cli = new SyncConfigProcess();
        cli.Environment["SYNCCONFIG_DEMO_REPOSITORY"] = "relative/repository";
        cli.Environment["SYNCCONFIG_DEMO_TARGET"] = cli.WorkFolder;

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.InvalidConfiguration, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "DemoOffsite.Repository: SYNC", run.ToString());
        StringAssert.Contains(run.Error, "relative/repository", run.ToString());
    }

    [TestMethod]
    public void ListShowsTheDefinitionsAsWritten()
    {
        using var cli = new SyncConfigProcess();

        var run = cli.Run("list");

        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
        var row = run.Output.Split('\n').Single(l => l.StartsWith("DemoOffsite", StringComparison.Ordinal));
        StringAssert.Contains(row, "$(SYNCCONFIG_DEMO_TARGET)");
        StringAssert.Contains(row, "Demo");
        StringAssert.Contains(row, "00:00-24:00 Every");
    }

    [TestMethod]
    public void StatusJsonNeedsNoValuesAndForecastsTheWindows()
    {
        using var cli = new SyncConfigProcess();

        var all = cli.Run("status", "--json");
        var one = cli.Run("status", "DemoOffsite", "--json");

        Assert.AreEqual(ExitCodes.Ok, all.ExitCode, all.ToString());
        Assert.AreEqual(ExitCodes.Ok, one.ExitCode, one.ToString());
        using var array = JsonDocument.Parse(all.Output);
        var demo = array.RootElement.EnumerateArray().Single(e => e.GetProperty("sync").GetString() == "DemoOffsite");
        Assert.AreEqual(3, demo.GetProperty("forecast").GetArrayLength());
        Assert.AreEqual("UTC", demo.GetProperty("timeZone").GetString());
        Assert.IsFalse(demo.TryGetProperty("lastAttempt", out _), "never run: no last attempt");
        using var single = JsonDocument.Parse(one.Output);
        Assert.AreEqual("DemoOffsite", single.RootElement.GetProperty("sync").GetString());
    }

    [TestMethod]
    public void ASyncAlreadyRunningIsBusy()
    {
        using var cli = new SyncConfigProcess();
        Directory.CreateDirectory(cli.Combine("repository"));
        Directory.CreateDirectory(cli.Combine("offsite"));
        cli.Environment["SYNCCONFIG_DEMO_REPOSITORY"] = cli.Combine("repository");
        cli.Environment["SYNCCONFIG_DEMO_TARGET"] = cli.Combine("offsite");
        using var held = SyncLock.TryAcquire(cli.StateFolder, "DemoOffsite");
        Assert.IsNotNull(held);

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.SyncBusy, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "another run of this sync is in progress", run.ToString());
    }

    [TestMethod]
    public void LeaseNamesAnUnknownRepository()
    {
        using var cli = new SyncConfigProcess();

        var run = cli.Run("lease", "NoSuchRepository", "PC01/AAAA", "--", "true");

        Assert.AreEqual(ExitCodes.UnknownSync, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "DemoRepository", run.ToString());
    }
}
