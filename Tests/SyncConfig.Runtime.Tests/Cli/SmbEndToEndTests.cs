using System.Text.Json;
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
            Assert.AreEqual(files, Report(cli).GetProperty("filesUploadedCount").GetInt32());
            var remote = Path.Combine(target, FolderName);
            foreach (var file in Directory.EnumerateFiles(repository, "*.mrimg", SearchOption.AllDirectories))
                CollectionAssert.AreEqual(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(remote, Path.GetRelativePath(repository, file))));

            var second = cli.Run("sync", Sync, "--now");
            Assert.AreEqual(ExitCodes.Ok, second.ExitCode, second.ToString());
            Assert.AreEqual(0, Report(cli).GetProperty("bytesUploaded").GetInt64(), "a second sync with no change uploads nothing");

            var verify = cli.Run("verify", Sync);
            Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, verify.ToString());
            File.Delete(Directory.EnumerateFiles(remote, "*.mrimg", SearchOption.AllDirectories).First());
            var damaged = cli.Run("verify", Sync);
            Assert.AreEqual(ExitCodes.VerifyFailed, damaged.ExitCode, damaged.ToString());

            File.Delete(Path.Combine(repository, ".syncconfig", "id"));
            var mismatch = cli.Run("sync", Sync, "--now");
            Assert.AreEqual(ExitCodes.RemoteIdMismatch, mismatch.ExitCode, mismatch.ToString());
            var reinitialize = cli.Run("reinitialize", Sync);
            Assert.AreEqual(ExitCodes.Ok, reinitialize.ExitCode, reinitialize.ToString());
            var after = cli.Run("verify", Sync);
            Assert.AreEqual(ExitCodes.Ok, after.ExitCode, after.ToString());
            SecretScan.AssertNone([TestServers.Get("SYNCTEST_PASSWORD")], string.Join("\n", test, first, second, verify, damaged, mismatch, reinitialize, after), cli.WorkFolder);
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

    private static JsonElement Report(SyncConfigProcess cli) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.StatusFolder, Sync + ".json"))).RootElement.GetProperty("lastAttempt").Clone();
}
