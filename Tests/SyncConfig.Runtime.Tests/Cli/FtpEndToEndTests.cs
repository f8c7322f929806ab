using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;
using SyncConfig.Testing.Servers;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>The built executable against the real FTP servers: FTPS to vsftpd, plain FTP to pure-ftpd.</summary>
[TestClass]
public sealed class FtpEndToEndTests
{
    [TestMethod]
    [DataRow("FtpsTestOffsite", "FtpsOffsite")]
    [DataRow("FtpTestOffsite", "FtpOffsite")]
    public void TestSyncNoChangeVerifyReinitialize(string sync, string folderName)
    {
        using var cli = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out _);
        // The servers log in as the test account: the target folder is made writable for it.
        var target = TestServers.NewHomeFolder("e2e");
        try
        {
            cli.Environment["SYNCTEST_FTP_REPOSITORY"] = repository;
            // FTPS by name: .NET resumes TLS sessions on the data connections only for a named host ("localhost" is 127.0.0.1 here).
            cli.Environment["SYNCTEST_FTP_SERVER"] = (sync == "FtpsTestOffsite" ? "localhost" : TestServers.Get("SYNCTEST_HOST")) + target;
            foreach (var name in new[] { "SYNCTEST_USER", "SYNCTEST_PASSWORD", "SYNCTEST_FTPS_CERT_SHA256" })
                cli.Environment[name] = TestServers.Get(name);
            var files = Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories).Count();

            var test = cli.Run("test", sync);
            Assert.AreEqual(ExitCodes.Ok, test.ExitCode, test.ToString());

            var first = cli.Run("sync", sync, "--now");
            Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
            Assert.AreEqual(files, Report(cli, sync).GetProperty("filesUploadedCount").GetInt32());
            var remote = Path.Combine(target, folderName);
            foreach (var file in Directory.EnumerateFiles(repository, "*.mrimg", SearchOption.AllDirectories))
                CollectionAssert.AreEqual(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(remote, Path.GetRelativePath(repository, file))));

            var second = cli.Run("sync", sync, "--now");
            Assert.AreEqual(ExitCodes.Ok, second.ExitCode, second.ToString());
            Assert.AreEqual(0, Report(cli, sync).GetProperty("bytesUploaded").GetInt64(), "a second sync with no change uploads nothing");

            var verify = cli.Run("verify", sync);
            Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, verify.ToString());
            File.Delete(Directory.EnumerateFiles(remote, "*.mrimg", SearchOption.AllDirectories).First());
            var damaged = cli.Run("verify", sync);
            Assert.AreEqual(ExitCodes.VerifyFailed, damaged.ExitCode, damaged.ToString());

            File.Delete(Path.Combine(repository, ".syncconfig", "id"));
            var mismatch = cli.Run("sync", sync, "--now");
            Assert.AreEqual(ExitCodes.RemoteIdMismatch, mismatch.ExitCode, mismatch.ToString());
            var reinitialize = cli.Run("reinitialize", sync);
            Assert.AreEqual(ExitCodes.Ok, reinitialize.ExitCode, reinitialize.ToString());
            var after = cli.Run("verify", sync);
            Assert.AreEqual(ExitCodes.Ok, after.ExitCode, after.ToString());
            SecretScan.AssertNone([TestServers.Get("SYNCTEST_PASSWORD")], string.Join("\n", test, first, second, verify, damaged, mismatch, reinitialize, after), cli.WorkFolder);
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    /// <summary>
    /// Values for the FTP definitions when a test runs every definition (<c>run</c>): with no repository behind them
    /// they fail before reaching a server.
    /// </summary>
    internal static void GiveHarmlessValues(SyncConfigProcess cli)
    {
        cli.Environment["SYNCTEST_FTP_REPOSITORY"] = cli.Combine("no-ftp-repository");
        cli.Environment["SYNCTEST_FTP_SERVER"] = "127.0.0.1/no-such-folder";
        cli.Environment["SYNCTEST_USER"] = "run-user";
        cli.Environment["SYNCTEST_PASSWORD"] = "run-secret-ftp";
        cli.Environment["SYNCTEST_FTPS_CERT_SHA256"] = new string('0', 64);
    }

    private static JsonElement Report(SyncConfigProcess cli, string sync) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.StatusFolder, sync + ".json"))).RootElement.GetProperty("lastAttempt").Clone();
}
