using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Configuration;

/// <summary>State and status go where the platform keeps a service's state unless the configuration says otherwise.</summary>
[TestClass]
public sealed class DefaultFoldersTests
{
    private const string Home = "/home/backup";

    [TestMethod]
    public void SystemdStateDirectoryComesFirstEvenForRoot()
    {
        var root = DefaultFolders.Root(Variables(("STATE_DIRECTORY", "/var/lib/syncconfig-unit:/var/lib/other"), ("XDG_STATE_HOME", "/x")), false, true, Home);

        Assert.AreEqual("/var/lib/syncconfig-unit", root);
    }

    [TestMethod]
    public void RootWithoutSystemdUsesVarLib() =>
        Assert.AreEqual("/var/lib/syncconfig", DefaultFolders.Root(Variables(("XDG_STATE_HOME", "/x")), false, true, Home));

    [TestMethod]
    public void AUserGetsTheXdgStateHome() =>
        Assert.AreEqual("/srv/state/syncconfig", DefaultFolders.Root(Variables(("XDG_STATE_HOME", "/srv/state")), false, false, Home));

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("relative/state")]
    public void WithoutAUsableXdgStateHomeItIsLocalStateInTheHome(string? xdg) =>
        Assert.AreEqual("/home/backup/.local/state/syncconfig", DefaultFolders.Root(Variables(("XDG_STATE_HOME", xdg)), false, false, Home));

    [TestMethod]
    public void WindowsUsesProgramData() =>
        Assert.AreEqual(Path.Combine(@"C:\ProgramData", "SyncConfig"), DefaultFolders.Root(Variables(("ProgramData", @"C:\ProgramData"), ("STATE_DIRECTORY", "/x")), true, true, Home));

    [TestMethod]
    public void UnconfiguredFoldersAreThePlatformsAndNeverTheExecutablesFolder()
    {
        using var folder = new TempFolder();
        var config = folder.Combine("appsettings.json");
        File.WriteAllText(config, """{ "SyncConfig": { "TimeZone": "UTC" } }""");

        var settings = RuntimeConfiguration.Load(config, readSecrets: false).Settings;

        Assert.AreEqual(Path.Combine(DefaultFolders.Root(), "state"), settings.StateFolder);
        Assert.AreEqual(Path.Combine(DefaultFolders.Root(), "status"), settings.StatusFolder);
        Assert.IsFalse(settings.StateFolder.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal));
    }

    [TestMethod]
    public void ConfiguredFoldersStayRelativeToTheConfigurationFile()
    {
        using var folder = new TempFolder();
        var config = folder.Combine("appsettings.json");
        File.WriteAllText(config, """{ "SyncConfig": { "StateFolder": "here/state", "StatusFolder": "/srv/status" } }""");

        var settings = RuntimeConfiguration.Load(config, readSecrets: false).Settings;

        Assert.AreEqual(folder.Combine("here", "state"), settings.StateFolder);
        Assert.AreEqual("/srv/status", settings.StatusFolder);
    }

    private static Func<string, string?> Variables(params (string Name, string? Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
