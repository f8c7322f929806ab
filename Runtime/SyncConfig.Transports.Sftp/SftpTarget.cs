namespace SyncConfig.Transports.Sftp;

/// <summary>
/// Where an SFTP sync writes and how it signs in, with every <c>$(NAME)</c> reference already resolved. A class, not a
/// record: a record's generated <c>ToString</c> would print the password and the passphrase.
/// </summary>
public sealed class SftpTarget
{
    /// <param name="path">The target path, absolute from the server's root (<c>/home/backups/macrium</c>).</param>
    public SftpTarget(string host, int port, string path, string userName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        if (!path.StartsWith('/'))
            throw new ArgumentException($"The target path '{path}' is not absolute.", nameof(path));
        Host = host;
        Port = port;
        Path = path.Length > 1 ? path.TrimEnd('/') : path;
        UserName = userName;
    }

    public string Host { get; }
    public int Port { get; }
    public string Path { get; }
    public string UserName { get; }
    public string? Password { get; init; }
    public string? PrivateKeyFile { get; init; }
    public string? PrivateKeyPassphrase { get; init; }

    /// <summary><c>SHA256:</c> and the base64 of the host key's hash, as <c>ssh-keygen -l</c> prints it; null trusts any key.</summary>
    public string? HostKeyFingerprint { get; init; }

    /// <summary>
    /// SSH connections opened at most. One connection's throughput is bounded by its SSH window (about 2 MB in flight
    /// with OpenSSH), so files uploaded side by side each get a connection of their own, up to this many.
    /// </summary>
    public int Connections { get; init; } = 4;

    /// <summary>How long reaching the server and signing in may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may wait for its reply before the connection counts as dropped.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary><c>sftp://host:port/path</c>, for messages: no user name, no secret.</summary>
    public override string ToString() => $"sftp://{Host}:{Port}{Path}";
}
