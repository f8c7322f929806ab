using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SyncConfig.Testing.Network;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of the test server that can fail the network on cue: cut every open connection
/// once a number of bytes has gone up (a dropped line in the middle of a large upload), or be down (every connection
/// reset at once) until told otherwise.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _upstreamPort;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _bytesUp;
    private long _cutAt = long.MaxValue;
    private volatile bool _down;

    /// <param name="upstreamPort">The server's port on 127.0.0.1.</param>
    /// <param name="listenOn">Where to listen; a free port of 127.0.0.1 when null (another loopback address such as
    /// 127.0.0.2 with the server's own port stands in for a server whose port a client cannot be told).</param>
    public LoopbackProxy(int upstreamPort, IPEndPoint? listenOn = null)
    {
        _upstreamPort = upstreamPort;
        _listener = new TcpListener(listenOn ?? new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Authority => $"127.0.0.1:{Port}";

    /// <summary>Bytes relayed from the client to the server (requests and uploaded data).</summary>
    public long BytesUp => Interlocked.Read(ref _bytesUp);

    /// <summary>How many times the connections were cut on cue.</summary>
    public int Cuts => Volatile.Read(ref _cuts);
    private int _cuts;

    /// <summary>Cuts every open connection once, when the bytes sent up since now reach <paramref name="bytes"/>.</summary>
    public void CutAfter(long bytes) => Interlocked.Exchange(ref _cutAt, BytesUp + bytes);

    /// <summary>While down, open connections are cut and new ones reset as they arrive.</summary>
    public bool Down
    {
        get => _down;
        set
        {
            _down = value;
            if (value)
                CutAll();
        }
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
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (_down)
            {
                Reset(client);
                continue;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
            await Task.WhenAny(PumpAsync(client, server, up: true), PumpAsync(server, client, up: false));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool up)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    // The other direction may still carry the reply.
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                if (up && Interlocked.Add(ref _bytesUp, read) >= Interlocked.Read(ref _cutAt))
                {
                    Interlocked.Exchange(ref _cutAt, long.MaxValue);
                    Interlocked.Increment(ref _cuts);
                    CutAll();
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private void CutAll()
    {
        foreach (var socket in _open.Keys)
            Reset(socket);
    }

    private void Reset(Socket socket)
    {
        _open.TryRemove(socket, out _);
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
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
}
