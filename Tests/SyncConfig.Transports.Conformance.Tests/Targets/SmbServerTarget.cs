using SyncConfig.Testing.Network;
using SyncConfig.Testing.Servers;
using SyncConfig.Transports.Smb;

namespace SyncConfig.Transports.Conformance.Tests.Targets;

/// <summary>
/// The SMB transport on the Samba smbd of scripts/servers/start: every target is a fresh folder in the writable share,
/// reached through a proxy of its own that can cut the connections.
/// </summary>
public sealed class SmbServerTarget : TargetUnderTest
{
    public override string Name => "SMB smbd";

    public override Task<TestTarget> CreateAsync() => Task.FromResult<TestTarget>(new SmbFolder());
}

/// <summary>A fresh folder in the test server's writable share, logged in to as the test account.</summary>
public sealed class SmbFolder : TestTarget
{
    private readonly string _name = TestServers.NewSmbFolder("conformance");

    public TcpProxy Proxy { get; } = new(TestServers.Port("SYNCTEST_SMB_PORT"));

    /// <summary>The folder on this machine (the share's directory).</summary>
    public string Path => System.IO.Path.Combine(TestServers.Get("SYNCTEST_SMB_SHARE_PATH"), _name);

    public override IReadOnlyList<string> Secrets => [TestServers.Get("SYNCTEST_PASSWORD")];

    public override Task CutOffAsync()
    {
        Proxy.Refuse();
        return Task.CompletedTask;
    }

    protected override IRemoteTransport CreateTransport() => new SmbTransport(Target(Proxy.Port, _name));

    /// <summary>
    /// The test share's folder, logged in to as the test account. A cut shows at once (the proxy resets connections);
    /// the timeout is only for a reply that never comes, and is long enough for smbd on a machine loaded by the suite's
    /// other runs (10 s once timed out a crash-matrix check there).
    /// </summary>
    public static SmbTarget Target(int port, string folder) =>
        new(TestServers.Get("SYNCTEST_HOST"), TestServers.Get("SYNCTEST_SMB_SHARE"), folder.Length == 0 ? [] : folder.Split('/'))
        {
            Port = port,
            UserName = TestServers.Get("SYNCTEST_USER"),
            Password = TestServers.Get("SYNCTEST_PASSWORD"),
            Timeout = TimeSpan.FromSeconds(30),
        };

    protected override async ValueTask RemoveAsync()
    {
        await Proxy.DisposeAsync();
        Directory.Delete(Path, recursive: true);
    }
}
