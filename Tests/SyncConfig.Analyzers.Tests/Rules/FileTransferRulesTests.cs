using System.Security.Cryptography;
using SyncConfig.Analyzers.Tests.Infrastructure;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Rules;

[TestClass]
public sealed class FileTransferRulesTests
{
    [TestMethod]
    [DataRow(FileTransferProtocol.Sftp, "sftp://example.com/home/backups", "SYNC0003", "example.com/home/backups")]
    [DataRow(FileTransferProtocol.Ftp, "ftp://192.168.0.1/backups", "SYNC0003", "192.168.0.1/backups")]
    [DataRow(FileTransferProtocol.Ftps, @"ftps://example.com\backups\site", "SYNC0003", "example.com/backups/site")]
    [DataRow(FileTransferProtocol.Ftp, @"example.com\backups\site", "SYNC0002", "example.com/backups/site")]
    [DataRow(FileTransferProtocol.Sftp, @"example.com\home\backups", "SYNC0002", "example.com/home/backups")]
    public void MechanicalMistakesCarryTheirCorrection(FileTransferProtocol protocol, string server, string id, string corrected)
    {
        var violations = FileTransferAddress.Parse(protocol, server).Violations;
        var violation = violations.First(v => v.Id == id);
        Assert.AreEqual(RuleSeverity.Error, violation.Severity);
        Assert.AreEqual(Setting.Server, violation.Setting);
        Assert.AreEqual(corrected, violation.Suggestion);
        StringAssert.Contains(violation.Message, "'" + corrected + "'");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("bad host/backups")]
    [DataRow("example.com:2222/backups")]
    [DataRow("-example.com/backups")]
    [DataRow("300.1.1.1/backups")]
    public void RejectsServersWithoutAValidHost(string server) =>
        Violations.Single(FileTransferAddress.Parse(FileTransferProtocol.Ftp, server).Violations, "SYNC0009", RuleSeverity.Error, Setting.Server);

    [TestMethod]
    [DataRow(-1)]
    [DataRow(65536)]
    [DataRow(100000)]
    public void RejectsPortsOutOfRange(int port)
    {
        var violation = Violations.Single(FileTransferAddress.Parse(FileTransferProtocol.Ftp, "example.com/backups", port).Violations, "SYNC0010", RuleSeverity.Error, Setting.Port);
        StringAssert.Contains(violation.Message, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    [DataRow("example.com/macrium", null, "example.com/home/<user>/macrium")]
    [DataRow("example.com/macrium", "backup", "example.com/home/backup/macrium")]
    [DataRow("example.com", "backup", "example.com/home/backup")]
    [DataRow("10.0.0.5/", null, "10.0.0.5/home/<user>")]
    public void WarnsOnSftpPathsRelativeToHome(string server, string? user, string example)
    {
        var result = FileTransferAddress.Parse(FileTransferProtocol.Sftp, server, userName: user);
        var violation = Violations.Single(result.Violations, "SYNC0011", RuleSeverity.Warning, Setting.Server);
        StringAssert.Contains(violation.Message, "'" + example + "'");
        Assert.IsNotNull(result.Value, "a warning still yields the address");
    }

    [TestMethod]
    [DataRow(FileTransferProtocol.Sftp, "Example.com/home/backups/macrium", 0, "example.com", 22, "/home/backups/macrium")]
    [DataRow(FileTransferProtocol.Ftp, "192.168.0.1/backups", 0, "192.168.0.1", 21, "/backups")]
    [DataRow(FileTransferProtocol.Ftps, "ftp.example.com", 990, "ftp.example.com", 990, "/")]
    [DataRow(FileTransferProtocol.Sftp, "[::1]/srv/offsite/", 2222, "[::1]", 2222, "/srv/offsite")]
    public void ParsesHostPortAndAbsolutePath(FileTransferProtocol protocol, string server, int port, string host, int effectivePort, string path)
    {
        var result = FileTransferAddress.Parse(protocol, server, port);
        Violations.None(result.Violations, server);
        Assert.AreEqual(host, result.Value!.Host);
        Assert.AreEqual(effectivePort, result.Value.Port);
        Assert.AreEqual(path, result.Value.AbsolutePath);
    }

    [TestMethod]
    public void ParsesGeneratedServers()
    {
        foreach (var (host, folders, port) in Fakes.Many(3, f => (Fakes.Host(f), Fakes.Folders(f).Prepend("home").Append(Fakes.Word(f)).ToArray(), f.Random.Number(0, 65535))))
        {
            var server = host + "/" + string.Join("/", folders);
            var result = FileTransferAddress.Parse(FileTransferProtocol.Sftp, server, port);
            Violations.None(result.Violations, server);
            Assert.AreEqual(host.ToLowerInvariant(), result.Value!.Host);
            Assert.AreEqual(port == 0 ? 22 : port, result.Value.Port);
            Assert.AreEqual("/" + string.Join("/", folders), result.Value.AbsolutePath);
        }
    }

    [TestMethod]
    [DataRow("2b:4f:1c:9a:77:00:12:34:56:78:9a:bc:de:f0:11:22", "looks like an MD5")]
    [DataRow("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU")]
    [DataRow("SHA256:tooShort", "32-byte")]
    [DataRow("SHA256:not base64!", "32-byte")]
    [DataRow("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", "does not start with 'SHA256:'")]
    public void RejectsMalformedHostKeyFingerprints(string fingerprint, string expected)
    {
        var violation = Violations.Single(HostKeyFingerprint.Parse(fingerprint).Violations, "SYNC0013", RuleSeverity.Error, Setting.HostKeyFingerprint);
        StringAssert.Contains(violation.Message, expected);
    }

    [TestMethod]
    public void AcceptsGeneratedHostKeyFingerprints()
    {
        foreach (var key in Fakes.Many(4, f => f.Random.Bytes(64)))
        {
            var hash = SHA256.HashData(key);
            var openSsh = "SHA256:" + Convert.ToBase64String(hash).TrimEnd('=');
            var result = HostKeyFingerprint.Parse(openSsh);
            Violations.None(result.Violations, openSsh);
            CollectionAssert.AreEqual(hash, result.Value);
            Violations.None(HostKeyFingerprint.Parse("SHA256:" + Convert.ToBase64String(hash)).Violations, "padded");
        }
    }

    [TestMethod]
    [DataRow("9F86D081", "has 8 hex digits, not 64")]
    [DataRow("A94A8FE5CCB19BA61C4C0873D391E987982FBBD3", "is a SHA-1 fingerprint")]
    [DataRow("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", "contains 'S'")]
    [DataRow("", "has 0 hex digits")]
    public void RejectsMalformedCertificateFingerprints(string fingerprint, string expected)
    {
        var violation = Violations.Single(CertificateFingerprint.Parse(fingerprint).Violations, "SYNC0031", RuleSeverity.Error, Setting.CertificateFingerprint);
        StringAssert.Contains(violation.Message, expected);
        StringAssert.Contains(violation.Message, "'" + fingerprint + "'");
    }

    [TestMethod]
    public void AcceptsGeneratedCertificateFingerprints()
    {
        foreach (var certificate in Fakes.Many(14, f => f.Random.Bytes(300)))
        {
            var hash = SHA256.HashData(certificate);
            foreach (var written in new[] { Convert.ToHexString(hash), Convert.ToHexString(hash).ToLowerInvariant(), BitConverter.ToString(hash).Replace('-', ':') })
            {
                var result = CertificateFingerprint.Parse(written);
                Violations.None(result.Violations, written);
                CollectionAssert.AreEqual(hash, result.Value);
            }
        }
    }
}
