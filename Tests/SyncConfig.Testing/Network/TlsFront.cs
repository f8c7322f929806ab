using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace SyncConfig.Testing.Network;

/// <summary>
/// HTTPS in front of a plain-HTTP test server on 127.0.0.1: accepts TLS with the given certificate and relays the
/// decrypted bytes to the server's port, so a client's certificate checks meet a real handshake. Counts the
/// connections that carried a request: a client checks the certificate once the handshake is done (TLS 1.3 ends the
/// server's side of it first), so a refused certificate shows as a connection that closes without sending a byte.
/// </summary>
public sealed class TlsFront : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _requests;

    /// <param name="certificatePem">A PEM certificate whose private key lies in <paramref name="keyPem"/>.</param>
    public TlsFront(string certificatePem, string keyPem, int serverPort)
    {
        _certificate = X509Certificate2.CreateFromPemFile(certificatePem, keyPem);
        _serverPort = serverPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections on which the client sent anything after the handshake.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(_certificate);
                var first = new byte[16384];
                var read = await tls.ReadAsync(first, _stop.Token);
                if (read == 0)
                    return;
                Interlocked.Increment(ref _requests);
                using var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token);
                await using var plain = server.GetStream();
                await plain.WriteAsync(first.AsMemory(0, read), _stop.Token);
                var up = tls.CopyToAsync(plain, _stop.Token);
                var down = plain.CopyToAsync(tls, _stop.Token);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A client that refused the certificate, or closed: the connection ends here.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _certificate.Dispose();
        _stop.Dispose();
    }
}
