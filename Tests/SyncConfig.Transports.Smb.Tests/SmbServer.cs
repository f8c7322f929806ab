using SyncConfig.Testing.Servers;

namespace SyncConfig.Transports.Smb.Tests;

/// <summary>The test server's shares and login (scripts/servers/start smb), and a fresh folder per test.</summary>
internal sealed class SmbServer : IAsyncDisposable
{
    private readonly List<SmbTransport> _opened = [];

    public SmbServer() => Folder = TestServers.NewSmbFolder("smb-tests");

    /// <summary>The test's folder below the writable share.</summary>
    public string Folder { get; }

    /// <summary>The folder on this machine (the share's directory).</summary>
    public string LocalPath => Path.Combine(TestServers.Get("SYNCTEST_SMB_SHARE_PATH"), Folder);

    public static string Password => TestServers.Get("SYNCTEST_PASSWORD");

    public static string User => TestServers.Get("SYNCTEST_USER");

    /// <summary>The test folder in the writable share, logged in to as the test account.</summary>
    public SmbTarget Target(string? folder = null) =>
        new(TestServers.Get("SYNCTEST_HOST"), TestServers.Get("SYNCTEST_SMB_SHARE"), (folder ?? Folder).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            Port = TestServers.Port("SYNCTEST_SMB_PORT"),
            UserName = User,
            Password = Password,
            Timeout = TimeSpan.FromSeconds(10),
        };

    public SmbTransport Open(SmbTarget target)
    {
        var transport = new SmbTransport(target);
        _opened.Add(transport);
        return transport;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _opened)
            await transport.DisposeAsync();
        Directory.Delete(LocalPath, recursive: true);
    }
}
