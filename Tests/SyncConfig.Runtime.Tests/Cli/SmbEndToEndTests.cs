using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;
using SyncConfig.Testing.Servers;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>The built executable against the real Samba smbd, through the SMB transport (libsmbclient).</summary>
[TestClass]
public sealed class SmbEndToEndTests
{
    private const string Sync = "SmbTestOffsite";
    private const string FolderName = "SmbOffsite";

    [TestMethod]
    public void TestSyncNoChangeVerifyReinitialize()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out _);
        var folder = TestServers.NewSmbFolder("e2e");
        var target = Path.Combine(TestServers.Get("SYNCTEST_SMB_SHARE_PATH"), folder);
        try
        {
            cli.Environment["SYNCTEST_SMB_REPOSITORY"] = repository;
            cli.Environment["SYNCTEST_SMB_PATH"] = $@"\\{TestServers.Get("SYNCTEST_HOST")}\{TestServers.Get("SYNCTEST_SMB_SHARE")}\{folder}";
            foreach (var name in new[] { "SYNCTEST_USER", "SYNCTEST_PASSWORD" })
                cli.Environment[name] = TestServers.Get(name);
            var files = Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories).Count();

            var test = cli.Run("test", Sync);
            Assert.AreEqual(ExitCodes.Ok, test.ExitCode, test.ToString());

            var first = cli.Run("sync", Sync, "--now");
            Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
            Assert.AreEqual(files, ServerFolderLifecycle.Report(cli, Sync).GetProperty("filesUploadedCount").GetInt32());
            ServerFolderLifecycle.AssertAfterFirstSync(cli, Sync, repository, Path.Combine(target, FolderName), test, first);
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    [TestMethod]
    public void AWrongPasswordFailsTheConnectionTestWithoutShowingIt()
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out _);
        var folder = TestServers.NewSmbFolder("e2e");
        try
        {
            cli.Environment["SYNCTEST_SMB_REPOSITORY"] = repository;
            cli.Environment["SYNCTEST_SMB_PATH"] = $@"\\{TestServers.Get("SYNCTEST_HOST")}\{TestServers.Get("SYNCTEST_SMB_SHARE")}\{folder}";
            cli.Environment["SYNCTEST_USER"] = TestServers.Get("SYNCTEST_USER");
            cli.Environment["SYNCTEST_PASSWORD"] = "wrong-smb-password";

            var test = cli.Run("test", Sync);

            Assert.AreEqual(ExitCodes.ConnectionTestFailed, test.ExitCode, test.ToString());
            StringAssert.Contains(test.Output, "[FAILED]", test.ToString());
            StringAssert.Contains(test.Output, "check the user name, the password and the domain", test.ToString());
            SecretScan.AssertNone(["wrong-smb-password"], test.ToString(), cli.WorkFolder);
        }
        finally
        {
            Directory.Delete(Path.Combine(TestServers.Get("SYNCTEST_SMB_SHARE_PATH"), folder), recursive: true);
        }
    }

    [TestMethod]
    public void TheRegistryServesNetworkSharesWithTheSmbTransport()
    {
        var destination = new SyncConfig.Catalog.NetworkShareSettings(@"\\nas01\offsite\site", @"ACME\backup", "smb-secret-value-42", null, 4445);

        Assert.IsNull(SyncConfig.Runtime.Execution.TransportRegistry.InThisBuild.Unavailable(destination));
        var transport = SyncConfig.Runtime.Execution.TransportRegistry.InThisBuild.Create(destination);

        Assert.IsInstanceOfType<SyncConfig.Transports.Smb.SmbTransport>(transport);
        Assert.AreEqual(@"\\nas01\offsite\site (port 4445)", transport.DisplayName, "no user name, no password");
    }

    /// <summary>
    /// Values for SmbTestOffsite when a test runs every definition (<c>run</c>): with no repository behind them it fails
    /// before reaching a server.
    /// </summary>
    internal static void GiveHarmlessValues(SyncConfigProcess cli)
    {
        cli.Environment["SYNCTEST_SMB_REPOSITORY"] = cli.Combine("no-smb-repository");
        cli.Environment["SYNCTEST_SMB_PATH"] = @"\\127.0.0.1\no-such-share\offsite";
        cli.Environment["SYNCTEST_USER"] = "run-user";
        cli.Environment["SYNCTEST_PASSWORD"] = "run-secret-smb";
    }
}
