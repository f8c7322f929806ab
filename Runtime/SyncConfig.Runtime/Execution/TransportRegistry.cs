using SyncConfig.Catalog;
using SyncConfig.Transports;
using SyncConfig.Transports.Ftp;
using SyncConfig.Transports.LocalPath;
using SyncConfig.Transports.Sftp;
using SyncConfig.Transports.Smb;
using SyncConfig.Transports.S3;

namespace SyncConfig.Runtime.Execution;

/// <summary>The destination kind exists in the definition language but no transport in this build serves it.</summary>
public sealed class TransportNotAvailableException(string message) : Exception(message);

/// <summary>
/// The transports in this build: one factory per transport project, listed here and nowhere else. A destination
/// that no factory serves is "not in this build". Adding a transport = referencing its project and adding its
/// factory to <see cref="InThisBuild"/>.
/// </summary>
public sealed class TransportRegistry(IReadOnlyList<ITransportFactory<DestinationSettings>> factories)
{
    public static TransportRegistry InThisBuild { get; } = new(
    [
        new LocalPathTransportFactory(),
        new SftpTransportFactory(),
        new S3TransportFactory(),
        new FtpTransportFactory(),
        new SmbTransportFactory(),
    ]);

    /// <summary>A transport for the destination, not yet connected.</summary>
    /// <exception cref="TransportNotAvailableException">No transport in this build serves the destination.</exception>
    public IRemoteTransport Create(DestinationSettings destination) =>
        (FactoryFor(destination) ?? throw new TransportNotAvailableException(NotInThisBuild(destination))).Create(destination);

    /// <summary>Why this build cannot reach the destination, or null when it can.</summary>
    public string? Unavailable(DestinationSettings destination) => FactoryFor(destination) is null ? NotInThisBuild(destination) : null;

    private ITransportFactory<DestinationSettings>? FactoryFor(DestinationSettings destination) =>
        factories.FirstOrDefault(f => f.CanCreate(destination));

    private string NotInThisBuild(DestinationSettings destination) =>
        $"The {KindOf(destination)} transport is not available in this build yet; this build syncs to: {string.Join(", ", factories.Select(f => f.Kind))}.";

    /// <summary>How messages name a destination kind that has no transport yet (the factories name their own).</summary>
    private static string KindOf(DestinationSettings destination) => destination switch
    {
        NetworkShareSettings => "Windows network share",
        FileTransferSettings transfer => transfer.Protocol.ToString().ToUpperInvariant(),
        S3Settings => "S3",
        _ => destination.GetType().Name,
    };
}
