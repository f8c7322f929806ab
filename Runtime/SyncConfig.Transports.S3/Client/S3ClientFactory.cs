using Amazon.Runtime;
using Amazon.S3;

namespace SyncConfig.Transports.S3.Client;

/// <summary>The SDK client for a target, configured for what the provider accepts and for nothing the machine sets.</summary>
internal static class S3ClientFactory
{
    public static (AmazonS3Client Client, IDisposable Http) Create(S3Target target, S3TransportOptions options, S3CertificateCheck certificates)
    {
        var http = new S3HttpClientFactory(maxConnections: Math.Max(16, options.BufferedParts + 8), certificates);
        var checksums = target.Provider.ChecksumsWhenSupported ? RequestChecksumCalculation.WHEN_SUPPORTED : RequestChecksumCalculation.WHEN_REQUIRED;
        var config = new AmazonS3Config
        {
            // The endpoint is the definition rules' own (a named service's, or the custom one as checked), never one that
            // the environment or an AWS profile configures: a test of 127.0.0.1 stays on 127.0.0.1.
            ServiceURL = target.Endpoint.Url,
            IgnoreConfiguredEndpointUrls = true,
            AuthenticationRegion = target.Region,
            ForcePathStyle = target.PathStyle,
            UseHttp = !target.Endpoint.UseHttps,
            RequestChecksumCalculation = checksums,
            ResponseChecksumValidation = target.Provider.ChecksumsWhenSupported ? ResponseChecksumValidation.WHEN_SUPPORTED : ResponseChecksumValidation.WHEN_REQUIRED,
            HttpClientFactory = http,
            Timeout = options.RequestTimeout,
            // The engine retries dropped connections for its whole retry window; the SDK's own retries only smooth blips.
            MaxErrorRetry = 2,
            // A clock off by more than 15 minutes is a fault of this machine, which also runs the sync windows by it:
            // it is reported (RequestTimeTooSkewed, naming the clock) rather than silently worked around.
            DisableClockSkewCorrection = true,
        };
        var credentials = new BasicAWSCredentials(target.Credentials.AccessKey, target.Credentials.SecretKey);
        return (new AmazonS3Client(credentials, config), http);
    }
}
