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
            Assert.AreEqual(files, ServerFolderLifecycle.Report(cli, sync).GetProperty("filesUploadedCount").GetInt32());
            ServerFolderLifecycle.AssertAfterFirstSync(cli, sync, repository, Path.Combine(target, folderName), test, first);
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
}
