using System.Net;
using System.Net.Sockets;

namespace SyncConfig.Testing.Network;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a real test server, so a test can drop connections the way a network does:
/// in the middle of a transfer, after a chosen number of bytes. Connections made after a cut are relayed as usual,
/// so a client that reconnects gets through.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Relay> _relays = [];
    private readonly Task _accepting;
    private long _bytesToServer;
    private long _cutAt = long.MaxValue;

    public TcpProxy(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Where clients connect instead of the server.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Bytes relayed from clients to the server so far, over every connection.</summary>
    public long BytesToServer => Interlocked.Read(ref _bytesToServer);

    /// <summary>How many times connections were cut.</summary>
    public int Cuts { get; private set; }

    /// <summary>Resets every connection (as a dropped network does) once <paramref name="bytes"/> more bytes went to the server.</summary>
    public void CutAfter(long bytes) => Interlocked.Exchange(ref _cutAt, BytesToServer + bytes);

    /// <summary>The server is gone for good: open connections are reset, new ones refused.</summary>
    public void Refuse()
    {
        _listener.Stop();
        CutAll();
    }

    /// <summary>Resets every open connection now.</summary>
    public void CutAll()
    {
        List<Relay> open;
        lock (_relays)
        {
            open = [.. _relays];
            _relays.Clear();
        }
        foreach (var relay in open)
            relay.Reset();
        Cuts++;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        var relay = new Relay(client, server);
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token);
            lock (_relays)
                _relays.Add(relay);
            await Task.WhenAll(PumpAsync(client, server, toServer: true), PumpAsync(server, client, toServer: false));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_relays)
                _relays.Remove(relay);
            relay.Reset();
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool toServer)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
                if (toServer && Interlocked.Add(ref _bytesToServer, read) >= Interlocked.Read(ref _cutAt))
                {
                    Interlocked.Exchange(ref _cutAt, long.MaxValue);
                    CutAll();
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        await _accepting;
        _stop.Dispose();
    }

    private sealed class Relay(Socket client, Socket server)
    {
        /// <summary>Closed with no linger: both ends see a reset, not an orderly end of stream.</summary>
        public void Reset()
        {
            foreach (var socket in new[] { client, server })
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                }
            }
        }
    }
}
