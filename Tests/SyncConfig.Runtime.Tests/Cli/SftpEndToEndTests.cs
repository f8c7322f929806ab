using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Execution;
using SyncConfig.Runtime.Tests.Infrastructure;
using SyncConfig.Testing.Servers;
using SyncConfig.Transports.Sftp;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>
/// The built executable against the real SFTP server (OpenSSH on 127.0.0.1:2222, started by scripts/servers/start),
/// through the SftpTestOffsite definition whose every value is set here. The server writes into a folder of this
/// machine, so the test reads the mirror back from the disk.
/// </summary>
[TestClass]
public sealed class SftpEndToEndTests
{
    private const string Sync = "SftpTestOffsite";
    private const string FolderName = "Offsite";

    [TestMethod]
    public void Test_sync_no_change_verify_reinitialize_against_the_server()
    {
        using var cli = SftpProcess(out var repository, out var target);
        var files = LocalFiles(repository);

        var test = cli.Run("test", Sync);
        Assert.AreEqual(ExitCodes.Ok, test.ExitCode, test.ToString());
        StringAssert.Contains(test.Output, $"[ok] Server identity: The server's host key {TestServers.Get("SYNCTEST_SFTP_HOST_KEY_SHA256")}", test.ToString());

        var first = cli.Run("sync", Sync, "--now");
        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
        var mirror = Path.Combine(target, FolderName);
        foreach (var file in files)
            CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(repository, file)), File.ReadAllBytes(Path.Combine(mirror, file)), file);
        Assert.AreEqual(files.Count, Report(cli).GetProperty("filesUploadedCount").GetInt32());

        var second = cli.Run("sync", Sync, "--now");
        Assert.AreEqual(ExitCodes.Ok, second.ExitCode, second.ToString());
        Assert.AreEqual(0, Report(cli).GetProperty("bytesUploaded").GetInt64(), "a second sync with no change uploads nothing");

        var verify = cli.Run("verify", Sync);
        Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, verify.ToString());
        File.WriteAllText(Path.Combine(mirror, files[0]), "damaged");
        var damaged = cli.Run("verify", Sync);
        Assert.AreEqual(ExitCodes.VerifyFailed, damaged.ExitCode, damaged.ToString());

        // A lost local ID: the remote belongs to "another" repository until reinitialize takes it over.
        File.Delete(Path.Combine(repository, ".syncconfig", "id"));
        var mismatch = cli.Run("sync", Sync, "--now");
        Assert.AreEqual(ExitCodes.RemoteIdMismatch, mismatch.ExitCode, mismatch.ToString());
        var reinitialize = cli.Run("reinitialize", Sync);
        Assert.AreEqual(ExitCodes.Ok, reinitialize.ExitCode, reinitialize.ToString());
        var after = cli.Run("verify", Sync);
        Assert.AreEqual(ExitCodes.Ok, after.ExitCode, after.ToString());
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(repository, files[0])), File.ReadAllBytes(Path.Combine(mirror, files[0])), "reinitialize repaired the damaged file");

        SecretScan.AssertNone([TestServers.Get("SYNCTEST_PASSWORD")], test.Output + first.Output + first.Error + verify.Output + reinitialize.Output, cli.WorkFolder);
    }

    [TestMethod]
    public void A_host_key_other_than_the_pinned_one_stops_before_signing_in()
    {
        using var cli = SftpProcess(out _, out var target);
        const string Pinned = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";
        cli.Environment["SYNCTEST_SFTP_HOST_KEY"] = Pinned;

        var test = cli.Run("test", Sync);
        var sync = cli.Run("sync", Sync, "--now");

        Assert.AreEqual(ExitCodes.ConnectionTestFailed, test.ExitCode, test.ToString());
        StringAssert.Contains(test.Output, "[FAILED] Authenticate", test.ToString());
        StringAssert.Contains(test.Output, Pinned, test.ToString());
        StringAssert.Contains(test.Output, TestServers.Get("SYNCTEST_SFTP_HOST_KEY_SHA256"), test.ToString());
        Assert.AreNotEqual(ExitCodes.Ok, sync.ExitCode, sync.ToString());
        Assert.IsFalse(Directory.Exists(Path.Combine(target, FolderName)), "nothing reached the server");
    }

    [TestMethod]
    public void A_wrong_password_names_the_settings_and_never_the_password()
    {
        using var cli = SftpProcess(out _, out _);
        const string Wrong = "wrong-sftp-password-42";
        cli.Environment["SYNCTEST_SFTP_PASSWORD"] = Wrong;

        var test = cli.Run("test", Sync);

        Assert.AreEqual(ExitCodes.ConnectionTestFailed, test.ExitCode, test.ToString());
        StringAssert.Contains(test.Output, "[FAILED] Authenticate", test.ToString());
        StringAssert.Contains(test.Output, $"UserName '{TestServers.Get("SYNCTEST_USER")}' with Password", test.ToString());
        SecretScan.AssertNone([Wrong], test.Output + test.Error, cli.WorkFolder);
    }

    [TestMethod]
    public void The_registry_serves_sftp_destinations_with_the_sftp_transport()
    {
        var destination = Registrations.Sftp("Offsite", "backup.example.com/home/backups", "sftp-secret-value-42").Destination;

        Assert.IsNull(TransportRegistry.InThisBuild.Unavailable(destination));
        var transport = TransportRegistry.InThisBuild.Create(destination);

        Assert.IsInstanceOfType<SftpTransport>(transport);
        Assert.AreEqual("sftp://backup.example.com:22/home/backups", transport.DisplayName, "no user name, no password");
    }

    /// <summary>
    /// Values for SftpTestOffsite that pass every rule but point at a repository that does not exist, so a run that
    /// schedules it fails before connecting anywhere (for tests of <c>run</c>, which checks every definition).
    /// </summary>
    internal static void GiveHarmlessValues(SyncConfigProcess cli)
    {
        cli.Environment["SYNCTEST_SFTP_REPOSITORY"] = cli.Combine("no-sftp-repository");
        cli.Environment["SYNCTEST_SFTP_SERVER"] = "127.0.0.1/nowhere/offsite";
        cli.Environment["SYNCTEST_SFTP_FOLDER"] = FolderName;
        cli.Environment["SYNCTEST_SFTP_USER"] = "nobody";
        cli.Environment["SYNCTEST_SFTP_PASSWORD"] = "run-secret-sftp";
        cli.Environment["SYNCTEST_SFTP_HOST_KEY"] = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";
    }

    /// <summary>A work folder with a small generated repository, an empty target folder on the server, and the definition's values.</summary>
    private static SyncConfigProcess SftpProcess(out string repository, out string target)
    {
        var cli = new SyncConfigProcess();
        repository = cli.Combine("repository");
        new DemoRepository(repository, seed: 11, maxMegabytes: 6).Generate();
        target = TestServers.NewHomeFolder("sftp-e2e");
        cli.Environment["SYNCTEST_SFTP_REPOSITORY"] = repository;
        cli.Environment["SYNCTEST_SFTP_SERVER"] = TestServers.Get("SYNCTEST_HOST") + target;
        cli.Environment["SYNCTEST_SFTP_FOLDER"] = FolderName;
        cli.Environment["SYNCTEST_SFTP_USER"] = TestServers.Get("SYNCTEST_USER");
        cli.Environment["SYNCTEST_SFTP_PASSWORD"] = TestServers.Get("SYNCTEST_PASSWORD");
        cli.Environment["SYNCTEST_SFTP_HOST_KEY"] = TestServers.Get("SYNCTEST_SFTP_HOST_KEY_SHA256");
        return cli;
    }

    private static List<string> LocalFiles(string repository) =>
        Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repository, f))
            .Where(f => !f.StartsWith(".syncconfig", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static JsonElement Report(SyncConfigProcess cli) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.StatusFolder, Sync + ".json"))).RootElement.GetProperty("lastAttempt").Clone();
}
