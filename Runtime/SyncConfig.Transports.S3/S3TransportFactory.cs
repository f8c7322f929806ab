using Microsoft.Extensions.Logging;
using SyncConfig.Catalog;
using SyncConfig.Rules;
using SyncConfig.Transports.S3.Providers;

namespace SyncConfig.Transports.S3;

/// <summary>
/// Serves <c>[S3Sync]</c> destinations: the one place that reads the definitions' S3 settings. The endpoint of a named
/// service follows from its region by the definition rules; a custom endpoint is parsed by the same rule the analyzer
/// checks it with, so a value that passed the build is read the same way here.
/// </summary>
public sealed class S3TransportFactory(S3TransportOptions? options = null, ILoggerFactory? loggers = null) : ITransportFactory<DestinationSettings>
{
    public string Kind => "S3";

    public bool CanCreate(DestinationSettings destination) => destination is S3Settings;

    public IRemoteTransport Create(DestinationSettings destination) =>
        new S3Transport(TargetOf((S3Settings)destination), options, loggers?.CreateLogger<S3Transport>());

    public static S3Target TargetOf(S3Settings settings)
    {
        var endpoint = S3Endpoint.OfService(settings.Service, settings.Region)
            ?? S3Endpoint.Parse(settings.Service, settings.Endpoint, settings.UseHttps).Value
            ?? throw new ArgumentException($"Endpoint '{settings.Endpoint}' is not a valid S3 endpoint (the configuration check should have refused it).", nameof(settings));
        var root = S3RootPath.Parse(settings.RootPath).Value
            ?? throw new ArgumentException($"RootPath '{settings.RootPath}' is not a valid S3 root path (the configuration check should have refused it).", nameof(settings));
        return new S3Target(
            S3Provider.Of(settings.Service), endpoint, settings.Bucket, settings.Region,
            root.Count == 0 ? "" : string.Join("/", root) + "/",
            new S3Credentials(settings.AccessKey, settings.SecretKey),
            settings.CertificateFingerprint is { Length: > 0 } pin ? CertificateFingerprint.Parse(pin).Value : null);
    }
}
