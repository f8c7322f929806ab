using System.Globalization;

namespace SyncConfig.Rules;

/// <summary>
/// <c>[NetworkShareSync]</c>: a Windows network share, <c>\\server\share\folder</c>, with the path rows of every path
/// destination and the server's SMB port, which a UNC path has no place for.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class NetworkShareDestination : PathDestination<NetworkSharePath>
{
    /// <summary>The port Windows file sharing listens on.</summary>
    public const int DefaultPort = 445;

    internal NetworkShareDestination()
        : base(
            "NetworkShare", "smb:", NetworkSharePath.Parse,
            share => new[] { NormalizedPart.Text("Server", share.Server), NormalizedPart.Text("Share", share.Share), NormalizedPart.List("Folders", share.Folders) })
    {
        Port = Add(nameof(Port), 0, rule: c => c.Value >= 0 && c.Value <= 65535
            ? None
            : new[]
            {
                RuleCatalog.PortOutOfRange.Violation(c.Name, null,
                    c.Value.ToString(CultureInfo.InvariantCulture), DefaultPort.ToString(CultureInfo.InvariantCulture)),
            });
    }

    /// <summary>
    /// The server's SMB port; 0 means <see cref="DefaultPort"/>. For a server on another port (a test server, a tunnel,
    /// a NAS that moved it).
    /// </summary>
    public DestinationSetting<int> Port { get; }
}
