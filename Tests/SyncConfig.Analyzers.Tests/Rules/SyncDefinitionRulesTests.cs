using SyncConfig.Analyzers.Tests.Infrastructure;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Rules;

/// <summary>
/// The whole-definition check both stages share: the build sees references and skips their values; the
/// runtime passes resolved values and every value rule applies.
/// </summary>
[TestClass]
public sealed class SyncDefinitionRulesTests
{
    private static readonly PathDestination<NetworkSharePath> Share = DestinationKinds.NetworkShare;
    private static readonly FileTransferDestination Transfer = DestinationKinds.FileTransfer;
    private static readonly S3Destination S3 = DestinationKinds.S3;

    private static IReadOnlyList<RuleViolation> Validate(
        DestinationKind kind, string? folderName, DefinitionStage stage, string definitionName = "Offsite", string? customName = null, params SettingValue[] values) =>
        SyncDefinitionRules.Validate(definitionName, new DestinationValues(kind, values), folderName, customName, stage);

    private static string TargetKey(DestinationKind kind, string folderName, params SettingValue[] values) =>
        SyncDefinitionRules.TargetKey(new DestinationValues(kind, values), folderName);

    [TestMethod]
    public void ReferencesDeferValueRulesUntilResolved()
    {
        Violations.None(Validate(Share, "$(FOLDER)", DefinitionStage.AsWritten, "NasOffsite", null, Share.Path.Of("$(NAS_PATH)")), "as written");

        var violations = Validate(Share, "CON", DefinitionStage.Resolved, "NasOffsite", null, Share.Path.Of(@"nas01\offsite"));
        CollectionAssert.AreEquivalent(new[] { "SYNC0001", "SYNC0020" }, violations.Select(v => v.Id).ToArray());
    }

    [TestMethod]
    public void MalformedReferencesAreReportedOnlyAsWritten()
    {
        var local = DestinationKinds.LocalPath;
        var violations = Validate(local, "Site1", DefinitionStage.AsWritten, customName: "${NAME}", values: local.Path.Of("$(USB"));
        CollectionAssert.AreEquivalent(new[] { Setting.Path, Setting.CustomName }, violations.Where(v => v.Id == "SYNC0028").Select(v => v.Setting).ToArray());
    }

    [TestMethod]
    public void ResolvedSecretsAreNotLiterals()
    {
        SettingValue[] values =
        [
            S3.Service.Of(S3Service.Wasabi), S3.Bucket.Of("acme-offsite"), S3.Region.Of("eu-central-2"),
            S3.AccessKey.Of("AKIAIOSFODNN7EXAMPLE"), S3.SecretKey.Of("wJalrXUtnFEMI"),
        ];
        Violations.None(Validate(S3, "Site1", DefinitionStage.Resolved, "WasabiOffsite", null, values), "resolved");
        var written = Validate(S3, "Site1", DefinitionStage.AsWritten, "WasabiOffsite", null, values);
        CollectionAssert.AreEquivalent(new[] { Setting.AccessKey, Setting.SecretKey }, written.Select(v => v.Setting).ToArray());
        Assert.IsTrue(written.All(v => v.Id == "SYNC0029" && !v.Message.Contains("AKIA", StringComparison.Ordinal) && !v.Message.Contains("wJal", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ResolvedSftpDefinitionGetsEveryRule()
    {
        var violations = Validate(
            Transfer, "Site1", DefinitionStage.Resolved,
            values: [Transfer.Protocol.Of(FileTransferProtocol.Sftp), Transfer.Server.Of("sftp://example.com/macrium"), Transfer.Port.Of(70000)]);
        CollectionAssert.AreEquivalent(new[] { "SYNC0003", "SYNC0010", "SYNC0011", "SYNC0012", "SYNC0014" }, violations.Select(v => v.Id).ToArray());
    }

    [TestMethod]
    public void PortIsCheckedEvenWhenTheServerIsAReference()
    {
        var violations = Validate(
            Transfer, "Site1", DefinitionStage.AsWritten,
            values: [Transfer.Protocol.Of(FileTransferProtocol.Ftp), Transfer.Server.Of("$(FTP_SERVER)"), Transfer.Port.Of(-5), Transfer.UserName.Of("u")]);
        Violations.Single(violations, "SYNC0010", RuleSeverity.Error, Setting.Port);
    }

    [TestMethod]
    [DataRow(@"\\nas01\offsite", @"\\NAS01\Offsite\\", true)]
    [DataRow(@"\\nas01\offsite", @"\\nas01\offsite\other", false)]
    [DataRow("$(NAS)", "$(NAS)", true)]
    public void TargetKeyNormalizesTheLocation(string first, string second, bool same)
    {
        var a = TargetKey(Share, "Site1", Share.Path.Of(first));
        var b = TargetKey(Share, "SITE1", Share.Path.Of(second));
        Assert.AreEqual(same, a == b, a + " / " + b);
        Assert.AreNotEqual(a, TargetKey(Share, "Site2", Share.Path.Of(first)));
    }

    [TestMethod]
    public void FileTransferTargetIgnoresProtocolButNotHost()
    {
        var sftp = TargetKey(Transfer, "x", Transfer.Protocol.Of(FileTransferProtocol.Sftp), Transfer.Server.Of("Example.com/home/b/"));
        var ftps = TargetKey(Transfer, "x", Transfer.Protocol.Of(FileTransferProtocol.Ftps), Transfer.Server.Of("example.com/home//b"));
        var other = TargetKey(Transfer, "x", Transfer.Protocol.Of(FileTransferProtocol.Ftps), Transfer.Server.Of("other.example.com/home/b"));
        Assert.AreEqual(sftp, ftps);
        Assert.AreNotEqual(sftp, other);
    }

    [TestMethod]
    public void GeneratedValidDefinitionsAreClean()
    {
        foreach (var (host, folders, folder, user) in Fakes.Many(13, f => (Fakes.Host(f), Fakes.Folders(f), Fakes.Word(f), f.Internet.UserName())))
        {
            var path = @"\\" + host + @"\share\" + string.Join(@"\", folders);
            var server = host + "/home/" + string.Join("/", folders.Prepend(user));
            var share = Validate(Share, folder, DefinitionStage.AsWritten, values: [Share.Path.Of(path), Share.UserName.Of(user), Share.Password.Of("$(P)")]);
            var sftp = Validate(
                Transfer, folder, DefinitionStage.Resolved,
                values:
                [
                    Transfer.Protocol.Of(FileTransferProtocol.Sftp), Transfer.Server.Of(server), Transfer.UserName.Of(user),
                    Transfer.HostKeyFingerprint.Of("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"),
                ]);
            Violations.None(share, path);
            Violations.None(sftp, server);
        }
    }
}
