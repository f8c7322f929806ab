using Bogus;
using Microsoft.CodeAnalysis.CSharp;
using SyncConfig.Catalog;
using SyncConfig.Generators.Tests.Infrastructure;

namespace SyncConfig.Generators.Tests;

/// <summary>A literal password or key never reaches generated code, yet the registration still carries it at run time.</summary>
[TestClass]
public sealed class SecretTests
{
    private sealed record Secrets(
        string SharePassword, string LocalPassword, string FtpPassword, string Passphrase, string AccessKey, string SecretKey, string PlainFtpPassword, string FtpsPassword);

    private static Secrets NewSecrets(int seed)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        string Next() => "S3cr3t-" + faker.Internet.Password(24, memorable: false, prefix: faker.Random.AlphaNumeric(6)) + "\\\"'";
        return new Secrets(Next(), Next(), Next(), Next(), Next(), Next(), Next(), Next());
    }

    private static string Definitions(Secrets s) => Examples.Repository + $$"""

        [NetworkShareSync(@"\\nas01\offsite", Repository = typeof(MainRepository), FolderName = "A",
            UserName = "svc", Password = {{Literal(s.SharePassword)}})]
        public partial class Share;

        [LocalPathSync("/mnt/usb", Repository = typeof(MainRepository), FolderName = "B", UserName = "svc", Password = {{Literal(s.LocalPassword)}})]
        public partial class Usb;

        [FileTransferSync(FileTransferProtocol.Sftp, "example.com/srv/backups", Repository = typeof(MainRepository), FolderName = "C",
            UserName = "backup", Password = {{Literal(s.FtpPassword)}}, PrivateKeyFile = "/etc/keys/id", PrivateKeyPassphrase = {{Literal(s.Passphrase)}})]
        public partial class Sftp;

        [S3Sync(S3Service.Amazon, Bucket = "acme-offsite", Region = "eu-west-1", Repository = typeof(MainRepository), FolderName = "D",
            AccessKey = {{Literal(s.AccessKey)}}, SecretKey = {{Literal(s.SecretKey)}})]
        public partial class Amazon;

        [FileTransferSync(FileTransferProtocol.Ftp, "ftp.example.com/backups", Repository = typeof(MainRepository), FolderName = "E",
            UserName = "backup", Password = {{Literal(s.PlainFtpPassword)}})]
        public partial class Ftp;

        [FileTransferSync(FileTransferProtocol.Ftps, "ftps.example.com/backups", Repository = typeof(MainRepository), FolderName = "F",
            UserName = "backup", Password = {{Literal(s.FtpsPassword)}}, CertificateFingerprint = "{{Pin}}")]
        public partial class Ftps;
        """;

    private const string Pin = "9F:86:D0:81:88:4C:7D:65:9A:2F:EA:A0:C5:5A:D0:15:A3:BF:4F:1B:2B:0B:82:2C:D1:5D:6C:15:B0:F0:0A:08";

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void LiteralSecretsAreReadFromTheAttributeNotCopied(int seed)
    {
        var secrets = NewSecrets(seed);
        var run = GeneratorHarness.Run(Definitions(secrets));
        Assert.IsEmpty(run.Errors, string.Join("\n", run.Errors));
        Assert.IsEmpty(run.DiagnosticsInGeneratedCode, string.Join("\n", run.DiagnosticsInGeneratedCode));

        var generated = run.AllGeneratedText;
        foreach (var secret in new[] { secrets.SharePassword, secrets.LocalPassword, secrets.FtpPassword, secrets.Passphrase, secrets.AccessKey, secrets.SecretKey, secrets.PlainFtpPassword, secrets.FtpsPassword })
        {
            Assert.DoesNotContain(secret.Substring(0, 16), generated);
            Assert.DoesNotContain(Literal(secret).Trim('"').Substring(0, 16), generated);
        }

        using var catalog = new LoadedCatalog(run.Output);
        Assert.AreEqual(secrets.SharePassword, ((NetworkShareSettings)catalog.Registration("Share").Destination).Password);
        Assert.AreEqual(secrets.LocalPassword, ((LocalPathSettings)catalog.Registration("Usb").Destination).Password);
        var sftp = (FileTransferSettings)catalog.Registration("Sftp").Destination;
        Assert.AreEqual(secrets.FtpPassword, sftp.Password);
        Assert.AreEqual(secrets.Passphrase, sftp.PrivateKeyPassphrase);
        Assert.AreEqual("/etc/keys/id", sftp.PrivateKeyFile);
        var s3 = (S3Settings)catalog.Registration("Amazon").Destination;
        Assert.AreEqual(secrets.AccessKey, s3.AccessKey);
        Assert.AreEqual(secrets.SecretKey, s3.SecretKey);
        Assert.AreEqual(secrets.PlainFtpPassword, ((FileTransferSettings)catalog.Registration("Ftp").Destination).Password);
        Assert.AreEqual(secrets.FtpsPassword, ((FileTransferSettings)catalog.Registration("Ftps").Destination).Password);
    }

    [TestMethod]
    public void AReferenceWithLiteralTextAroundItIsTreatedAsASecret()
    {
        var run = GeneratorHarness.Run(Examples.Repository + """

            [LocalPathSync("/mnt/usb", Repository = typeof(MainRepository), FolderName = "B", UserName = "svc", Password = "hunter2-$(SUFFIX)")]
            public partial class Usb;
            """);

        Assert.DoesNotContain("hunter2", run.AllGeneratedText);
        using var catalog = new LoadedCatalog(run.Output);
        Assert.AreEqual("hunter2-$(SUFFIX)", ((LocalPathSettings)catalog.Registration("Usb").Destination).Password);
    }

    [TestMethod]
    public void AWholeReferenceIsEmittedAsTextAndNoAttributeIsRead()
    {
        var run = GeneratorHarness.Run(Examples.Repository, Examples.Syncs);

        StringAssert.Contains(run.AllGeneratedText, "\"$(WASABI_SECRET)\"");
        Assert.DoesNotContain("GetCustomAttributes", run.AllGeneratedText);
    }
}
