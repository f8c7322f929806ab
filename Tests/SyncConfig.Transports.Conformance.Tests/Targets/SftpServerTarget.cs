using SyncConfig.Testing.Network;
using SyncConfig.Testing.Servers;
using SyncConfig.Transports.Sftp;

namespace SyncConfig.Transports.Conformance.Tests.Targets;

/// <summary>
/// The SFTP transport on the real OpenSSH server of scripts/servers/start (127.0.0.1:2222): every target is a fresh
/// folder in the test account's home, reached through a proxy of its own that can cut the connections.
/// </summary>
public sealed class SftpServerTarget : TargetUnderTest
{
    public override string Name => "SFTP";

    public override Task<TestTarget> CreateAsync() => Task.FromResult<TestTarget>(new SftpFolder());
}

/// <summary>A fresh folder on the SFTP server, signed in to with the test account's password and the host key pinned.</summary>
public sealed class SftpFolder(Func<SftpTarget, SftpTarget>? adjust = null) : TestTarget
{
    public TcpProxy Proxy { get; } = new(TestServers.Port("SYNCTEST_SFTP_PORT"));

    /// <summary>The folder's path on the server, which is also its path on this machine.</summary>
    public string Path { get; } = TestServers.NewHomeFolder("sftp");

    public override IReadOnlyList<string> Secrets => [TestServers.Get("SYNCTEST_PASSWORD")];

    /// <summary>Where the transport is pointed, through the proxy.</summary>
    public SftpTarget Settings => new(TestServers.Get("SYNCTEST_HOST"), Proxy.Port, Path, TestServers.Get("SYNCTEST_USER"))
    {
        Password = TestServers.Get("SYNCTEST_PASSWORD"),
        HostKeyFingerprint = TestServers.Get("SYNCTEST_SFTP_HOST_KEY_SHA256"),
    };

    public override Task CutOffAsync()
    {
        Proxy.Refuse();
        return Task.CompletedTask;
    }

    protected override IRemoteTransport CreateTransport() => new SftpTransport(adjust is null ? Settings : adjust(Settings));

    protected override async ValueTask RemoveAsync()
    {
        await Proxy.DisposeAsync();
        Directory.Delete(Path, recursive: true);
    }
}
