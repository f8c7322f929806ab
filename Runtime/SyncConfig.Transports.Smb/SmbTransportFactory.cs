using SyncConfig.Catalog;
using SyncConfig.Rules;

namespace SyncConfig.Transports.Smb;

/// <summary>Serves <c>[NetworkShareSync]</c> destinations; the one place that reads their settings.</summary>
public sealed class SmbTransportFactory : ITransportFactory<DestinationSettings>
{
    public string Kind => "Windows network share (SMB)";

    /// <summary>On Linux through libsmbclient; Windows's own UNC access is not built yet (docs/transports/smb.md).</summary>
    public bool CanCreate(DestinationSettings destination) => destination is NetworkShareSettings && !OperatingSystem.IsWindows();

    public IRemoteTransport Create(DestinationSettings destination) => new SmbTransport(Target((NetworkShareSettings)destination));

    /// <summary>The resolved settings as the transport takes them; the runtime has already checked them with the definitions' rules.</summary>
    public static SmbTarget Target(NetworkShareSettings settings)
    {
        var path = NetworkSharePath.Parse(settings.Path).Value
            ?? throw new ArgumentException($"'{settings.Path}' is not a network share path ({NetworkSharePath.Example}).", nameof(settings));
        return new SmbTarget(path.Server, path.Share, path.Folders)
        {
            Port = settings.Port,
            UserName = Given(settings.UserName),
            Password = Given(settings.Password),
            Domain = Given(settings.Domain),
        };
    }

    /// <summary>A reference that resolved to nothing means the setting is not used.</summary>
    private static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
