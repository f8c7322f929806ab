using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace SyncConfig.Transports.Ftp.Client;

/// <summary>One passive-mode data connection, plain or TLS, carrying one transfer.</summary>
internal sealed class FtpDataConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _network;
    private SslStream? _tls;

    private FtpDataConnection(Socket socket)
    {
        _socket = socket;
        _network = new NetworkStream(socket, ownsSocket: false);
    }

    public Stream Stream => (Stream?)_tls ?? _network;

    public static async Task<FtpDataConnection> ConnectAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            await socket.ConnectAsync(new IPEndPoint(address, port), deadline.Token);
            return new FtpDataConnection(socket);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new FtpException(FtpFailure.Unreachable,
                $"The data connection to {address}:{port} could not be opened ({(e is SocketException s ? s.Message : "no answer within " + timeout.TotalSeconds + " s")}): " +
                "a firewall may block the server's passive port range.", inner: e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task SecureAsync(SslClientAuthenticationOptions options, CancellationToken cancellationToken)
    {
        _tls = new SslStream(_network, leaveInnerStreamOpen: true);
        await _tls.AuthenticateAsClientAsync(options, cancellationToken);
    }

    /// <summary>
    /// Ends the connection so the server sees every byte and an orderly end: the TLS close_notify, then the socket's own
    /// end of sending, then reading to the server's end. Disposing straight away would leave unread bytes (TLS 1.3 session
    /// tickets) in the socket, the close would go out as a reset, and the server would call the transfer aborted (426).
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_tls is not null)
            await _tls.ShutdownAsync();
        _socket.Shutdown(SocketShutdown.Send);
        await DrainAsync(cancellationToken);
    }

    /// <summary>Reads whatever the server still sends (after a download: its close_notify) up to its end of stream.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (await Stream.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        catch (IOException)
        {
            // The server closed without close_notify: the transfer's outcome is its reply on the control connection.
        }
    }

    public ValueTask DisposeAsync()
    {
        _tls?.Dispose();
        _network.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
