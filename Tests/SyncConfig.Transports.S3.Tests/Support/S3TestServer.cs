using SyncConfig.Catalog;
using SyncConfig.Testing.Servers;
using SyncConfig.Rules;
using SyncConfig.Transports.S3.Providers;

namespace SyncConfig.Transports.S3.Tests.Support;

/// <summary>
/// The S3 test server of servers.env (Swift's s3api on 127.0.0.1). Every test works
/// under its own root path in the shared bucket, so tests run side by side and never see each other's objects.
/// </summary>
public static class S3TestServer
{
    public static string Endpoint => Value("SYNCTEST_S3_ENDPOINT");
    public static string Region => Value("SYNCTEST_S3_REGION");
    public static string AccessKey => Value("SYNCTEST_S3_ACCESS_KEY");
    public static string SecretKey => Value("SYNCTEST_S3_SECRET_KEY");
    public static string Bucket => Value("SYNCTEST_S3_BUCKET");

    /// <summary>host:port of the endpoint, as a Custom definition writes it.</summary>
    public static string Authority => new Uri(Endpoint).Authority;

    public static string NewRootPath(string test) => $"tests/{test}-{Guid.NewGuid():N}";

    public static S3Settings Settings(string rootPath, string? authority = null, string? bucket = null, string? region = null,
        string? accessKey = null, string? secretKey = null) =>
        new(S3Service.Custom, authority ?? Authority, useHttps: false, bucket ?? Bucket, region ?? Region, rootPath, accessKey ?? AccessKey, secretKey ?? SecretKey);

    public static S3Target Target(string rootPath, string? authority = null, string? bucket = null, string? region = null,
        string? accessKey = null, string? secretKey = null) =>
        S3TransportFactory.TargetOf(Settings(rootPath, authority, bucket, region, accessKey, secretKey));

    private static string Value(string name) => TestServers.Get(name);
}
