using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace SyncConfig.Transports.Ftp.Tests.Support;

/// <summary>
/// A small FTP server for behaviour no real test server shows: it offers HASH, refuses EPSV, names another host in
/// its PASV replies (while its data port listens on 127.0.0.1 only), and turns away sessions beyond
/// <see cref="MaxSessions"/>. Files live in memory; every command is recorded.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ScriptedServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The address the PASV replies name; nothing listens there.</summary>
    public string AnnouncedAddress { get; init; } = "10.9.8.7";

    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>Sessions served at once; one more is greeted with 421, as pure-ftpd and vsftpd turn away a client over their limit.</summary>
    public int MaxSessions { get; init; } = int.MaxValue;

    /// <summary>Sessions turned away with 421 so far.</summary>
    public int TurnedAway => Volatile.Read(ref _turnedAway);

    /// <summary>Sessions connected and not yet closed, by either side.</summary>
    public int OpenSessions => Volatile.Read(ref _sessions);

    /// <summary>NOOP is answered only once this completes: a server slow to answer the pool's check of an idle session.</summary>
    public Task NoopAnswered { get; init; } = Task.CompletedTask;

    private int _sessions;
    private int _turnedAway;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.UTF8);
        TcpListener? passive = null;
        long restart = 0;
        async Task Say(string line) => await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
        if (Interlocked.Increment(ref _sessions) > MaxSessions)
        {
            Interlocked.Decrement(ref _sessions);
            Interlocked.Increment(ref _turnedAway);
            await Say("421 Too many connections (2) from this IP");
            return;
        }
        await Say("220 scripted");
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                Commands.Enqueue(line);
                var space = line.IndexOf(' ');
                var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
                var argument = space < 0 ? "" : line[(space + 1)..];
                switch (verb)
                {
                    case "USER": await Say("331 password"); break;
                    case "PASS": await Say("230 in"); break;
                    case "FEAT": await Say("211-Features:\r\n SIZE\r\n HASH SHA-1;SHA-256*\r\n211 End"); break;
                    case "SYST": await Say("215 UNIX Type: L8"); break;
                    case "NOOP": await NoopAnswered; await Say("200 ok"); break;
                    case "TYPE" or "OPTS": await Say("200 ok"); break;
                    case "CWD": await Say("250 ok"); break;
                    case "EPSV": await Say("500 not here"); break;
                    case "PASV":
                        passive = new TcpListener(IPAddress.Loopback, 0);
                        passive.Start();
                        var port = ((IPEndPoint)passive.LocalEndpoint).Port;
                        await Say($"227 Entering Passive Mode ({AnnouncedAddress.Replace('.', ',')},{port / 256},{port % 256})");
                        break;
                    case "SIZE":
                        await Say(Files.TryGetValue(argument, out var sized) ? $"213 {sized.Length}" : "550 no such file");
                        break;
                    case "HASH":
                        await Say(Files.TryGetValue(argument, out var hashed)
                            ? $"213 SHA-256 0-{hashed.Length} {Convert.ToHexStringLower(SHA256.HashData(hashed))} {argument}"
                            : "550 no such file");
                        break;
                    case "REST": restart = long.Parse(argument); await Say("350 ok"); break;
                    case "STOR" or "APPE":
                        await Say("150 go");
                        using (var data = await passive!.AcceptTcpClientAsync(_stop.Token))
                        {
                            var received = new MemoryStream();
                            await data.GetStream().CopyToAsync(received, _stop.Token);
                            var before = verb == "APPE" && Files.TryGetValue(argument, out var existing) ? existing : [];
                            Files[argument] = [.. before, .. received.ToArray()];
                        }
                        passive.Stop();
                        await Say("226 stored");
                        break;
                    case "RETR":
                        if (!Files.TryGetValue(argument, out var content))
                        {
                            await Say("550 no such file");
                            break;
                        }
                        await Say("150 go");
                        using (var data = await passive!.AcceptTcpClientAsync(_stop.Token))
                            await data.GetStream().WriteAsync(content.AsMemory((int)restart), _stop.Token);
                        passive.Stop();
                        restart = 0;
                        await Say("226 sent");
                        break;
                    case "QUIT": await Say("221 bye"); return;
                    default: await Say("502 not implemented"); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
            // The client went away.
        }
        finally
        {
            passive?.Stop();
            Interlocked.Decrement(ref _sessions);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
