namespace SyncConfig.Transports.Ftp.Client;

/// <summary>Where and how an <see cref="FtpClient"/> connects.</summary>
public sealed record FtpClientOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 21;

    public required string UserName { get; init; }

    /// <summary>Sent in PASS only; never part of a message.</summary>
    public string? Password { get; init; }

    /// <summary>Explicit TLS (AUTH TLS, then PBSZ 0 and PROT P): the control and every data connection encrypted.</summary>
    public bool UseTls { get; init; }

    /// <summary>
    /// The SHA-256 hash of the server certificate to accept instead of one the system trusts (a self-signed server).
    /// Without it the certificate must be valid for <see cref="Host"/> and chain to a root this machine trusts.
    /// </summary>
    public byte[]? CertificateSha256 { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a command may wait for its reply (a transfer's final reply included).</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a data connection may go without moving a byte.</summary>
    public TimeSpan DataTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>"ftps://host:port" for messages.</summary>
    public string Endpoint => $"{(UseTls ? "ftps" : "ftp")}://{Host}:{Port}";
}
