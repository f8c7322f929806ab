using SyncConfig.Rules;

namespace SyncConfig.Transports.S3.Providers;

/// <summary>Whether a store honours <c>If-None-Match: *</c> on PUT, the exclusive create the lock and the ID claim use.</summary>
public enum ConditionalWrites
{
    /// <summary>Documented by the provider: no probe needed.</summary>
    Honoured,

    /// <summary>Varies by store and version (Swift's s3api answers 501): probed at connect.</summary>
    Probe,
}

/// <summary>
/// What differs between S3 services, as data in this one place (as rclone keeps its provider quirks). The endpoint of
/// a named service and its regions are the definition rules' (<see cref="S3Endpoint.OfService"/>,
/// <see cref="S3Regions"/>); only what the client must do differently lives here.
/// </summary>
/// <param name="PathStyle">Address buckets as <c>host/bucket</c> rather than <c>bucket.host</c>. Always used for bucket
/// names with dots, whose virtual host would not match the store's TLS certificate.</param>
/// <param name="ChecksumsWhenSupported">The store accepts the SDK's default CRC checksums on every upload; the others get
/// checksums only where the API requires them (Wasabi, Backblaze and most S3-compatible stores refuse or mangle them).</param>
public sealed record S3Provider(S3Service Service, bool PathStyle, bool ChecksumsWhenSupported, ConditionalWrites ConditionalWrites)
{
    private static readonly S3Provider[] All =
    [
        new(S3Service.Amazon, PathStyle: false, ChecksumsWhenSupported: true, ConditionalWrites.Honoured),
        // Wasabi recommends path-style addressing.
        new(S3Service.Wasabi, PathStyle: true, ChecksumsWhenSupported: false, ConditionalWrites.Probe),
        new(S3Service.Backblaze, PathStyle: false, ChecksumsWhenSupported: false, ConditionalWrites.Probe),
        // A custom endpoint is often an IP address or a host without wildcard DNS: bucket.host would not resolve.
        new(S3Service.Custom, PathStyle: true, ChecksumsWhenSupported: false, ConditionalWrites.Probe),
    ];

    public static S3Provider Of(S3Service service) =>
        All.FirstOrDefault(p => p.Service == service) ?? throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown S3 service.");
}
