using System;

namespace SyncConfig;

/// <summary>Sync to Amazon S3 or a compatible store.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class S3SyncAttribute : SyncDestinationAttribute
{
    public S3SyncAttribute(S3Service service) => Service = service;

    public S3Service Service { get; }

    /// <summary>Host (and optional port) of the store, no protocol; required for <see cref="S3Service.Custom"/> only.</summary>
    public string? Endpoint { get; set; }
    public bool UseHttps { get; set; } = true;
    public string? Bucket { get; set; }
    public string? Region { get; set; }

    /// <summary>Location inside the bucket, forward slash separated, no leading slash.</summary>
    public string? RootPath { get; set; }
    /// <summary>
    /// HTTPS only: the SHA-256 fingerprint of the store's TLS certificate. Set, exactly that certificate is accepted and no
    /// other; unset, the certificate must chain to an authority this machine trusts.
    /// </summary>
    public string? CertificateFingerprint { get; set; }

    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
}
