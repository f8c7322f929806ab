using SyncConfig.Testing.Network;
using SyncConfig.Testing.Servers;
using SyncConfig.Transports.Ftp;
using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Conformance.Tests.Targets;

/// <summary>
/// The FTP transport on a real server of scripts/servers/start: every target is a fresh folder in the test account's
/// home, reached through a proxy of its own that can cut the control connections (the data connections go to the
/// server's passive ports directly; a transfer whose control connection is gone fails with it).
/// </summary>
public sealed class FtpServerTarget(string name, string portKey, bool tls) : TargetUnderTest
{
    public static FtpServerTarget Vsftpd { get; } = new("FTP vsftpd", "SYNCTEST_FTP_PORT", tls: false);

    /// <summary>vsftpd with explicit TLS, the certificate pinned.</summary>
    public static FtpServerTarget VsftpdTls { get; } = new("FTPS vsftpd", "SYNCTEST_FTPS_PORT", tls: true);

    /// <summary>pure-ftpd, listing with MLSD; one port serves plain FTP and explicit TLS.</summary>
    public static FtpServerTarget PureFtpd { get; } = new("FTP pure-ftpd", "SYNCTEST_PUREFTPD_PORT", tls: false);

    public static FtpServerTarget PureFtpdTls { get; } = new("FTPS pure-ftpd", "SYNCTEST_PUREFTPD_PORT", tls: true);

    public override string Name => name;

    public override Task<TestTarget> CreateAsync() => Task.FromResult<TestTarget>(new FtpFolder(portKey, tls));
}

/// <summary>A fresh folder on an FTP server, signed in to with the test account's password.</summary>
public sealed class FtpFolder(string portKey, bool tls) : TestTarget
{
    public TcpProxy Proxy { get; } = new(TestServers.Port(portKey));

    /// <summary>The folder's path on the server, which is also its path on this machine.</summary>
    public string Path { get; } = TestServers.NewHomeFolder("ftp");

    public override IReadOnlyList<string> Secrets => [TestServers.Get("SYNCTEST_PASSWORD")];

    public override Task CutOffAsync()
    {
        Proxy.Refuse();
        return Task.CompletedTask;
    }

    protected override IRemoteTransport CreateTransport() => new FtpTransport(new FtpClientOptions
    {
        // TLS by name: .NET resumes TLS sessions on the data connections only for a named host ("localhost" is 127.0.0.1 here).
        Host = tls ? "localhost" : TestServers.Get("SYNCTEST_HOST"),
        Port = Proxy.Port,
        UserName = TestServers.Get("SYNCTEST_USER"),
        Password = TestServers.Get("SYNCTEST_PASSWORD"),
        UseTls = tls,
        CertificateSha256 = tls ? Convert.FromHexString(TestServers.Get("SYNCTEST_FTPS_CERT_SHA256")) : null,
        // A cut connection shows within seconds, not the production defaults' minute.
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReplyTimeout = TimeSpan.FromSeconds(10),
        DataTimeout = TimeSpan.FromSeconds(10),
    }, Path);

    protected override async ValueTask RemoveAsync()
    {
        await Proxy.DisposeAsync();
        Directory.Delete(Path, recursive: true);
    }
}
