using Renci.SshNet;
using Renci.SshNet.Common;

namespace SyncConfig.Transports.Sftp.Connections;

/// <summary>
/// A few SFTP connections to one server, opened as work needs them. SSH.NET's client takes concurrent requests, but one
/// connection moves at most its SSH window per round trip and encrypts on one thread, so each operation goes to the
/// connection with the fewest in flight: work done one at a time stays on the first connection, files uploaded side by
/// side spread over up to <see cref="SftpTarget.Connections"/>. A connection that dropped is replaced on the next use.
/// </summary>
internal sealed class ConnectionPool(SftpTarget target) : IAsyncDisposable
{
    private readonly Slot[] _slots = Enumerable.Range(0, Math.Max(1, target.Connections)).Select(_ => new Slot()).ToArray();

    public HostKeyPin HostKey { get; } = new(target.HostKeyFingerprint);

    /// <summary>A connected client for one operation; dispose the lease when the operation is over.</summary>
    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        Slot slot;
        lock (_slots)
        {
            // Fewest in flight first; among equals a connected one, so an idle pool never opens a second connection.
            slot = _slots.MinBy(s => (s.InFlight * 2) + (s.Client is { IsConnected: true } ? 0 : 1))!;
            slot.InFlight++;
        }
        try
        {
            return new Lease(this, slot, await ConnectedClientAsync(slot, cancellationToken));
        }
        catch
        {
            Release(slot);
            throw;
        }
    }

    private async Task<SftpClient> ConnectedClientAsync(Slot slot, CancellationToken cancellationToken)
    {
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.Client is { IsConnected: true } connected)
                return connected;
            Interlocked.Exchange(ref slot.Client, null)?.Dispose();
            var fresh = await ConnectAsync(cancellationToken);
            slot.Client = fresh;
            return fresh;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task<SftpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SftpClient(ConnectionInfo())
        {
            OperationTimeout = target.OperationTimeout,
            // Without traffic a NAT or firewall forgets the connection while a large file is being read locally.
            KeepAliveInterval = TimeSpan.FromSeconds(30),
        };
        client.HostKeyReceived += HostKey.OnHostKeyReceived;
        try
        {
            await client.ConnectAsync(cancellationToken);
            return client;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw SftpErrors.Connecting(e, target, HostKey);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private ConnectionInfo ConnectionInfo()
    {
        var methods = new List<AuthenticationMethod>();
        if (target.PrivateKeyFile is { } keyFile)
        {
            try
            {
                methods.Add(new PrivateKeyAuthenticationMethod(target.UserName, new PrivateKeyFile(keyFile, target.PrivateKeyPassphrase)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SshException or ArgumentException or InvalidOperationException
                                           or System.Security.Cryptography.CryptographicException)
            {
                throw SftpErrors.KeyFile(e, target);
            }
        }
        if (target.Password is { } password)
            methods.Add(new PasswordAuthenticationMethod(target.UserName, password));
        if (methods.Count == 0)
            methods.Add(new NoneAuthenticationMethod(target.UserName));
        var info = new ConnectionInfo(target.Host, target.Port, target.UserName, [.. methods])
        {
            Timeout = target.ConnectTimeout,
            RetryAttempts = 1,
        };
        PreferFirst(info.Encryptions, PreferredCiphers);
        return info;
    }

    /// <summary>
    /// AES-GCM first: authenticated encryption in one pass on the CPU's AES instructions. SSH.NET's own order starts with
    /// AES-CTR plus a separate HMAC (measured here: 128 MB in 2.2 s against 2.05 s with AES-GCM) and its ChaCha20 is
    /// managed code (5.6 s). The server's support decides in the end; the rest of SSH.NET's list stays as it was.
    /// </summary>
    private static readonly string[] PreferredCiphers = ["aes128-gcm@openssh.com", "aes256-gcm@openssh.com"];

    private static void PreferFirst<T>(IDictionary<string, T> algorithms, string[] first)
    {
        var ordered = first.Where(algorithms.ContainsKey).Select(name => KeyValuePair.Create(name, algorithms[name]))
            .Concat(algorithms.Where(a => !first.Contains(a.Key)))
            .ToList();
        // A Dictionary keeps insertion order only when nothing was removed: refill it whole.
        algorithms.Clear();
        foreach (var (name, algorithm) in ordered)
            algorithms.Add(name, algorithm);
    }

    private void Release(Slot slot)
    {
        lock (_slots)
            slot.InFlight--;
    }

    /// <summary>The connection failed under an operation: close it, so the next operation connects afresh.</summary>
    private static void Break(Slot slot, SftpClient client)
    {
        // Only if no other operation has replaced it already; never waits for a connect in progress.
        if (Interlocked.CompareExchange(ref slot.Client, null, client) == client)
            client.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var slot in _slots)
        {
            slot.Client?.Dispose();
            slot.Client = null;
        }
        return ValueTask.CompletedTask;
    }

    internal sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public SftpClient? Client;
        public int InFlight { get; set; }
    }

    internal readonly struct Lease(ConnectionPool pool, Slot slot, SftpClient client) : IDisposable
    {
        public SftpClient Client => client;

        /// <summary>The operation found the connection dead: it is not handed out again.</summary>
        public void Break() => ConnectionPool.Break(slot, client);

        public void Dispose() => pool.Release(slot);
    }
}
