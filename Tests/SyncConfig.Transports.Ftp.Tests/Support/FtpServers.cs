using SyncConfig.Testing.Servers;
using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp.Tests.Support;

/// <summary>The FTP servers scripts/servers/start runs on 127.0.0.1, as client options.</summary>
public static class FtpServers
{
    public static string Value(string name) => TestServers.Get(name);

    public static string Home => Value("SYNCTEST_HOME");

    public static string CertificateSha256 => Value("SYNCTEST_FTPS_CERT_SHA256");

    /// <summary>
    /// TLS servers are reached by name, as a real server would be: .NET resumes TLS sessions only for a named host, and
    /// that is what lets vsftpd's require_ssl_reuse accept the data connections. "localhost" is 127.0.0.1 on these machines.
    /// </summary>
    public const string NamedHost = "localhost";

    /// <summary>The servers the transport must work with, by name: vsftpd and pure-ftpd, each plain and with TLS.</summary>
    public static FtpClientOptions Server(string name) => name switch
    {
        "vsftpd" => Options("SYNCTEST_FTP_PORT", tls: false),
        "vsftpd-tls" => Options("SYNCTEST_FTPS_PORT", tls: true),
        "vsftpd-tls-reuse" => Options("SYNCTEST_FTPS_REUSE_PORT", tls: true),
        "pure-ftpd" => Options("SYNCTEST_PUREFTPD_PORT", tls: false),
        "pure-ftpd-tls" => Options("SYNCTEST_PUREFTPD_PORT", tls: true),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    private static FtpClientOptions Options(string portVariable, bool tls) => new()
    {
        Host = tls ? NamedHost : Value("SYNCTEST_HOST"),
        Port = int.Parse(Value(portVariable), System.Globalization.CultureInfo.InvariantCulture),
        UserName = Value("SYNCTEST_USER"),
        Password = Value("SYNCTEST_PASSWORD"),
        UseTls = tls,
        CertificateSha256 = tls ? Convert.FromHexString(CertificateSha256) : null,
        ReplyTimeout = TimeSpan.FromSeconds(10),
        DataTimeout = TimeSpan.FromSeconds(10),
    };
}
