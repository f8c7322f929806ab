using SyncConfig.Catalog;
using SyncConfig.Rules;
using SyncConfig.Transports.S3.Providers;

namespace SyncConfig.Transports.S3.Tests.Support;

/// <summary>
/// The S3 test server that scripts/servers/start writes into servers.env (Swift's s3api on 127.0.0.1). Every test works
/// under its own root path in the shared bucket, so tests run side by side and never see each other's objects.
/// </summary>
public static class S3TestServer
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Env = new(Read);

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

    private static string Value(string name) =>
        Env.Value.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"{name} is missing from servers.env: run scripts/servers/start s3.");

    private static IReadOnlyDictionary<string, string> Read()
    {
        var state = Environment.GetEnvironmentVariable("SYNCCONFIG_SERVERS_STATE") is { Length: > 0 } s ? s : "/tmp/syncconfig-servers";
        var file = Path.Combine(state, "servers.env");
        if (!File.Exists(file))
            throw new InvalidOperationException($"No {file}: start the S3 test server with scripts/servers/start s3 (scripts/test.sh does).");
        return File.ReadLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
            .Select(l => (Key: l[..l.IndexOf('=')], Value: l[(l.IndexOf('=') + 1)..]))
            .ToDictionary(p => p.Key, p => p.Value);
    }
}
