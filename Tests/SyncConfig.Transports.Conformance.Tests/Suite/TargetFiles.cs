using SyncConfig.Testing;

namespace SyncConfig.Transports.Conformance.Tests.Suite;

/// <summary>Every file of a target, read through its transport, to put the same state onto a fresh target.</summary>
public sealed class TargetFiles
{
    private readonly List<(string Path, byte[] Content)> _files;

    private TargetFiles(List<(string Path, byte[] Content)> files) => _files = files;

    public static async Task<TargetFiles> CaptureAsync(IRemoteTransport transport)
    {
        var files = new List<(string, byte[])>();
        foreach (var file in await RemoteState.ListAsync(transport, ""))
            files.Add((file.Path, await RemoteState.ReadAsync(transport, file.Path)));
        return new TargetFiles(files);
    }

    public async Task RestoreAsync(IRemoteTransport transport)
    {
        foreach (var (path, content) in _files)
            await transport.WriteAsync(path, new MemoryStream(content), WriteMode.Replace, CancellationToken.None);
    }
}
