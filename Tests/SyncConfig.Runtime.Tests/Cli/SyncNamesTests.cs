using System.Text.Json;
using Spectre.Console;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>Every command that takes a sync's name accepts its class name or its custom name, ignoring case.</summary>
[TestClass]
public sealed class SyncNamesTests
{
    [TestMethod]
    public async Task EveryCommandAcceptsTheCustomNameIgnoringCase()
    {
        using var folder = new TempFolder();
        var (context, output, error, config) = Setup(folder);

        async Task<int> Run(params string[] arguments) =>
            await SyncConfigCommandLine.InvokeAsync(context, [.. arguments, "--config", config], CancellationToken.None);

        Assert.AreEqual(ExitCodes.Ok, await Run("sync", "nightly COPY", "--now"), error.ToString());
        Assert.AreEqual(ExitCodes.Ok, await Run("test", "Nightly copy"), error.ToString());
        Assert.AreEqual(ExitCodes.Ok, await Run("verify", " NIGHTLY COPY "), error.ToString());
        Assert.AreEqual(ExitCodes.Ok, await Run("recover", "nightly copy"), error.ToString());
        Assert.AreEqual(ExitCodes.Ok, await Run("reinitialize", "Nightly Copy"), error.ToString());
        output.GetStringBuilder().Clear();
        Assert.AreEqual(ExitCodes.Ok, await Run("status", "nightly copy", "--json"), error.ToString());

        using var report = JsonDocument.Parse(output.ToString());
        Assert.AreEqual("UsbOffsite", report.RootElement.GetProperty("sync").GetString(), "the custom name finds the class's status");
        Assert.AreEqual("Succeeded", report.RootElement.GetProperty("lastAttempt").GetProperty("outcome").GetString(), output.ToString());
    }

    [TestMethod]
    public async Task TheClassNameStillWorksIgnoringCaseAndNamesTheFiles()
    {
        using var folder = new TempFolder();
        var (context, _, error, config) = Setup(folder);

        var exit = await SyncConfigCommandLine.InvokeAsync(context, ["sync", "usboffsite", "--now", "--config", config], CancellationToken.None);

        Assert.AreEqual(ExitCodes.Ok, exit, error.ToString());
        Assert.IsTrue(File.Exists(folder.Combine("status", "UsbOffsite.json")), "status files are named after the class, whatever name was typed");
        Assert.IsFalse(Directory.EnumerateFiles(folder.Combine("status")).Any(f => Path.GetFileName(f).Contains("ightly", StringComparison.OrdinalIgnoreCase)));
    }

    [TestMethod]
    public async Task ListShowsTheClassNameAndTheCustomName()
    {
        using var folder = new TempFolder();
        var (context, output, error, config) = Setup(folder);

        var exit = await SyncConfigCommandLine.InvokeAsync(context, ["list", "--config", config], CancellationToken.None);

        Assert.AreEqual(ExitCodes.Ok, exit, error.ToString());
        var lines = output.ToString().Split('\n');
        StringAssert.Contains(lines[0], "CUSTOM NAME");
        var row = lines.Single(l => l.StartsWith("UsbOffsite", StringComparison.Ordinal));
        StringAssert.Contains(row, "Nightly copy");
        var plain = lines.Single(l => l.StartsWith("PlainOffsite", StringComparison.Ordinal));
        StringAssert.Contains(plain, " - ");
    }

    [TestMethod]
    public async Task AnUnknownNameListsBothNamesOfEachSync()
    {
        using var folder = new TempFolder();
        var (context, _, error, config) = Setup(folder);

        var exit = await SyncConfigCommandLine.InvokeAsync(context, ["sync", "Weekly copy", "--now", "--config", config], CancellationToken.None);

        Assert.AreEqual(ExitCodes.UnknownSync, exit);
        StringAssert.Contains(error.ToString(), "Unknown sync 'Weekly copy'");
        StringAssert.Contains(error.ToString(), "UsbOffsite (\"Nightly copy\")");
        StringAssert.Contains(error.ToString(), "PlainOffsite");
    }

    [TestMethod]
    public void AClassNameIsPreferredOverAnotherSyncsCustomName()
    {
        var catalog = new SyncCatalogList(
        [
            Registrations.LocalPath("First", "/srv/a", "/mnt/a", customName: "Second"),
            Registrations.LocalPath("Second", "/srv/b", "/mnt/b"),
        ], []);

        Assert.AreEqual("Second", catalog.Find("second")!.Name);
        Assert.AreEqual("First", catalog.Find("FIRST")!.Name);
        Assert.IsNull(catalog.Find("Third"));
    }

    private static (CliContext Context, StringWriter Output, StringWriter Error, string Config) Setup(TempFolder folder)
    {
        var repository = folder.Combine("repository");
        new DemoRepository(repository, seed: 5, maxMegabytes: 1).Generate();
        Directory.CreateDirectory(folder.Combine("offsite"));
        var config = folder.Combine("appsettings.json");
        File.WriteAllText(config, """{ "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC" } }""");
        var catalog = new SyncCatalogList(
        [
            Registrations.LocalPath("UsbOffsite", repository, folder.Combine("offsite"), customName: "Nightly copy"),
            Registrations.LocalPath("PlainOffsite", repository, folder.Combine("offsite"), folderName: "Plain"),
        ], []);
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        return (new CliContext(catalog, output, error, terminal, TimeProvider.System), output, error, config);
    }
}
