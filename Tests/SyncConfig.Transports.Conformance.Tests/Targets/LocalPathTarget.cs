using SyncConfig.Testing;
using SyncConfig.Transports.LocalPath;

namespace SyncConfig.Transports.Conformance.Tests.Targets;

/// <summary>The Local Path transport on a fresh folder of this machine.</summary>
public sealed class LocalPathTarget : TargetUnderTest
{
    public override string Name => "Local Path";

    public override Task<TestTarget> CreateAsync() => Task.FromResult<TestTarget>(new LocalFolder(path => new LocalPathTransport(path)));
}

/// <summary>A fresh folder of this machine, reached through the transport <paramref name="open"/> makes for its path.</summary>
public sealed class LocalFolder(Func<string, IRemoteTransport> open) : TestTarget
{
    private readonly TestFolder _folder = new("target");

    public override Task CutOffAsync()
    {
        Directory.Delete(_folder.Path, recursive: true);
        return Task.CompletedTask;
    }

    protected override IRemoteTransport CreateTransport() => open(_folder.Path);

    protected override ValueTask RemoveAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
