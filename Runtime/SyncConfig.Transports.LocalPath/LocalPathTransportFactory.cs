using SyncConfig.Catalog;

namespace SyncConfig.Transports.LocalPath;

/// <summary>Serves <c>[LocalPathSync]</c> destinations.</summary>
public sealed class LocalPathTransportFactory : ITransportFactory<DestinationSettings>
{
    public string Kind => "Local Path";

    public bool CanCreate(DestinationSettings destination) => destination is LocalPathSettings;

    public IRemoteTransport Create(DestinationSettings destination) =>
        new LocalPathTransport(((LocalPathSettings)destination).Path);
}
