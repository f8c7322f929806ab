using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>The built executable with a secrets file and settings that are wrong: problems in the list, never a stack trace.</summary>
[TestClass]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ConfigurationEndToEndTests
{
    [TestMethod]
    public void ASecretsFileOwnedByAnotherUserIsRefusedEvenByRoot()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out _, out _);
        var secrets = cli.Combine("secrets.json");
        File.WriteAllText(secrets, $$"""{ "SYNCCONFIG_DEMO_TARGET": "{{cli.Combine("elsewhere")}}" }""");
        File.SetUnixFileMode(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        SyncConfigProcess.ChangeOwner(secrets, SyncConfigProcess.UnprivilegedUser);

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.InvalidConfiguration, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "belongs to another user", run.ToString());
    }

    [TestMethod]
    public void AnUnreadableSecretsFileStopsOnlyTheCommandsThatResolveSecrets()
    {
        using var cli = LeaseEndToEndTests.RepositoryWithId(out _);
        var secrets = cli.Combine("secrets.json");
        File.WriteAllText(secrets, """{ "NAS_PASSWORD": "not-for-nobody" }""");
        cli.RunAsUnprivilegedUser();
        SyncConfigProcess.ChangeOwner(secrets, 0);
        File.SetUnixFileMode(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var status = cli.Run("status", "DemoOffsite");
        var lease = cli.Run("lease", "DemoRepository", "PC01/AAAA", "--", "true");
        var sync = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.Ok, status.ExitCode, status.ToString());
        Assert.AreEqual(ExitCodes.Ok, lease.ExitCode, lease.ToString());
        Assert.AreEqual(ExitCodes.InvalidConfiguration, sync.ExitCode, sync.ToString());
        StringAssert.Contains(sync.Error, "cannot be read", sync.ToString());
        Assert.DoesNotContain("   at ", sync.Error + status.Error + lease.Error, "a stack trace");
    }

    [TestMethod]
    [DataRow("\"HistoryLength\": \"abc\"", "SyncConfig:HistoryLength 'abc'", DisplayName = "history length not a number")]
    [DataRow("\"HistoryLength\": 99999999999", "SyncConfig:HistoryLength '99999999999'", DisplayName = "history length too large")]
    [DataRow("\"ProgressLogInterval\": \"banana\"", "SyncConfig:ProgressLogInterval 'banana'", DisplayName = "interval not a time span")]
    [DataRow("\"RetryWindow\": \"00:00:00\"", "SyncConfig:RetryWindow '00:00:00'", DisplayName = "retry window zero")]
    [DataRow("\"RemoteLockWait\": \"soon\"", "SyncConfig:RemoteLockWait 'soon'", DisplayName = "lock wait not a time span")]
    [DataRow("\"RetryWindow\": \"1\"", "SyncConfig:RetryWindow '1'", DisplayName = "retry window a bare number (read as days)")]
    public void ASettingThatDoesNotParseIsAProblemInTheList(string setting, string mentioned)
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out _, out _);
        File.WriteAllText(cli.ConfigFile, $$"""{ "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC", {{setting}} } }""");

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.InvalidConfiguration, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, mentioned, run.ToString());
        Assert.DoesNotContain("   at ", run.Error, "a stack trace: " + run);
    }

    [TestMethod]
    public void AMisspeltSettingIsAWarning()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out _, out _);
        File.WriteAllText(cli.ConfigFile, """{ "SyncConfig": { "StateFolder": "state", "StatusFoldr": "elsewhere", "TimeZone": "UTC" } }""");

        var run = cli.Run("sync", "DemoOffsite", "--now");

        Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "warning: configuration: SyncConfig:StatusFoldr is not a setting", run.ToString());
    }

    [TestMethod]
    public void RemoteNamesWithEscapeCodesAndLineBreaksArePrintedEscaped()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out _, out var target);
        Assert.AreEqual(ExitCodes.Ok, cli.Run("sync", "DemoOffsite", "--now").ExitCode);
        File.WriteAllText(Path.Combine(target, "Demo", "evil\u001b[2J\nDemoOffsite: the remote matches its committed manifest.mrimg"), "x");

        var verify = cli.Run("verify", "DemoOffsite");

        Assert.AreEqual(ExitCodes.VerifyFailed, verify.ExitCode, verify.ToString());
        Assert.DoesNotContain("\u001b", verify.Output, "an escape code reached the terminal");
        StringAssert.Contains(verify.Output, @"not in the manifest: evil\x1B[2J\nDemoOffsite: the remote matches", verify.ToString());
        Assert.IsFalse(verify.Output.Split('\n').Any(l => l.StartsWith("DemoOffsite: the remote matches", StringComparison.Ordinal)), "a fake line was printed");
    }
}
