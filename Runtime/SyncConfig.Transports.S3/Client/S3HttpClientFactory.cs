using System.Net;
using System.Net.Security;
using Amazon.Runtime;

namespace SyncConfig.Transports.S3.Client;

/// <summary>
/// The SDK's HTTP client, made here so the multi-object-delete fix sits in its pipeline. One client per transport, owned
/// and disposed by it: the SDK neither caches nor disposes it. The store's TLS certificate is checked by
/// <paramref name="certificates"/>: the machine's trusted authorities, or the pin.
/// </summary>
internal sealed class S3HttpClientFactory(int maxConnections, S3CertificateCheck certificates) : HttpClientFactory, IDisposable
{
    private readonly Lazy<HttpClient> _client = new(() => new HttpClient(new DeleteObjectsContentMd5Handler(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnections,
        ConnectTimeout = TimeSpan.FromSeconds(20),
        // A pooled connection that a NAT or load balancer dropped silently is not reused for long.
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        AutomaticDecompression = DecompressionMethods.None,
        AllowAutoRedirect = false,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = certificates.Validate,
            CertificateChainPolicy = certificates.ChainPolicy,
        },
    }))
    {
        // The SDK enforces its own per-request timeout.
        Timeout = Timeout.InfiniteTimeSpan,
    });

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client.Value;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig) => "syncconfig-s3";

    public void Dispose()
    {
        if (_client.IsValueCreated)
            _client.Value.Dispose();
    }
}
