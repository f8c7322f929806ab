using Spectre.Console;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>What a new user reads in everyday use: a sync with nothing to do, a Local Path connection test.</summary>
[TestClass]
public sealed class EverydayMessagesTests
{
    [TestMethod]
    public async Task ANoChangeSyncSaysNothingToUploadAndHowManyFilesAreUnchanged()
    {
        using var folder = new TempFolder();
        var (context, output, error, config, files) = Setup(folder);
        Assert.AreEqual(ExitCodes.Ok, await Run(context, config, "sync", "Usb", "--now"), error.ToString());
        output.GetStringBuilder().Clear();

        Assert.AreEqual(ExitCodes.Ok, await Run(context, config, "sync", "Usb", "--now"), error.ToString());

        var text = output.ToString();
        StringAssert.Contains(text, $"Usb: Nothing to upload; {files} files unchanged", text);
        Assert.DoesNotContain("0 B of 0 B", text);
        Assert.DoesNotContain("0 of 0 files", text);
        Assert.DoesNotContain("0 B/s", text);
    }

    [TestMethod]
    public async Task ASyncThatUploadsStillGivesItsCounts()
    {
        using var folder = new TempFolder();
        var (context, output, error, config, files) = Setup(folder);

        Assert.AreEqual(ExitCodes.Ok, await Run(context, config, "sync", "Usb", "--now"), error.ToString());

        StringAssert.Contains(output.ToString(), $"files: {files} uploaded, 0 deleted, 0 unchanged", output.ToString());
    }

    [TestMethod]
    public async Task TheLocalPathConnectionTestDoesNotClaimASignIn()
    {
        using var folder = new TempFolder();
        var (context, output, error, config, _) = Setup(folder);

        Assert.AreEqual(ExitCodes.Ok, await Run(context, config, "test", "Usb"), error.ToString());

        var text = output.ToString();
        StringAssert.Contains(text, "[ok] Reach the target", text);
        StringAssert.Contains(text, "[ok] Parent path is writable", text);
        Assert.DoesNotContain("Signed in", text);
        Assert.DoesNotContain("Authenticate", text);
    }

    private static Task<int> Run(CliContext context, string config, params string[] arguments) =>
        SyncConfigCommandLine.InvokeAsync(context, [.. arguments, "--config", config], CancellationToken.None);

    private static (CliContext Context, StringWriter Output, StringWriter Error, string Config, int Files) Setup(TempFolder folder)
    {
        var repository = folder.Combine("repository");
        new DemoRepository(repository, seed: 9, maxMegabytes: 1).Generate();
        var files = Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories).Count(f => !f.Contains(".syncconfig", StringComparison.Ordinal));
        Directory.CreateDirectory(folder.Combine("offsite"));
        var config = folder.Combine("appsettings.json");
        File.WriteAllText(config, """{ "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC" } }""");
        var catalog = new SyncCatalogList([Registrations.LocalPath("Usb", repository, folder.Combine("offsite"))], []);
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        return (new CliContext(catalog, output, error, terminal, TimeProvider.System), output, error, config, files);
    }
}
