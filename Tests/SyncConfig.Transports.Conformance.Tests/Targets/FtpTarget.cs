using System.Net;
using System.Net.Sockets;
using SyncConfig.Testing;
using SyncConfig.Transports.Ftp;
using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Conformance.Tests.Targets;

/// <summary>
/// An FTP server that scripts/servers runs (vsftpd or pure-ftpd, plain or with TLS), a fresh folder on it per target.
/// The transports reach the control port through a loopback relay, so cutting the target off is closing the relay:
/// every session drops and no new one gets through. The data connections go to the server itself (the control
/// connection's address, 127.0.0.1, and the port the server names).
/// </summary>
public sealed class FtpTarget(string server, bool tls, int crashPointsPerRun) : TargetUnderTest
{
    public override string Name => (tls ? "FTPS " : "FTP ") + server;

    public override int? CrashPointsPerRun => crashPointsPerRun;

    public override async Task<TestTarget> CreateAsync()
    {
        var options = Options();
        var path = TestServers.Value("SYNCTEST_HOME") + "/conformance-" + Guid.NewGuid().ToString("N")[..12];
        await using (var client = await FtpClient.ConnectAsync(options, CancellationToken.None))
            await client.RequireAsync("MKD " + path, CancellationToken.None);
        return new FtpFolder(options, path);
    }

    private FtpClientOptions Options()
    {
        var port = (server, tls) switch
        {
            ("vsftpd", false) => "SYNCTEST_FTP_PORT",
            ("vsftpd", true) => "SYNCTEST_FTPS_PORT",
            _ => "SYNCTEST_PUREFTPD_PORT",
        };
        return new FtpClientOptions
        {
            // TLS by name: .NET resumes TLS sessions on data connections only for a named host ("localhost" is 127.0.0.1 here).
            Host = tls ? "localhost" : TestServers.Value("SYNCTEST_HOST"),
            Port = int.Parse(TestServers.Value(port), System.Globalization.CultureInfo.InvariantCulture),
            UserName = TestServers.Value("SYNCTEST_USER"),
            Password = TestServers.Value("SYNCTEST_PASSWORD"),
            UseTls = tls,
            CertificateSha256 = tls ? Convert.FromHexString(TestServers.Value("SYNCTEST_FTPS_CERT_SHA256")) : null,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ReplyTimeout = TimeSpan.FromSeconds(10),
            DataTimeout = TimeSpan.FromSeconds(10),
        };
    }

    private sealed class FtpFolder(FtpClientOptions options, string path) : TestTarget
    {
        private readonly Relay _relay = new(options.Port);

        public override IReadOnlyList<string> Secrets => [options.Password!];

        public override Task CutOffAsync() => _relay.CutAsync();

        protected override IRemoteTransport CreateTransport() => new FtpTransport(options with { Port = _relay.Port }, path);

        protected override async ValueTask RemoveAsync()
        {
            _relay.Stop();
            await using var transport = new FtpTransport(options, TestServers.Value("SYNCTEST_HOME"), 1);
            await transport.DeleteFolderAsync(path[(path.LastIndexOf('/') + 1)..], CancellationToken.None);
        }
    }

    /// <summary>
    /// Relays each connection to the server's control port byte for byte. Once cut, it drops every connection and
    /// closes each new one at once; it keeps its port until stopped, so no other test's relay can take the port over
    /// and answer for a target that is meant to be gone.
    /// </summary>
    private sealed class Relay
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> _sockets = [];
        private readonly int _serverPort;
        private bool _closed;

        public Relay(int serverPort)
        {
            _serverPort = serverPort;
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        private async Task AcceptAsync()
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptSocketAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }
                if (_closed)
                {
                    client.Dispose();
                    continue;
                }
                var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await server.ConnectAsync(IPAddress.Loopback, _serverPort);
                }
                catch (SocketException)
                {
                    client.Dispose();
                    server.Dispose();
                    continue;
                }
                lock (_sockets)
                {
                    if (_closed)
                    {
                        client.Dispose();
                        server.Dispose();
                        continue;
                    }
                    _sockets.Add(client);
                    _sockets.Add(server);
                }
                _ = PumpAsync(client, server);
                _ = PumpAsync(server, client);
            }
        }

        private static async Task PumpAsync(Socket from, Socket to)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await from.ReceiveAsync(buffer)) > 0)
                    await to.SendAsync(buffer.AsMemory(0, read));
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Closed by the other side or by CloseAsync.
            }
        }

        public void Stop()
        {
            _listener.Stop();
            CutAsync();
        }

        public Task CutAsync()
        {
            lock (_sockets)
            {
                _closed = true;
                foreach (var socket in _sockets)
                    socket.Dispose();
                _sockets.Clear();
            }
            return Task.CompletedTask;
        }
    }
}
