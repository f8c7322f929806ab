using SyncConfig.Transports.Ftp.Client;
using SyncConfig.Transports.Ftp.Tests.Support;

namespace SyncConfig.Transports.Ftp.Tests;

/// <summary>Each failure a person can fix says what to fix, is classified so the engine retries only what may pass, and never quotes the password.</summary>
[TestClass]
public sealed class ErrorTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("vsftpd")]
    [DataRow("pure-ftpd-tls")]
    public async Task AWrongPasswordIsAnAuthenticationFailureNamingTheSettings(string server)
    {
        var options = FtpServers.Server(server) with { Password = "wrong-" + Guid.NewGuid().ToString("N") };
        var e = await ConnectFailsAsync(options, FtpServers.Home);
        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, e.Kind);
        Assert.Contains("UserName and Password", e.Message);
        Assert.Contains("530", e.Message);
        Assert.DoesNotContain(options.Password!, e.ToString());
        Assert.IsFalse(e.IsTransient);
    }

    [TestMethod]
    public async Task PlainFtpToAServerThatRequiresTlsSaysToUseFtps()
    {
        var e = await ConnectFailsAsync(FtpServers.Server("vsftpd-tls") with { UseTls = false }, FtpServers.Home);
        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, e.Kind);
        Assert.Contains("use FTPS", e.Message);
    }

    [TestMethod]
    [DataRow("vsftpd-tls")]
    [DataRow("pure-ftpd")]
    public async Task AMissingTargetPathNamesItAndTheSetting(string server)
    {
        var missing = FtpServers.Home + "/no-such-" + Guid.NewGuid().ToString("N")[..8] + "/offsite";
        var e = await ConnectFailsAsync(FtpServers.Server(server), missing);
        Assert.AreEqual(RemoteErrorKind.NotFound, e.Kind);
        Assert.Contains(missing, e.Message);
        Assert.Contains("Server", e.Message);
    }

    [TestMethod]
    [DataRow("vsftpd-tls")]
    [DataRow("pure-ftpd-tls")]
    public async Task ACertificateThatIsNotThePinnedOneIsRefusedWithBothFingerprints(string server)
    {
        var pinned = new byte[32];
        var e = await ConnectFailsAsync(FtpServers.Server(server) with { CertificateSha256 = pinned }, FtpServers.Home);
        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, e.Kind);
        Assert.Contains("CertificateFingerprint", e.Message);
        Assert.Contains(string.Join(':', Convert.FromHexString(FtpServers.CertificateSha256).Select(b => b.ToString("X2"))), e.Message);
        Assert.Contains(string.Join(':', pinned.Select(b => b.ToString("X2"))), e.Message);
    }

    [TestMethod]
    public async Task ASelfSignedCertificateWithoutAPinIsRefusedAndTheMessageSaysHowToPinIt()
    {
        var e = await ConnectFailsAsync(FtpServers.Server("vsftpd-tls") with { CertificateSha256 = null }, FtpServers.Home);
        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, e.Kind);
        Assert.Contains("pin it with CertificateFingerprint", e.Message);
        Assert.Contains("openssl x509", e.Message);
    }

    [TestMethod]
    public async Task AServerThatDemandsTlsSessionReuseGivenByIpAddressNamesBothWaysOut()
    {
        var byAddress = FtpServers.Server("vsftpd-tls-reuse") with { Host = FtpServers.Value("SYNCTEST_HOST") };
        await using var transport = new FtpTransport(byAddress, FtpServers.Home, 1);
        var e = await Assert.ThrowsExactlyAsync<RemoteException>(async () =>
        {
            await transport.ConnectAsync(TestContext.CancellationToken);
            await transport.WriteAsync("reuse-" + Guid.NewGuid().ToString("N"), new MemoryStream([1, 2, 3]), WriteMode.Replace, TestContext.CancellationToken);
        });
        Assert.Contains("522", e.Message);
        Assert.Contains("require_ssl_reuse=NO", e.Message);
        Assert.Contains("host name", e.Message);
        Assert.IsFalse(e.IsTransient);
    }

    [TestMethod]
    public async Task AServerThatDemandsTlsSessionReuseGivenByNameTakesTheDataConnections()
    {
        await using var folder = await RemoteFolder.CreateAsync(FtpServers.Server("vsftpd-tls-reuse"));
        await using var transport = folder.Transport(connections: 1);
        await transport.ConnectAsync(TestContext.CancellationToken);
        await transport.WriteAsync("file", new MemoryStream([1, 2, 3]), WriteMode.Replace, TestContext.CancellationToken);
        Assert.AreEqual(3, (await transport.GetFileAsync("file", TestContext.CancellationToken))?.Length);
    }

    [TestMethod]
    public async Task APortNobodyListensOnIsUnreachableAndWorthRetrying()
    {
        var e = await ConnectFailsAsync(FtpServers.Server("vsftpd") with { Port = 1 }, FtpServers.Home);
        Assert.AreEqual(RemoteErrorKind.Unreachable, e.Kind);
        Assert.Contains("ftp://127.0.0.1:1", e.Message);
        Assert.IsTrue(e.IsTransient);
    }

    [TestMethod]
    public async Task AMissingFileIsNotFoundAndLeavesTheSessionUsable()
    {
        await using var folder = await RemoteFolder.CreateAsync(FtpServers.Server("vsftpd"));
        await using var transport = folder.Transport(connections: 1);
        await transport.ConnectAsync(TestContext.CancellationToken);
        var e = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.OpenReadAsync("missing", TestContext.CancellationToken));
        Assert.AreEqual(RemoteErrorKind.NotFound, e.Kind);
        Assert.IsTrue(await transport.FolderExistsAsync("", TestContext.CancellationToken));
    }

    [TestMethod]
    [DataRow("vsftpd")]
    [DataRow("pure-ftpd")]
    public async Task AFullDiskIsDiskFullAndNotRetried(string server)
    {
        await using var folder = await RemoteFolder.CreateAsync(FtpServers.Server(server));
        // The folder is on this machine's disk: a 1 MiB tmpfs over it (root only, as CI and the test machine run).
        if (Run("mount", "-t", "tmpfs", "-o", "size=1m,mode=0777", "tmpfs", folder.Path) != 0)
            Assert.Inconclusive("mount -t tmpfs is not allowed here (it needs root); the full-disk case is untested.");
        try
        {
            await using var transport = folder.Transport(connections: 1);
            await transport.ConnectAsync(TestContext.CancellationToken);
            using var content = new MemoryStream(new byte[3 << 20]);
            var e = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.WriteAsync("large.bin", content, WriteMode.Replace, TestContext.CancellationToken));
            Assert.AreEqual(RemoteErrorKind.DiskFull, e.Kind, e.Message);
            Assert.IsFalse(e.IsTransient);
            Assert.Contains("is full", e.Message);
        }
        finally
        {
            Run("umount", "-l", folder.Path);
        }
    }

    private static int Run(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(file, arguments)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    private async Task<RemoteException> ConnectFailsAsync(FtpClientOptions options, string path)
    {
        await using var transport = new FtpTransport(options, path, 1);
        return await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.ConnectAsync(TestContext.CancellationToken));
    }
}
