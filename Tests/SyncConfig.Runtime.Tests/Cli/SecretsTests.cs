using Spectre.Console;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>
/// Runs syncs with secret values configured (one of them deliberately ends up in the target path,
/// so it reaches the engine's error messages) and scans everything the runtime printed or wrote.
/// </summary>
[TestClass]
public sealed class SecretsTests
{
    private const string Password = "hunter2-very-secret";
    private const string OtherPassword = "correct-horse-battery-staple";

    [TestMethod]
    public async Task SecretsNeverAppearInOutputLogsOrStatusFiles()
    {
        using var folder = new TempFolder();
        var repository = folder.Combine("repository");
        new DemoRepository(repository, seed: 11, maxMegabytes: 2).Generate();
        Directory.CreateDirectory(folder.Combine("offsite"));
        var config = folder.Combine("appsettings.json");
        File.WriteAllText(config, $$"""
            { "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC" },
              "Values": { "T_ROOT": "{{folder.Path}}", "T_REPOSITORY": "{{repository}}" } }
            """);
        var secrets = folder.Combine("secrets.json");
        File.WriteAllText(secrets, $$"""{ "T_PASSWORD": "{{Password}}", "T_OTHER_PASSWORD": "{{OtherPassword}}" }""");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var catalog = new SyncCatalogList(
        [
            Registrations.LocalPath("Guarded", "$(T_REPOSITORY)", "$(T_ROOT)/offsite", userName: "backup", password: "$(T_PASSWORD)"),
            Registrations.LocalPath("Leaky", "$(T_REPOSITORY)", "$(T_ROOT)/missing-$(T_OTHER_PASSWORD)", userName: "backup", password: "$(T_OTHER_PASSWORD)"),
        ], []);
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        var context = new CliContext(catalog, output, error, terminal, TimeProvider.System);

        async Task<int> Run(params string[] arguments) =>
            await SyncConfigCommandLine.InvokeAsync(context, [.. arguments, "--config", config], CancellationToken.None);

        Assert.AreEqual(ExitCodes.Ok, await Run("sync", "Guarded", "--now"), error.ToString());
        Assert.AreEqual(ExitCodes.Ok, await Run("test", "Guarded"), error.ToString());
        Assert.AreEqual(ExitCodes.Ok, await Run("verify", "Guarded"), error.ToString());
        Assert.AreEqual(ExitCodes.SyncFailed, await Run("sync", "Leaky", "--now"), error.ToString());
        Assert.AreEqual(ExitCodes.ConnectionTestFailed, await Run("test", "Leaky"), error.ToString());
        Assert.AreEqual(ExitCodes.Ok, await Run("status", "--json"), error.ToString());
        Assert.AreEqual(ExitCodes.Ok, await Run("status"), error.ToString());

        // The masked value is there: the secret did reach an error message and was scrubbed, not avoided by luck.
        StringAssert.Contains(error.ToString(), "missing-********", error.ToString());
        SecretScan.AssertNone([Password, OtherPassword], output.ToString() + error.ToString(), folder.Path);
    }

    [TestMethod]
    public async Task ASecretShorterThanTheMinimumIsAConfigurationProblem()
    {
        using var folder = new TempFolder();
        var (context, output, error) = Context(folder, Registrations.LocalPath("Short", folder.Combine("repository"), folder.Path, userName: "backup", password: "ab"));

        var exit = await SyncConfigCommandLine.InvokeAsync(context, ["test", "Short", "--config", Config(folder)], CancellationToken.None);

        Assert.AreEqual(ExitCodes.InvalidConfiguration, exit, output + "\n" + error);
        StringAssert.Contains(error.ToString(), $"Short.Password: The value is 2 characters long; a secret must have at least {SyncConfig.Runtime.Configuration.SecretLength.Minimum} characters.");
    }

    [TestMethod]
    public async Task PathsArePrintedAsTheyAreEvenWhenASecretOccursInThem()
    {
        using var folder = new TempFolder();
        const string secret = "Backup-2024";
        var repository = folder.Combine("repository");
        Directory.CreateDirectory(Path.Combine(repository, "PC01", "AAAA"));
        File.WriteAllText(Path.Combine(repository, "PC01", "AAAA", $"{secret}-full.mrimg"), "image");
        Directory.CreateDirectory(folder.Combine("offsite"));
        var (context, output, error) = Context(folder, Registrations.LocalPath("Usb", repository, folder.Combine("offsite"), userName: "backup", password: secret));
        Assert.AreEqual(ExitCodes.Ok, await SyncConfigCommandLine.InvokeAsync(context, ["sync", "Usb", "--now", "--config", Config(folder)], CancellationToken.None), error.ToString());
        File.Delete(folder.Combine("offsite", "Site", "PC01", "AAAA", $"{secret}-full.mrimg"));

        await SyncConfigCommandLine.InvokeAsync(context, ["verify", "Usb", "--config", Config(folder)], CancellationToken.None);

        StringAssert.Contains(output.ToString(), $"missing: PC01/AAAA/{secret}-full.mrimg", output.ToString());
    }

    private static string Config(TempFolder folder)
    {
        var config = folder.Combine("appsettings.json");
        File.WriteAllText(config, """{ "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC" } }""");
        return config;
    }

    private static (CliContext Context, StringWriter Output, StringWriter Error) Context(TempFolder folder, SyncConfig.Catalog.SyncRegistration registration)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        return (new CliContext(new SyncCatalogList([registration], []), output, error, terminal, TimeProvider.System), output, error);
    }
}
