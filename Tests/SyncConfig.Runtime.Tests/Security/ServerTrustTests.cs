using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;
using SyncConfig.Runtime.Tests.Reliability;
using SyncConfig.Testing.Network;
using SyncConfig.Testing.Servers;

namespace SyncConfig.Runtime.Tests.Security;

/// <summary>
/// The built executable meeting a server that is not the one the definition trusts, on the real servers: an SFTP
/// host key other than the pinned one, an FTPS certificate other than the pinned one (vsftpd and pure-ftpd), and a
/// self-signed FTPS certificate with no pin (the machine's trusted authorities decide, and do not know it), and the
/// same two for S3 over HTTPS (the S3 test server behind a TLS front with that certificate). Each
/// `sync --now` fails with a message that names the setting to fix and the fingerprint the server showed, and the
/// target folder on the server is still empty afterwards: nothing was created, written or left behind.
/// </summary>
[TestClass]
public sealed class ServerTrustTests
{
    private const string OtherHostKey = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";
    private static readonly string OtherCertificate = new('A', 64);

    public TestContext TestContext { get; set; } = null!;

    private static string CertificateFingerprint =>
        string.Join(':', Convert.FromHexString(TestServers.Get("SYNCTEST_FTPS_CERT_SHA256")).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    [TestMethod]
    public async Task AChangedSftpHostKeyStopsTheSyncBeforeAnythingIsWritten()
    {
        await using var target = ReliabilityTarget.Create("SFTP");
        target.GenerateRepository(seed: 41, megabytes: 1, largeMegabytes: 0);
        target.Cli.Environment["SYNCTEST_SFTP_HOST_KEY"] = OtherHostKey;

        var sync = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);

        AssertRefused(sync, "HostKeyFingerprint", OtherHostKey, TestServers.Get("SYNCTEST_SFTP_HOST_KEY_SHA256").TrimEnd('='));
        StringAssert.Contains(sync.ToString(), "Nothing was sent to it", sync.ToString());
        AssertEmpty(ServerFolder(target, "SYNCTEST_SFTP_SERVER"));
    }

    [TestMethod]
    [DataRow("FtpsTestOffsite", DisplayName = "vsftpd")]
    [DataRow("PureFtpsTestOffsite", DisplayName = "pure-ftpd")]
    public async Task AnFtpsCertificateOtherThanThePinnedOneStopsTheSyncBeforeAnythingIsWritten(string sync)
    {
        await using var target = ReliabilityTarget.Create("FTPS");
        target.GenerateRepository(seed: 42, megabytes: 1, largeMegabytes: 0);
        var pinned = target.Cli.Environment["SYNCTEST_FTPS_CERT_SHA256"]!;
        target.Cli.Environment["SYNCTEST_FTPS_CERT_SHA256"] = OtherCertificate;

        var refused = await target.Cli.RunAsync(["sync", sync, "--now"]);

        AssertRefused(refused, "is not the pinned CertificateFingerprint", CertificateFingerprint, string.Join(':', Enumerable.Repeat("AA", 32)));
        AssertEmpty(ServerFolder(target, "SYNCTEST_FTP_SERVER"));

        // The same definition with the right pin reaches the server: what refused was the certificate, nothing else.
        target.Cli.Environment["SYNCTEST_FTPS_CERT_SHA256"] = pinned;
        var test = await target.Cli.RunAsync(["test", sync]);
        Assert.AreEqual(ExitCodes.Ok, test.ExitCode, test.ToString());
        TestContext.WriteLine($"trust: {sync}: wrong pin refused (exit {refused.ExitCode}), nothing written; the right pin passes test");
    }

    [TestMethod]
    public async Task ASelfSignedFtpsCertificateWithoutAPinStopsTheSyncAndSaysHowToPinIt()
    {
        await using var target = ReliabilityTarget.Create("FTPS");
        target.GenerateRepository(seed: 43, megabytes: 1, largeMegabytes: 0);

        var sync = await target.Cli.RunAsync(["sync", "UnpinnedFtpsTestOffsite", "--now"]);

        // The certificate names 127.0.0.1, not the host name the sync uses: refused before the chain is even considered.
        AssertRefused(sync, "was refused: it is not issued for 'localhost'", "pin it with CertificateFingerprint", CertificateFingerprint);
        AssertEmpty(ServerFolder(target, "SYNCTEST_FTP_SERVER"));
    }

    [TestMethod]
    [DataRow("S3PinnedTestOffsite", true, DisplayName = "S3 HTTPS, wrong pin")]
    [DataRow("S3HttpsTestOffsite", false, DisplayName = "S3 HTTPS, no pin")]
    public async Task AnS3CertificateThatIsNeitherPinnedNorTrustedStopsTheSyncBeforeAnyRequest(string sync, bool pinned)
    {
        await using var target = ReliabilityTarget.Create("S3");
        target.GenerateRepository(seed: 44, megabytes: 1, largeMegabytes: 0);
        var certificate = TestServers.Get("SYNCTEST_FTPS_CERT");
        await using var front = new TlsFront(certificate, Path.ChangeExtension(certificate, ".key"),
            new Uri(TestServers.Get("SYNCTEST_S3_ENDPOINT")).Port);
        target.Cli.Environment["SYNCCONFIG_S3_ENDPOINT"] = $"127.0.0.1:{front.Port}";
        target.Cli.Environment["SYNCTEST_FTPS_CERT_SHA256"] = OtherCertificate;

        var refused = await target.Cli.RunAsync(["sync", sync, "--now"]);

        if (pinned)
            AssertRefused(refused, "CertificateFingerprint pins", CertificateFingerprint, string.Join(':', Enumerable.Repeat("AA", 32)), "Nothing was sent");
        else
            AssertRefused(refused, "is not trusted by this machine", "pin it with CertificateFingerprint", CertificateFingerprint, "Nothing was sent");
        Assert.AreEqual(0, front.Requests, "a request reached the store through the TLS front");

        if (pinned)
        {
            // The right pin: the same front, the same certificate, and the sync goes through it.
            target.Cli.Environment["SYNCTEST_FTPS_CERT_SHA256"] = TestServers.Get("SYNCTEST_FTPS_CERT_SHA256");
            var sync2 = await target.Cli.RunAsync(["sync", sync, "--now"]);
            Assert.AreEqual(ExitCodes.Ok, sync2.ExitCode, sync2.ToString());
            Assert.IsGreaterThan(0, front.Requests, "the sync did not go through the TLS front");
        }
        TestContext.WriteLine($"trust: {sync}: refused (exit {refused.ExitCode}) before any request reached the store{(pinned ? "; the right pin syncs through the same front" : "")}");
    }

    private static void AssertRefused(ProcessRun run, params string[] expected)
    {
        BadRemoteStateTests.AssertNoCrash(run);
        Assert.AreEqual(ExitCodes.SyncFailed, run.ExitCode, run.ToString());
        foreach (var text in expected)
            StringAssert.Contains(run.ToString(), text, run.ToString());
        Assert.DoesNotContain("password", run.Error, "the server's identity was refused, not a password: " + run);
    }

    /// <summary>The server's target folder on this machine's disk: the definition's server value without its host.</summary>
    private static string ServerFolder(ReliabilityTarget target, string variable)
    {
        var server = target.Cli.Environment[variable]!;
        return server[server.IndexOf('/', StringComparison.Ordinal)..];
    }

    private static void AssertEmpty(string folder)
    {
        Assert.IsTrue(Directory.Exists(folder), $"{folder} is gone");
        CollectionAssert.AreEqual(Array.Empty<string>(), Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).ToList(),
            "something reached the server");
    }
}
