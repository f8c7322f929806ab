using System.Net;
using SyncConfig.Runtime.Tests.Packaging;
using SyncConfig.Testing.Network;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>
/// Relays between the executable and one server (its control port, and for FTP its passive data ports), taken down
/// together: open connections reset, new ones refused, as a stopped server does, until they are brought back.
/// </summary>
public sealed class ServerOutage : IAsyncDisposable
{
    private readonly List<LoopbackProxy> _relays;

    private ServerOutage(List<LoopbackProxy> relays) => _relays = relays;

    /// <summary>Relays on a loopback address of their own (127.77.x.y), each port to the same port of 127.0.0.1.</summary>
    public static ServerOutage OnOwnAddress(IEnumerable<int> ports, out string address)
    {
        var ip = new IPAddress([127, 77, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(2, 255)]);
        address = ip.ToString();
        return new ServerOutage([.. ports.Select(port => new LoopbackProxy(port, new IPEndPoint(ip, port)))]);
    }

    /// <summary>One relay on a free port of 127.0.0.1 (for a target whose endpoint names its port).</summary>
    public static ServerOutage OnFreePort(int port, out string authority)
    {
        var relay = new LoopbackProxy(port);
        authority = relay.Authority;
        return new ServerOutage([relay]);
    }

    /// <summary>Bytes the executable sent to the server through every relay.</summary>
    public long BytesUp => _relays.Sum(r => r.BytesUp);

    public bool Down
    {
        get => _relays[0].Down;
        set
        {
            foreach (var relay in _relays)
                relay.Down = value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var relay in _relays)
            await relay.DisposeAsync();
    }
}

/// <summary>A remote folder with little space: <see cref="Free"/> gives it room again; disposing undoes the limit.</summary>
public sealed class SmallSpace : IDisposable
{
    private readonly string[] _free;
    private readonly string[] _undo;

    private SmallSpace(string[] free, string[] undo)
    {
        _free = free;
        _undo = undo;
    }

    /// <summary>A tmpfs of <paramref name="bytes"/> mounted on <paramref name="folder"/> (root only), writable by the servers' account.</summary>
    public static SmallSpace Tmpfs(string folder, long bytes)
    {
        Run(setUp: true, "mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0777", "tmpfs", folder);
        return new SmallSpace(["mount", "-o", "remount,size=256m", folder], ["umount", "-l", folder]);
    }

    /// <summary>A byte quota on the bucket and its multipart segments (<c>scripts/servers/s3-quota</c>).</summary>
    public static SmallSpace BucketQuota(string bucket, long bytes)
    {
        Quota(bucket, bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string[] clear = ["bash", Path.Combine(DotnetTool.RepositoryRoot(), "scripts", "servers", "s3-quota"), bucket, "clear"];
        return new SmallSpace(clear, clear);
    }

    /// <summary>Sets (a number of bytes) or clears (<c>clear</c>) the bucket's quota, creating the bucket when missing.</summary>
    public static void Quota(string bucket, string bytes) =>
        Run(setUp: true, "bash", Path.Combine(DotnetTool.RepositoryRoot(), "scripts", "servers", "s3-quota"), bucket, bytes);

    public void Free() => Run(setUp: false, _free);

    public void Dispose() => Run(setUp: false, _undo);

    private static void Run(bool setUp, params string[] command)
    {
        var (exitCode, output) = DotnetTool.Run(command[0], Path.GetTempPath(), TimeSpan.FromMinutes(1), command[1..]);
        if (exitCode == 0)
            return;
        var message = $"{string.Join(' ', command)} failed: {output}";
        // Mounting needs root (CI and this machine run as root); elsewhere the case cannot be set up at all.
        if (setUp)
            Assert.Inconclusive(message);
        Assert.Fail(message);
    }
}
