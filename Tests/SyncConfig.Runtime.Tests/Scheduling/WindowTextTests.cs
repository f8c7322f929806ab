using SyncConfig.Catalog;
using SyncConfig.Runtime.Scheduling;

namespace SyncConfig.Runtime.Tests.Scheduling;

[TestClass]
public sealed class WindowTextTests
{
    [TestMethod]
    [DataRow(0, 24 * 60, SyncDays.Every, "every day, all day")]
    [DataRow(22 * 60, 5 * 60, SyncDays.Weekdays, "weekdays 22:00–05:00")]
    [DataRow(60, 6 * 60, SyncDays.Weekends, "weekends 01:00–06:00")]
    [DataRow(8 * 60 + 30, 17 * 60, SyncDays.Monday | SyncDays.Wednesday | SyncDays.Friday, "Mon, Wed, Fri 08:30–17:00")]
    [DataRow(0, 24 * 60, SyncDays.Sunday, "Sun, all day")]
    [DataRow(23 * 60 + 59, 0, SyncDays.Every, "every day 23:59–00:00")]
    public void WindowsReadAsPeopleSayThem(int start, int end, SyncDays days, string text) =>
        Assert.AreEqual(text, WindowText.Describe(new SyncWindowSpec(start, end, days)));
}
