using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp.Tests.Support;

/// <summary>A fresh folder in the test account's home, made and removed over FTP, so tests never share files.</summary>
public sealed class RemoteFolder : IAsyncDisposable
{
    private readonly FtpClientOptions _server;

    private RemoteFolder(FtpClientOptions server, string path)
    {
        _server = server;
        Path = path;
    }

    /// <summary>The absolute path on the server.</summary>
    public string Path { get; }

    public static async Task<RemoteFolder> CreateAsync(FtpClientOptions server)
    {
        var path = FtpServers.Home + "/ftp-test-" + Guid.NewGuid().ToString("N")[..12];
        await using var client = await FtpClient.ConnectAsync(server, CancellationToken.None);
        await client.RequireAsync("MKD " + path, CancellationToken.None);
        return new RemoteFolder(server, path);
    }

    public FtpTransport Transport(int connections = FtpTransport.DefaultConnections) => new(_server, Path, connections);

    public async ValueTask DisposeAsync()
    {
        await using var transport = new FtpTransport(_server, FtpServers.Home, 1);
        await transport.DeleteFolderAsync(System.IO.Path.GetFileName(Path), CancellationToken.None);
    }
}
