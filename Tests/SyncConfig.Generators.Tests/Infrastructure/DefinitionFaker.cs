using Bogus;
using Microsoft.CodeAnalysis.CSharp;

namespace SyncConfig.Generators.Tests.Infrastructure;

/// <summary>A definition's source text beside the values the generator should normalize it to.</summary>
internal sealed record FakeDefinition(string Name, string Source, IReadOnlyDictionary<string, object> Expected);

/// <summary>
/// Writes valid definitions of every kind with Bogus: random hosts, paths, buckets and windows, written
/// the way people write them (mixed-case hosts, trailing and doubled separators), with the normalized
/// values worked out here independently of the rules the generator uses.
/// </summary>
internal sealed class DefinitionFaker(int seed)
{
    private static readonly string[] AmazonRegions = ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2", "sa-east-1"];
    private static readonly string[] WasabiRegions = ["us-east-1", "eu-central-2", "ap-northeast-1", "ca-central-1"];

    private readonly Faker _faker = new() { Random = new Randomizer(seed) };
    private int _count;

    public FakeDefinition Next() => (_count % 5) switch
    {
        0 => NetworkShare(),
        1 => LocalPath(),
        2 => FileTransfer(),
        3 => S3Known(),
        _ => S3Custom(),
    };

    private FakeDefinition NetworkShare()
    {
        var server = _faker.Random.Bool() ? _faker.Internet.DomainWord() + "-" + _faker.Random.Number(1, 99) : _faker.Internet.Ip();
        var share = Segment();
        var folders = Segments(0, 3);
        var path = @"\\" + server + @"\" + share + string.Concat(folders.Select(f => @"\" + f)) + (_faker.Random.Bool() ? @"\" : "");
        return Definition("NetworkShareSync", $"{Literal(path)}", Expect(("Server", server), ("Share", share), ("Folders", folders)));
    }

    private FakeDefinition LocalPath()
    {
        var segments = Segments(1, 4);
        if (_faker.Random.Bool())
        {
            var drive = _faker.Random.Char('C', 'Z');
            var written = (_faker.Random.Bool() ? char.ToLowerInvariant(drive) : drive) + @":\" + string.Join(@"\\", segments);
            return Definition("LocalPathSync", Literal(written), Expect(("PathRoot", drive + @":\"), ("PathSegments", segments)));
        }

        return Definition("LocalPathSync", Literal("/" + string.Join("//", segments) + "/"), Expect(("PathRoot", "/"), ("PathSegments", segments)));
    }

    private FakeDefinition FileTransfer()
    {
        var protocol = _faker.PickRandom("Ftp", "Ftps", "Sftp");
        var host = _faker.Internet.DomainName();
        var segments = Segments(2, 5);
        var port = _faker.Random.Bool() ? _faker.Random.Number(1, 65535) : 0;
        var written = RandomCase(host) + "/" + string.Join("/", segments) + (_faker.Random.Bool() ? "/" : "");
        return Definition(
            "FileTransferSync",
            $"FileTransferProtocol.{protocol}, {Literal(written)}, Port = {port}, UserName = {Literal(_faker.Internet.UserName())}, Password = \"$(FTP_PASSWORD)\"",
            Expect(("Host", host.ToLowerInvariant()), ("Port", port != 0 ? port : protocol == "Sftp" ? 22 : 21), ("PathSegments", segments)));
    }

    private FakeDefinition S3Known()
    {
        var (service, region, domain) = _faker.Random.Bool()
            ? ("Amazon", _faker.PickRandom(AmazonRegions), "amazonaws.com")
            : ("Wasabi", _faker.PickRandom(WasabiRegions), "wasabisys.com");
        var bucket = Bucket();
        var root = Segments(0, 3);
        return Definition(
            "S3Sync",
            $"S3Service.{service}, Bucket = {Literal(bucket)}, Region = {Literal(region)}, RootPath = {Literal(string.Join("/", root))}, AccessKey = \"$(KEY)\", SecretKey = \"$(SECRET)\"",
            Expect(("Bucket", bucket), ("Region", region), ("Endpoint", $"https://s3.{region}.{domain}"), ("RootPathSegments", root)));
    }

    private FakeDefinition S3Custom()
    {
        var host = _faker.Internet.DomainName();
        var port = _faker.Random.Number(1024, 65535);
        var https = _faker.Random.Bool();
        var region = _faker.Random.AlphaNumeric(6);
        var bucket = Bucket();
        return Definition(
            "S3Sync",
            $"S3Service.Custom, Endpoint = {Literal(RandomCase(host) + ":" + port)}, UseHttps = {(https ? "true" : "false")}, Bucket = {Literal(bucket)}, Region = {Literal(region)}, AccessKey = \"$(KEY)\", SecretKey = \"$(SECRET)\"",
            Expect(("Bucket", bucket), ("Region", region), ("Endpoint", (https ? "https://" : "http://") + host.ToLowerInvariant() + ":" + port), ("RootPathSegments", Array.Empty<string>())));
    }

    private FakeDefinition Definition(string attribute, string arguments, Dictionary<string, object> expected)
    {
        var name = "Sync" + ++_count;
        var start = _faker.Random.Number(0, 1439);
        var end = (start + _faker.Random.Number(1, 1439)) % 1440;
        var days = (SyncDays)_faker.Random.Number(1, 127);
        expected["WindowStartMinute"] = start;
        expected["WindowEndMinute"] = end;
        expected["WindowDays"] = days;
        var source = $$"""

            [{{attribute}}({{arguments}}, Repository = typeof(MainRepository), FolderName = "{{name}}")]
            [SyncWindow("{{start / 60:00}}:{{start % 60:00}}", "{{end / 60:00}}:{{end % 60:00}}", Days = (SyncDays){{(int)days}})]
            public partial class {{name}};
            """;
        return new FakeDefinition(name, source, expected);
    }

    private static Dictionary<string, object> Expect(params (string Member, object Value)[] values) =>
        values.ToDictionary(v => v.Member, v => v.Value);

    private string[] Segments(int min, int max) => [.. Enumerable.Range(0, _faker.Random.Number(min, max)).Select(_ => Segment())];

    private string Segment() => _faker.Random.Bool() ? _faker.Lorem.Word() : _faker.System.FileName().Replace('.', '_') + _faker.Random.Number(1, 9);

    private string Bucket() => (_faker.Lorem.Word() + "-" + _faker.Random.AlphaNumeric(8) + "-" + _faker.Random.Number(0, 999)).ToLowerInvariant();

    private string RandomCase(string text) => new([.. text.Select(c => _faker.Random.Bool() ? char.ToUpperInvariant(c) : c)]);

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
