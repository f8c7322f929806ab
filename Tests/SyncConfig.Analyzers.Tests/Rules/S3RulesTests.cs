using SyncConfig.Analyzers.Tests.Infrastructure;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Rules;

[TestClass]
public sealed class S3RulesTests
{
    [TestMethod]
    [DataRow("ab", "ab-offsite")]
    [DataRow("Acme_Offsite", "acme-offsite")]
    [DataRow("-acme-offsite", "acme-offsite")]
    [DataRow("acme..offsite", "acme.offsite")]
    [DataRow("192.168.5.4", "bucket-192-168-5-4")]
    [DataRow("xn--acme", "b-xn--acme")]
    [DataRow("acme-s3alias", "acme")]
    [DataRow("acme--ol-s3", "acme")]
    [DataRow("", "acme-offsite")]
    public void BucketRejects(string bucket, string corrected)
    {
        var violation = Violations.Single(S3BucketName.Check(bucket).Violations, "SYNC0016", RuleSeverity.Error, Setting.Bucket);
        StringAssert.Contains(violation.Message, "'" + bucket + "'");
        if (bucket.Length > 0)
        {
            StringAssert.EndsWith(violation.Message, "'" + corrected + "'");
            Violations.None(S3BucketName.Check(corrected).Violations, "the correction itself");
        }
    }

    [TestMethod]
    [DataRow("Acme_Offsite", "contains 'A', '_' and 'O';")]
    [DataRow("acme_offsite", "contains '_';")]
    [DataRow("Acme Off_site", "contains 'A', ' ', 'O' and '_';")]
    [DataRow("AAcme__offsite", "contains 'A' and '_';")]
    public void BucketNamesEveryInvalidCharacterOnce(string bucket, string says)
    {
        var violation = Violations.Single(S3BucketName.Check(bucket).Violations, "SYNC0016", RuleSeverity.Error, Setting.Bucket);
        StringAssert.Contains(violation.Message, "'" + bucket + "' " + says);
    }

    [TestMethod]
    public void BucketRejectsOverlongNames() =>
        Violations.Single(S3BucketName.Check(new string('a', 64)).Violations, "SYNC0016", RuleSeverity.Error, Setting.Bucket);

    [TestMethod]
    public void BucketAcceptsGeneratedNames()
    {
        foreach (var bucket in Fakes.Many(5, f => (f.Internet.DomainWord() + "-" + f.Random.AlphaNumeric(f.Random.Number(1, 20)) + (f.Random.Bool() ? ".backups" : "")).ToLowerInvariant()))
        {
            Violations.None(S3BucketName.Check(bucket).Violations, bucket);
        }
    }

    [TestMethod]
    [DataRow(S3Service.Amazon, "eu-central-3", "eu-central-1")]
    [DataRow(S3Service.Wasabi, "us-gov-west-1", "us-west-1")]
    [DataRow(S3Service.Backblaze, "us-east-1", "us-east-005")]
    [DataRow(S3Service.Amazon, "EU-WEST-1", "eu-west-1")]
    [DataRow(S3Service.Custom, "", "us-east-1")]
    public void RegionRejects(S3Service service, string region, string suggestion)
    {
        var violation = Violations.Single(S3Regions.Check(service, region).Violations, "SYNC0017", RuleSeverity.Error, Setting.Region);
        StringAssert.EndsWith(violation.Message, "'" + suggestion + "'");
    }

    [TestMethod]
    public void RegionAcceptsEveryRegionOfItsService()
    {
        foreach (var service in new[] { S3Service.Amazon, S3Service.Wasabi, S3Service.Backblaze })
        {
            Assert.IsNotEmpty(S3Regions.Of(service));
            foreach (var region in S3Regions.Of(service))
            {
                Violations.None(S3Regions.Check(service, region).Violations, service + " " + region);
            }
        }

        foreach (var region in Fakes.Many(6, f => f.Address.CountryCode().ToLowerInvariant() + "-" + f.Random.Number(1, 9)))
        {
            Violations.None(S3Regions.Check(S3Service.Custom, region).Violations, region);
        }
    }

    [TestMethod]
    [DataRow(S3Service.Custom, "https://s3.example.com", true, "SYNC0004", "s3.example.com")]
    [DataRow(S3Service.Custom, "http://127.0.0.1:9000", true, "SYNC0004", "127.0.0.1:9000")]
    [DataRow(S3Service.Custom, "HTTPS://minio.local/", false, "SYNC0004", "minio.local")]
    public void EndpointWithProtocolIsMovedIntoUseHttps(S3Service service, string endpoint, bool useHttps, string id, string corrected)
    {
        var result = S3Endpoint.Parse(service, endpoint, useHttps);
        var violation = Violations.Single(result.Violations, id, RuleSeverity.Error, Setting.Endpoint);
        Assert.AreEqual(corrected, violation.Suggestion);
        Assert.AreEqual(endpoint.StartsWith("https", StringComparison.OrdinalIgnoreCase), result.Value!.UseHttps);
        StringAssert.EndsWith(violation.Message, "UseHttps = " + (result.Value.UseHttps ? "true" : "false"));
    }

    [TestMethod]
    [DataRow(S3Service.Amazon, "s3.eu-central-1.amazonaws.com")]
    [DataRow(S3Service.Wasabi, "s3.wasabisys.com")]
    [DataRow(S3Service.Custom, null)]
    [DataRow(S3Service.Custom, "s3.example.com/bucket")]
    [DataRow(S3Service.Custom, "s3.example.com:99999")]
    [DataRow(S3Service.Custom, "bad host")]
    public void EndpointRejects(S3Service service, string? endpoint) =>
        Violations.Single(S3Endpoint.Parse(service, endpoint, true).Violations, "SYNC0015", RuleSeverity.Error, Setting.Endpoint);

    [TestMethod]
    [DataRow("s3.example.com", "s3.example.com", null)]
    [DataRow("127.0.0.1:9000", "127.0.0.1", 9000)]
    [DataRow("MinIO.local:443", "minio.local", 443)]
    public void EndpointParses(string endpoint, string host, int? port)
    {
        var result = S3Endpoint.Parse(S3Service.Custom, endpoint, useHttps: false);
        Violations.None(result.Violations, endpoint);
        Assert.AreEqual(host, result.Value!.Host);
        Assert.AreEqual(port, result.Value.Port);
        Assert.StartsWith("http://", result.Value.Url);
    }

    [TestMethod]
    public void EndpointAcceptsGeneratedHosts()
    {
        foreach (var host in Fakes.Many(7, f => f.Internet.DomainName()))
        {
            Violations.None(S3Endpoint.Parse(S3Service.Custom, host, true).Violations, host);
        }
    }

    [TestMethod]
    [DataRow("/site-managers/hq", "SYNC0018", "site-managers/hq")]
    [DataRow("site-managers//hq", "SYNC0018", "site-managers/hq")]
    [DataRow("site-managers/../hq", "SYNC0018", "site-managers/hq")]
    [DataRow(@"site-managers\hq", "SYNC0002", "site-managers/hq")]
    public void RootPathRejects(string rootPath, string id, string corrected)
    {
        var violation = Violations.Single(S3RootPath.Parse(rootPath).Violations, id, RuleSeverity.Error, Setting.RootPath);
        StringAssert.EndsWith(violation.Message, "'" + corrected + "'");
    }

    [TestMethod]
    public void RootPathParsesGeneratedPaths()
    {
        Violations.None(S3RootPath.Parse(null).Violations, "none");
        Assert.IsEmpty(S3RootPath.Parse("").Value!);
        foreach (var segments in Fakes.Many(8, f => Fakes.Folders(f).Append(Fakes.Word(f)).ToArray()))
        {
            var rootPath = string.Join("/", segments) + "/";
            var result = S3RootPath.Parse(rootPath);
            Violations.None(result.Violations, rootPath);
            CollectionAssert.AreEqual(segments, result.Value!.ToArray());
        }
    }
}
