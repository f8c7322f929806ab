using System.Text.Json;
using Spectre.Console;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>
/// One sync with a configuration problem does not stop the others: <c>run</c> schedules the healthy ones and reports the
/// broken one in its log, on the status page and in <c>status</c>; <c>run --check</c> fails; <c>--strict</c> fails fast.
/// </summary>
[TestClass]
public sealed class SchedulerWithBrokenSyncsTests
{
    [TestMethod]
    public async Task HealthySyncsRunWhileTheBrokenOneIsReported()
    {
        using var folder = new TempFolder();
        var (context, output, error, config) = Setup(folder, Healthy(folder), Broken());
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var running = SyncConfigCommandLine.InvokeAsync(context, ["run", "--config", config], stop.Token);
        var healthyReport = folder.Combine("status", "Healthy.json");
        while (!running.IsCompleted && !HasLastAttempt(healthyReport))
            await Task.Delay(100);
        await stop.CancelAsync();
        var exit = await running;

        Assert.IsTrue(HasLastAttempt(healthyReport), "the healthy sync ran: " + error);
        Assert.AreEqual(ExitCodes.Ok, exit, error.ToString());
        StringAssert.Contains(error.ToString(), "1 of 2 syncs have configuration problems and are not scheduled: Broken.");
        using (var broken = JsonDocument.Parse(File.ReadAllText(folder.Combine("status", "Broken.json"))))
        {
            var problems = broken.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
            Assert.IsTrue(problems.Any(p => p!.Contains("Broken.Repository: $(T_MISSING_REPOSITORY) has no value", StringComparison.Ordinal)), string.Join("\n", problems));
        }

        var page = File.ReadAllText(folder.Combine("status", "index.html"));
        StringAssert.Contains(page, "not scheduled: 1 configuration problem(s)");
        StringAssert.Contains(page, "Configuration problem: Broken.Repository: $(T_MISSING_REPOSITORY) has no value");

        output.GetStringBuilder().Clear();
        Assert.AreEqual(ExitCodes.Ok, await SyncConfigCommandLine.InvokeAsync(context, ["status", "Broken", "--config", config], CancellationToken.None));
        StringAssert.Contains(output.ToString(), "NOT SCHEDULED: configuration problem: Broken.Repository: $(T_MISSING_REPOSITORY) has no value");
    }

    [TestMethod]
    public async Task RunCheckListsEveryProblemAndFailsWithoutStartingAnything()
    {
        using var folder = new TempFolder();
        var (context, output, error, config) = Setup(folder, Healthy(folder), Broken());

        var exit = await SyncConfigCommandLine.InvokeAsync(context, ["run", "--check", "--config", config], CancellationToken.None);

        Assert.AreEqual(ExitCodes.InvalidConfiguration, exit, error.ToString());
        StringAssert.Contains(error.ToString(), "Broken.Repository: $(T_MISSING_REPOSITORY) has no value");
        StringAssert.Contains(output.ToString(), "1 of 2 syncs are configured");
        Assert.IsFalse(File.Exists(folder.Combine("status", "Healthy.json")), "a check runs nothing");
    }

    [TestMethod]
    public async Task RunCheckPassesWhenEverySyncIsConfigured()
    {
        using var folder = new TempFolder();
        var (context, output, error, config) = Setup(folder, Healthy(folder));

        var exit = await SyncConfigCommandLine.InvokeAsync(context, ["run", "--check", "--config", config], CancellationToken.None);

        Assert.AreEqual(ExitCodes.Ok, exit, error.ToString());
        StringAssert.Contains(output.ToString(), "All 1 syncs are configured");
    }

    [TestMethod]
    [DataRow("--strict", false)]
    [DataRow(null, true)]
    public async Task StrictModeRefusesToStartOnAnyProblem(string? option, bool setting)
    {
        using var folder = new TempFolder();
        var (context, _, error, config) = Setup(folder, [Healthy(folder), Broken()], strictSetting: setting);

        var exit = await SyncConfigCommandLine.InvokeAsync(context, option is null ? ["run", "--config", config] : ["run", option, "--config", config], CancellationToken.None);

        Assert.AreEqual(ExitCodes.InvalidConfiguration, exit, error.ToString());
        StringAssert.Contains(error.ToString(), "Broken.Repository: $(T_MISSING_REPOSITORY) has no value");
        Assert.IsFalse(File.Exists(folder.Combine("status", "Healthy.json")), "fail-fast runs nothing");
    }

    [TestMethod]
    public async Task WhenNoSyncCanRunTheSchedulerDoesNotStart()
    {
        using var folder = new TempFolder();
        var (context, _, error, config) = Setup(folder, Broken());

        var exit = await SyncConfigCommandLine.InvokeAsync(context, ["run", "--config", config], CancellationToken.None);

        Assert.AreEqual(ExitCodes.InvalidConfiguration, exit, error.ToString());
        StringAssert.Contains(error.ToString(), "No sync can run");
    }

    private static bool HasLastAttempt(string reportFile)
    {
        try
        {
            using var report = JsonDocument.Parse(File.ReadAllText(reportFile));
            return report.RootElement.TryGetProperty("lastAttempt", out var last) && last.ValueKind == JsonValueKind.Object;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return false;
        }
    }

    private static SyncConfig.Catalog.SyncRegistration Healthy(TempFolder folder)
    {
        var repository = folder.Combine("repository");
        if (!Directory.Exists(repository))
            new DemoRepository(repository, seed: 3, maxMegabytes: 1).Generate();
        Directory.CreateDirectory(folder.Combine("offsite"));
        return Registrations.LocalPath("Healthy", repository, folder.Combine("offsite"));
    }

    private static SyncConfig.Catalog.SyncRegistration Broken() =>
        Registrations.LocalPath("Broken", "$(T_MISSING_REPOSITORY)", "/mnt/nowhere", folderName: "Other");

    private static (CliContext Context, StringWriter Output, StringWriter Error, string Config) Setup(TempFolder folder, params SyncConfig.Catalog.SyncRegistration[] syncs) =>
        Setup(folder, syncs, strictSetting: false);

    private static (CliContext Context, StringWriter Output, StringWriter Error, string Config) Setup(
        TempFolder folder, SyncConfig.Catalog.SyncRegistration[] syncs, bool strictSetting)
    {
        var config = folder.Combine("appsettings.json");
        File.WriteAllText(config, $$"""
            { "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC", "StrictStartup": {{(strictSetting ? "true" : "false")}} } }
            """);
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        return (new CliContext(new SyncCatalogList(syncs, []), new SyncedWriter(output), new SyncedWriter(error), terminal, TimeProvider.System), output, error, config);
    }

    /// <summary>The scheduler writes from its workers while the test reads.</summary>
    private sealed class SyncedWriter(StringWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (inner)
                inner.Write(value);
        }

        public override void Write(string? value)
        {
            lock (inner)
                inner.Write(value);
        }

        public override void WriteLine(string? value)
        {
            lock (inner)
                inner.WriteLine(value);
        }
    }
}
