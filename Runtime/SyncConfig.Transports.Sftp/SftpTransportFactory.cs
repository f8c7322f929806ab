using SyncConfig.Catalog;
using SyncConfig.Rules;

namespace SyncConfig.Transports.Sftp;

/// <summary>Serves <c>[FileTransferSync(FileTransferProtocol.Sftp, ...)]</c> destinations; the one place that reads their settings.</summary>
public sealed class SftpTransportFactory : ITransportFactory<DestinationSettings>
{
    public string Kind => "SFTP";

    public bool CanCreate(DestinationSettings destination) => destination is FileTransferSettings { Protocol: FileTransferProtocol.Sftp };

    public IRemoteTransport Create(DestinationSettings destination) => new SftpTransport(Target((FileTransferSettings)destination));

    /// <summary>The resolved settings as the transport takes them; the runtime has already checked them with the definitions' rules.</summary>
    public static SftpTarget Target(FileTransferSettings settings)
    {
        var address = FileTransferAddress.Parse(FileTransferProtocol.Sftp, settings.Server, settings.Port).Value
            ?? throw new ArgumentException($"'{settings.Server}' is not an SFTP server string (host/absolute/path).", nameof(settings));
        return new SftpTarget(address.Host, address.Port, address.AbsolutePath, settings.UserName ?? "")
        {
            Password = Given(settings.Password),
            PrivateKeyFile = Given(settings.PrivateKeyFile),
            PrivateKeyPassphrase = Given(settings.PrivateKeyPassphrase),
            HostKeyFingerprint = Given(settings.HostKeyFingerprint),
        };
    }

    /// <summary>A reference that resolved to nothing means the setting is not used.</summary>
    private static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
