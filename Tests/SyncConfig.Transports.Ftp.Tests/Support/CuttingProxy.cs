using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace SyncConfig.Transports.Ftp.Tests.Support;

/// <summary>
/// A loopback proxy in front of a plain FTP server that drops every connection once the uploads through it have passed
/// a number of bytes, as a network that goes away mid-transfer. It rewrites the passive replies so the data
/// connections come through it too, and counts the bytes that reach the server on them.
/// The cut keeps what was forwarded: the server's side of the data connection ends with a FIN and the proxy waits for
/// the server to close it (the server has then read, and stored, every forwarded byte) before it resets the client's
/// side and drops the control connections. Cutting both at once would leave the bytes still in the sockets' buffers to
/// the server's mood: pure-ftpd, seeing its control connection go, abandons the data it has not yet read.
/// </summary>
public sealed partial class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly long _cutAfter;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(Socket Client, Socket Server)> _open = [];
    private readonly Task _accepting;
    private long _uploaded;
    private int _cut;
    private volatile bool _cutting;

    public CuttingProxy(int serverPort, long cutAfter)
    {
        _serverPort = serverPort;
        _cutAfter = cutAfter;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Bytes forwarded to the server on data connections, client to server.</summary>
    public long Uploaded => Interlocked.Read(ref _uploaded);

    public bool HasCut => _cut == 1;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                return;
            }
            _ = RelayControlAsync(client);
        }
    }

    private async Task RelayControlAsync(Socket client)
    {
        var server = await ConnectAsync(_serverPort);
        Track(client, server);
        _ = PumpAsync(client, server, countUploads: false);
        // Server to client line by line, so the passive replies can be pointed at the proxy.
        var buffer = new StringBuilder();
        var bytes = new byte[8192];
        try
        {
            int read;
            while ((read = await server.ReceiveAsync(bytes, _stop.Token)) > 0)
            {
                buffer.Append(Encoding.Latin1.GetString(bytes, 0, read));
                int newline;
                while ((newline = buffer.ToString().IndexOf('\n')) >= 0)
                {
                    var line = buffer.ToString(0, newline + 1);
                    buffer.Remove(0, newline + 1);
                    // The server's reply to the cut transfer (226) must not reach the client: for the client the link is gone.
                    if (_cutting)
                        continue;
                    await client.SendAsync(Encoding.Latin1.GetBytes(await RewriteAsync(line)), _stop.Token);
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        client.Dispose();
    }

    private async Task<string> RewriteAsync(string line)
    {
        if (ExtendedReply().Match(line) is { Success: true } extended)
            return line.Replace(extended.Value, $"(|||{await ListenDataAsync(int.Parse(extended.Groups[1].Value, CultureInfo.InvariantCulture))}|)");
        if (ClassicReply().Match(line) is { Success: true } classic)
        {
            var port = int.Parse(classic.Groups[1].Value, CultureInfo.InvariantCulture) * 256 + int.Parse(classic.Groups[2].Value, CultureInfo.InvariantCulture);
            var local = await ListenDataAsync(port);
            return line.Replace(classic.Value, $"(127,0,0,1,{local / 256},{local % 256})");
        }
        return line;
    }

    private Task<int> ListenDataAsync(int serverPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                var client = await listener.AcceptSocketAsync(_stop.Token);
                var server = await ConnectAsync(serverPort);
                Track(client, server);
                var serverClosed = PumpAsync(server, client, countUploads: false);
                await PumpAsync(client, server, countUploads: true, serverClosed);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
            finally
            {
                listener.Stop();
            }
        });
        return Task.FromResult(((IPEndPoint)listener.LocalEndpoint).Port);
    }

    /// <param name="serverClosed">For an upload's data connection: ends when the server has closed its side.</param>
    private async Task PumpAsync(Socket from, Socket to, bool countUploads, Task? serverClosed = null)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, _stop.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
                if (countUploads && Interlocked.Add(ref _uploaded, read) > _cutAfter && Interlocked.Exchange(ref _cut, 1) == 0)
                {
                    _cutting = true;
                    to.Shutdown(SocketShutdown.Send);
                    if (serverClosed is not null)
                        await Task.WhenAny(serverClosed, Task.Delay(TimeSpan.FromSeconds(30), _stop.Token));
                    CutEverything();
                    _cutting = false;
                    return;
                }
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// The client's side is reset, as when a link dies; the server's side ends with a FIN, so the server keeps what
    /// reached it (what a resume must find and keep).
    /// </summary>
    private void CutEverything()
    {
        lock (_open)
        {
            foreach (var (client, server) in _open)
            {
                Quietly(() => client.LingerState = new LingerOption(true, 0));
                Quietly(client.Close);
                Quietly(() => server.Shutdown(SocketShutdown.Both));
                Quietly(server.Close);
            }
            _open.Clear();
        }
    }

    private static void Quietly(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    private void Track(Socket client, Socket server)
    {
        lock (_open)
            _open.Add((client, server));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_open)
        {
            foreach (var (client, server) in _open)
            {
                client.Dispose();
                server.Dispose();
            }
        }
        _stop.Dispose();
    }

    [GeneratedRegex(@"\(\|\|\|(\d+)\|\)")]
    private static partial Regex ExtendedReply();

    [GeneratedRegex(@"\(?\d+,\d+,\d+,\d+,(\d+),(\d+)\)?")]
    private static partial Regex ClassicReply();
}
