using SyncConfig.Analyzers.Tests.Infrastructure;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Rules;

[TestClass]
public sealed class NameAndWindowRulesTests
{
    [TestMethod]
    [DataRow("", "SiteManager1")]
    [DataRow("Site/Manager", "Site-Manager")]
    [DataRow(@"Site\Manager", "Site-Manager")]
    [DataRow("Site:Manager*", "Site-Manager-")]
    [DataRow("SiteManager.", "SiteManager")]
    [DataRow("SiteManager ", "SiteManager")]
    [DataRow("CON", "CON-Sync")]
    [DataRow("nul.txt", "nul.txt-Sync")]
    [DataRow("Com1", "Com1-Sync")]
    [DataRow("LPT9", "LPT9-Sync")]
    public void FolderNameRejects(string name, string corrected)
    {
        var violation = Violations.Single(FolderName.Check(name).Violations, "SYNC0020", RuleSeverity.Error, Setting.FolderName);
        StringAssert.Contains(violation.Message, "'" + name + "'");
        StringAssert.EndsWith(violation.Message, "'" + corrected + "'");
    }

    [TestMethod]
    public void FolderNameRejectsMoreThan255Characters()
    {
        Violations.Single(FolderName.Check(new string('a', 256)).Violations, "SYNC0020", RuleSeverity.Error, Setting.FolderName);
        Violations.None(FolderName.Check(new string('a', 255)).Violations, "255 characters");
    }

    [TestMethod]
    public void FolderNameAcceptsGeneratedNames()
    {
        foreach (var name in Fakes.Many(9, f => f.Random.Bool() ? f.System.FileName() : Fakes.Word(f) + " " + f.Random.Number(1, 9)))
        {
            Violations.None(FolderName.Check(name).Violations, name);
        }
    }

    [TestMethod]
    [DataRow("9:00", "Start", "09:00")]
    [DataRow("2200", "Start", "22:00")]
    [DataRow("22.30", "Start", "22:30")]
    [DataRow("24:00", "Start", "00:00")]
    [DataRow("22:60", "Start", "22:00")]
    [DataRow("late", "Start", "22:00")]
    public void WindowTimeRejects(string time, string setting, string shown)
    {
        var violation = Violations.Single(SyncWindowTime.CheckWindow(time, "05:00", (int)SyncDays.Every), "SYNC0025", RuleSeverity.Error, setting);
        StringAssert.Contains(violation.Message, "'" + time + "'");
        StringAssert.EndsWith(violation.Message, "'" + shown + "'");
    }

    [TestMethod]
    public void WindowEndTimeIsCheckedToo() =>
        Violations.Single(SyncWindowTime.CheckWindow("22:00", "5:00", (int)SyncDays.Every), "SYNC0025", RuleSeverity.Error, Setting.End);

    [TestMethod]
    [DataRow("22:00")]
    [DataRow("00:00")]
    [DataRow("23:59")]
    public void WindowStartingWhenItEndsIsRejected(string time) =>
        Violations.Single(SyncWindowTime.CheckWindow(time, time, (int)SyncDays.Every), "SYNC0026", RuleSeverity.Error, Setting.End);

    [TestMethod]
    [DataRow(0)]
    [DataRow(128)]
    [DataRow(256)]
    public void WindowWithoutDaysIsRejected(int days) =>
        Violations.Single(SyncWindowTime.CheckWindow("22:00", "05:00", days), "SYNC0027", RuleSeverity.Error, Setting.Days);

    [TestMethod]
    public void WindowAcceptsGeneratedTimesIncludingAcrossMidnight()
    {
        foreach (var (start, end, days) in Fakes.Many(10, f => (f.Random.Number(0, 1439), f.Random.Number(0, 1439), f.Random.Number(1, 127))))
        {
            if (start == end)
            {
                continue;
            }

            var startText = SyncWindowTime.Format(start);
            var endText = SyncWindowTime.Format(end);
            Violations.None(SyncWindowTime.CheckWindow(startText, endText, days), startText + "-" + endText);
            Assert.IsTrue(SyncWindowTime.TryParse(startText, out var minutes));
            Assert.AreEqual(start, minutes);
        }
    }
}
