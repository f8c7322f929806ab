using SyncConfig.Analyzers.Tests.Infrastructure;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Rules;

/// <summary>
/// The whole-destination check both stages share: the build sees references and skips their values; the
/// runtime passes resolved values and every value rule applies.
/// </summary>
[TestClass]
public sealed class DestinationDefinitionTests
{
    [TestMethod]
    public void ReferencesDeferValueRulesUntilResolved()
    {
        var written = new NetworkShareDefinition { DefinitionName = "NasOffsite", Path = "$(NAS_PATH)", FolderName = "$(FOLDER)" };
        Violations.None(written.Validate(DefinitionStage.AsWritten), "as written");

        var resolved = new NetworkShareDefinition { DefinitionName = "NasOffsite", Path = @"nas01\offsite", FolderName = "CON" };
        var violations = resolved.Validate(DefinitionStage.Resolved);
        CollectionAssert.AreEquivalent(new[] { "SYNC0001", "SYNC0020" }, violations.Select(v => v.Id).ToArray());
    }

    [TestMethod]
    public void MalformedReferencesAreReportedOnlyAsWritten()
    {
        var definition = new LocalPathDefinition { Path = "$(USB", FolderName = "Site1", CustomName = "${NAME}" };
        var violations = definition.Validate(DefinitionStage.AsWritten);
        CollectionAssert.AreEquivalent(new[] { Setting.Path, Setting.CustomName }, violations.Where(v => v.Id == "SYNC0028").Select(v => v.Setting).ToArray());
    }

    [TestMethod]
    public void ResolvedSecretsAreNotLiterals()
    {
        var definition = new S3Definition
        {
            DefinitionName = "WasabiOffsite", Service = S3Service.Wasabi, Bucket = "acme-offsite", Region = "eu-central-2",
            FolderName = "Site1", AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = "wJalrXUtnFEMI",
        };
        Violations.None(definition.Validate(DefinitionStage.Resolved), "resolved");
        var written = definition.Validate(DefinitionStage.AsWritten);
        CollectionAssert.AreEquivalent(new[] { Setting.AccessKey, Setting.SecretKey }, written.Select(v => v.Setting).ToArray());
        Assert.IsTrue(written.All(v => v.Id == "SYNC0029" && !v.Message.Contains("AKIA", StringComparison.Ordinal) && !v.Message.Contains("wJal", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ResolvedSftpDefinitionGetsEveryRule()
    {
        var definition = new FileTransferDefinition
        {
            Protocol = FileTransferProtocol.Sftp, Server = "sftp://example.com/macrium", Port = 70000, FolderName = "Site1",
        };
        var ids = definition.Validate(DefinitionStage.Resolved).Select(v => v.Id).ToArray();
        CollectionAssert.AreEquivalent(new[] { "SYNC0003", "SYNC0010", "SYNC0011", "SYNC0012", "SYNC0014" }, ids);
    }

    [TestMethod]
    public void PortIsCheckedEvenWhenTheServerIsAReference()
    {
        var definition = new FileTransferDefinition { Protocol = FileTransferProtocol.Ftp, Server = "$(FTP_SERVER)", Port = -5, UserName = "u", FolderName = "Site1" };
        Violations.Single(definition.Validate(DefinitionStage.AsWritten), "SYNC0010", RuleSeverity.Error, Setting.Port);
    }

    [TestMethod]
    [DataRow(@"\\nas01\offsite", @"\\NAS01\Offsite\\", true)]
    [DataRow(@"\\nas01\offsite", @"\\nas01\offsite\other", false)]
    [DataRow("$(NAS)", "$(NAS)", true)]
    public void TargetKeyNormalizesTheLocation(string first, string second, bool same)
    {
        var a = new NetworkShareDefinition { Path = first, FolderName = "Site1" };
        var b = new NetworkShareDefinition { Path = second, FolderName = "SITE1" };
        Assert.AreEqual(same, a.TargetKey == b.TargetKey, a.TargetKey + " / " + b.TargetKey);
        Assert.AreNotEqual(a.TargetKey, new NetworkShareDefinition { Path = first, FolderName = "Site2" }.TargetKey);
    }

    [TestMethod]
    public void FileTransferTargetIgnoresProtocolButNotHost()
    {
        var sftp = new FileTransferDefinition { Protocol = FileTransferProtocol.Sftp, Server = "Example.com/home/b/", FolderName = "x" };
        var ftps = new FileTransferDefinition { Protocol = FileTransferProtocol.Ftps, Server = "example.com/home//b", FolderName = "x" };
        var other = new FileTransferDefinition { Protocol = FileTransferProtocol.Ftps, Server = "other.example.com/home/b", FolderName = "x" };
        Assert.AreEqual(sftp.TargetKey, ftps.TargetKey);
        Assert.AreNotEqual(sftp.TargetKey, other.TargetKey);
    }

    [TestMethod]
    public void GeneratedValidDefinitionsAreClean()
    {
        foreach (var (host, folders, folder, user) in Fakes.Many(13, f => (Fakes.Host(f), Fakes.Folders(f), Fakes.Word(f), f.Internet.UserName())))
        {
            var share = new NetworkShareDefinition { Path = @"\\" + host + @"\share\" + string.Join(@"\", folders), FolderName = folder, UserName = user, Password = "$(P)" };
            var sftp = new FileTransferDefinition
            {
                Protocol = FileTransferProtocol.Sftp, Server = host + "/home/" + string.Join("/", folders.Prepend(user)), UserName = user,
                FolderName = folder, HostKeyFingerprint = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",
            };
            Violations.None(share.Validate(DefinitionStage.AsWritten), share.Path!);
            Violations.None(sftp.Validate(DefinitionStage.Resolved), sftp.Server!);
        }
    }
}
