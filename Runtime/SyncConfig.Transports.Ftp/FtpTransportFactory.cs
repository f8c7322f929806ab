using SyncConfig.Catalog;
using SyncConfig.Rules;
using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp;

/// <summary>Serves <c>[FileTransferSync]</c> destinations of <c>FileTransferProtocol.Ftp</c> and <c>.Ftps</c>.</summary>
public sealed class FtpTransportFactory : ITransportFactory<DestinationSettings>
{
    public string Kind => "FTP/FTPS";

    public bool CanCreate(DestinationSettings destination) =>
        destination is FileTransferSettings { Protocol: FileTransferProtocol.Ftp or FileTransferProtocol.Ftps };

    public IRemoteTransport Create(DestinationSettings destination)
    {
        var settings = (FileTransferSettings)destination;
        // The runtime checked the resolved values with these same rules at start-up.
        var address = FileTransferAddress.Parse(settings.Protocol, settings.Server, settings.Port).Value
            ?? throw new ArgumentException($"'{settings.Server}' is not a valid server string.", nameof(destination));
        var options = new FtpClientOptions
        {
            Host = address.Host,
            Port = address.Port,
            UserName = settings.UserName ?? "",
            Password = settings.Password,
            UseTls = settings.Protocol == FileTransferProtocol.Ftps,
            CertificateSha256 = settings.CertificateFingerprint is { Length: > 0 } pin ? CertificateFingerprint.Parse(pin).Value : null,
        };
        return new FtpTransport(options, address.AbsolutePath);
    }
}
