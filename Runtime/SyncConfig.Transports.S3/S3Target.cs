using SyncConfig.Rules;
using SyncConfig.Transports.S3.Providers;

namespace SyncConfig.Transports.S3;

/// <summary>
/// Where the transport writes: a store, a bucket in it and a prefix (the definition's root path) that plays the target
/// path. Built from checked settings; <see cref="ToString"/> names no credential.
/// </summary>
/// <param name="CertificateSha256">HTTPS: the pinned certificate's SHA-256 (CertificateFingerprint), or null for the machine's trusted authorities.</param>
public sealed record S3Target(
    S3Provider Provider, S3Endpoint Endpoint, string Bucket, string Region, string RootPrefix, S3Credentials Credentials, byte[]? CertificateSha256 = null)
{
    /// <summary>The object key of a transport path ('/'-separated, relative to the root path; "" is the root itself).</summary>
    public string Key(string path) => RootPrefix + path;

    /// <summary>The key prefix everything under a folder shares.</summary>
    public string FolderPrefix(string folder) => folder.Length == 0 ? RootPrefix : RootPrefix + folder + "/";

    /// <summary>The transport path of a key under the root prefix.</summary>
    public string PathOf(string key) => key[RootPrefix.Length..];

    /// <summary>Path style for the provider, and for dotted bucket names whose virtual host TLS would not cover.</summary>
    public bool PathStyle => Provider.PathStyle || Bucket.Contains('.');

    public override string ToString() => $"s3://{Bucket}/{RootPrefix} at {Endpoint.Url}";
}

/// <summary>The key pair; kept apart so that no record printing or logging of the target can show it.</summary>
public sealed class S3Credentials(string accessKey, string secretKey)
{
    public string AccessKey { get; } = accessKey;
    public string SecretKey { get; } = secretKey;

    public override string ToString() => "(S3 credentials)";
}
