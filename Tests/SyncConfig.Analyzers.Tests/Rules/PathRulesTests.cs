using SyncConfig.Analyzers.Tests.Infrastructure;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Rules;

[TestClass]
public sealed class PathRulesTests
{
    [TestMethod]
    [DataRow(@"nas01\offsite", "SYNC0001", null)]
    [DataRow(@"\\nas01", "SYNC0001", null)]
    [DataRow(@"\\bad host!\offsite", "SYNC0001", null)]
    [DataRow(@"\\nas01\off|site", "SYNC0001", null)]
    [DataRow("", "SYNC0001", null)]
    [DataRow("//nas01/offsite/macrium", "SYNC0002", @"\\nas01\offsite\macrium")]
    [DataRow(@"\\nas01/offsite\macrium", "SYNC0002", @"\\nas01\offsite\macrium")]
    public void NetworkShareRejects(string path, string id, string? suggestion)
    {
        var violation = Violations.Single(NetworkSharePath.Parse(path).Violations, id, RuleSeverity.Error, Setting.Path);
        Assert.AreEqual(suggestion, violation.Suggestion);
        StringAssert.Contains(violation.Message, "'" + path + "'");
    }

    [TestMethod]
    [DataRow(@"\\nas01\offsite\macrium", "nas01", "offsite", @"\\nas01\offsite\macrium")]
    [DataRow(@"\\192.168.0.10\backups\", "192.168.0.10", "backups", @"\\192.168.0.10\backups")]
    [DataRow(@"\\fe80::1\share\a\\b", "fe80::1", "share", @"\\fe80::1\share\a\b")]
    [DataRow(@"\\NAS_01\offsite", "NAS_01", "offsite", @"\\NAS_01\offsite")]
    public void NetworkShareParses(string path, string server, string share, string normalized)
    {
        var result = NetworkSharePath.Parse(path);
        Violations.None(result.Violations, path);
        Assert.AreEqual(server, result.Value!.Server);
        Assert.AreEqual(share, result.Value.Share);
        Assert.AreEqual(normalized, result.Value.ToString());
    }

    [TestMethod]
    public void NetworkShareParsesGeneratedPaths()
    {
        foreach (var (server, share, folders) in Fakes.Many(1, f => (Fakes.Host(f), Fakes.Word(f), Fakes.Folders(f))))
        {
            var path = @"\\" + string.Join(@"\", new[] { server, share }.Concat(folders));
            var result = NetworkSharePath.Parse(path);
            Violations.None(result.Violations, path);
            Assert.AreEqual(server, result.Value!.Server);
            CollectionAssert.AreEqual(folders, result.Value.Folders.ToArray());
        }
    }

    [TestMethod]
    [DataRow("Offsite", "SYNC0007", null, "/Offsite")]
    [DataRow("E:Offsite", "SYNC0007", null, @"E:\Offsite")]
    [DataRow(@".\Offsite\x", "SYNC0007", null, @"C:\Offsite\x")]
    [DataRow(@"E:\Off|site", "SYNC0007", null, @"E:\Off-site")]
    [DataRow(@"\\nas01\offsite", "SYNC0008", null, @"\\nas01\offsite")]
    [DataRow("//nas01/offsite", "SYNC0008", null, @"\\nas01\offsite")]
    [DataRow("E:/Offsite/usb", "SYNC0002", @"E:\Offsite\usb", @"E:\Offsite\usb")]
    public void LocalPathRejects(string path, string id, string? suggestion, string shown)
    {
        var violation = Violations.Single(LocalPath.Parse(path).Violations, id, RuleSeverity.Error, Setting.Path);
        Assert.AreEqual(suggestion, violation.Suggestion);
        StringAssert.Contains(violation.Message, "'" + path + "'");
        StringAssert.Contains(violation.Message, shown);
    }

    [TestMethod]
    [DataRow(@"E:\Offsite", LocalPathStyle.Windows, @"E:\Offsite")]
    [DataRow(@"e:\Offsite\usb\", LocalPathStyle.Windows, @"E:\Offsite\usb")]
    [DataRow("/mnt//offsite/", LocalPathStyle.Posix, "/mnt/offsite")]
    [DataRow("/", LocalPathStyle.Posix, "/")]
    public void LocalPathParses(string path, LocalPathStyle style, string normalized)
    {
        var result = LocalPath.Parse(path);
        Violations.None(result.Violations, path);
        Assert.AreEqual(style, result.Value!.Style);
        Assert.AreEqual(normalized, result.Value.ToString());
    }

    [TestMethod]
    public void LocalPathParsesGeneratedPaths()
    {
        foreach (var (drive, folders) in Fakes.Many(2, f => (f.Random.Char('C', 'Z'), Fakes.Folders(f).Append(Fakes.Word(f)).ToArray())))
        {
            var windows = drive + @":\" + string.Join(@"\", folders);
            var posix = "/" + string.Join("/", folders);
            Violations.None(LocalPath.Parse(windows).Violations, windows);
            Violations.None(LocalPath.Parse(posix).Violations, posix);
            CollectionAssert.AreEqual(folders, LocalPath.Parse(windows).Value!.Segments.ToArray());
            Assert.AreEqual(posix, LocalPath.Parse(posix).Value!.ToString());
        }
    }

    [TestMethod]
    [DataRow("Backups", "SYNC0030")]
    [DataRow("", "SYNC0030")]
    [DataRow("D:Backups", "SYNC0030")]
    [DataRow("D:/Backups/Main", "SYNC0002")]
    [DataRow("$(MAIN REPO)", "SYNC0028")]
    public void RepositoryPathRejects(string path, string id)
    {
        var violation = Violations.Single(RepositoryPath.Check(path, DefinitionStage.AsWritten), id, RuleSeverity.Error, Setting.Path);
        StringAssert.Contains(violation.Message, path);
    }

    [TestMethod]
    [DataRow(@"D:\Backups\Main")]
    [DataRow("/srv/backups/main")]
    [DataRow("$(MAIN_REPO)")]
    [DataRow(@"\\nas01\backups")]
    [DataRow(@"$(BACKUP_ROOT)\Main")]
    public void RepositoryPathAccepts(string path) =>
        Violations.None(RepositoryPath.Check(path, DefinitionStage.AsWritten), path);

    [TestMethod]
    public void RepositoryPathChecksResolvedValues()
    {
        Violations.None(RepositoryPath.Check("$(MAIN_REPO)", DefinitionStage.AsWritten), "as written");
        Violations.Single(RepositoryPath.Check("relative/backups", DefinitionStage.Resolved), "SYNC0030", RuleSeverity.Error, Setting.Path);
    }
}
