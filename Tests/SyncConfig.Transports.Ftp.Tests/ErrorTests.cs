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
    public async Task A_wrong_password_is_an_authentication_failure_naming_the_settings(string server)
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
    public async Task Plain_ftp_to_a_server_that_requires_tls_says_to_use_ftps()
    {
        var e = await ConnectFailsAsync(FtpServers.Server("vsftpd-tls") with { UseTls = false }, FtpServers.Home);
        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, e.Kind);
        Assert.Contains("use FTPS", e.Message);
    }

    [TestMethod]
    [DataRow("vsftpd-tls")]
    [DataRow("pure-ftpd")]
    public async Task A_missing_target_path_names_it_and_the_setting(string server)
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
    public async Task A_certificate_that_is_not_the_pinned_one_is_refused_with_both_fingerprints(string server)
    {
        var pinned = new byte[32];
        var e = await ConnectFailsAsync(FtpServers.Server(server) with { CertificateSha256 = pinned }, FtpServers.Home);
        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, e.Kind);
        Assert.Contains("CertificateFingerprint", e.Message);
        Assert.Contains(string.Join(':', Convert.FromHexString(FtpServers.CertificateSha256).Select(b => b.ToString("X2"))), e.Message);
        Assert.Contains(string.Join(':', pinned.Select(b => b.ToString("X2"))), e.Message);
    }

    [TestMethod]
    public async Task A_self_signed_certificate_without_a_pin_is_refused_and_the_message_says_how_to_pin_it()
    {
        var e = await ConnectFailsAsync(FtpServers.Server("vsftpd-tls") with { CertificateSha256 = null }, FtpServers.Home);
        Assert.AreEqual(RemoteErrorKind.AuthenticationFailed, e.Kind);
        Assert.Contains("pin it with CertificateFingerprint", e.Message);
        Assert.Contains("openssl x509", e.Message);
    }

    [TestMethod]
    public async Task A_server_that_demands_tls_session_reuse_given_by_ip_address_names_both_ways_out()
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
    public async Task A_server_that_demands_tls_session_reuse_given_by_name_takes_the_data_connections()
    {
        await using var folder = await RemoteFolder.CreateAsync(FtpServers.Server("vsftpd-tls-reuse"));
        await using var transport = folder.Transport(connections: 1);
        await transport.ConnectAsync(TestContext.CancellationToken);
        await transport.WriteAsync("file", new MemoryStream([1, 2, 3]), WriteMode.Replace, TestContext.CancellationToken);
        Assert.AreEqual(3, (await transport.GetFileAsync("file", TestContext.CancellationToken))?.Length);
    }

    [TestMethod]
    public async Task A_port_nobody_listens_on_is_unreachable_and_worth_retrying()
    {
        var e = await ConnectFailsAsync(FtpServers.Server("vsftpd") with { Port = 1 }, FtpServers.Home);
        Assert.AreEqual(RemoteErrorKind.Unreachable, e.Kind);
        Assert.Contains("ftp://127.0.0.1:1", e.Message);
        Assert.IsTrue(e.IsTransient);
    }

    [TestMethod]
    public async Task A_missing_file_is_not_found_and_leaves_the_session_usable()
    {
        await using var folder = await RemoteFolder.CreateAsync(FtpServers.Server("vsftpd"));
        await using var transport = folder.Transport(connections: 1);
        await transport.ConnectAsync(TestContext.CancellationToken);
        var e = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.OpenReadAsync("missing", TestContext.CancellationToken));
        Assert.AreEqual(RemoteErrorKind.NotFound, e.Kind);
        Assert.IsTrue(await transport.FolderExistsAsync("", TestContext.CancellationToken));
    }

    private async Task<RemoteException> ConnectFailsAsync(FtpClientOptions options, string path)
    {
        await using var transport = new FtpTransport(options, path, 1);
        return await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.ConnectAsync(TestContext.CancellationToken));
    }
}
