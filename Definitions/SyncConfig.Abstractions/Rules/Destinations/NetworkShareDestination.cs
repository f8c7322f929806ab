using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary><c>[NetworkShareSync]</c>: a Windows network share, <c>\\server\share\folder</c>.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#else
internal
#endif
sealed class NetworkShareDestination : PathDestination<NetworkSharePath>
{
    public static readonly NetworkShareDestination Kind = new NetworkShareDestination();

    private NetworkShareDestination()
        : base("NetworkShare", "smb:")
    {
    }

    private protected override RuleResult<NetworkSharePath> Parse(string? path, string setting) => NetworkSharePath.Parse(path, setting);

    private protected override IEnumerable<NormalizedPart> Parts(NetworkSharePath path) => new[]
    {
        NormalizedPart.Text("Server", path.Server),
        NormalizedPart.Text("Share", path.Share),
        NormalizedPart.List("Folders", path.Folders),
    };
}
