using System.Diagnostics;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>After the demo, the commands it prints inspect the demo's sync: same values, same state and status folders.</summary>
[TestClass]
public sealed class DemoEndToEndTests
{
    [TestMethod]
    public async Task TheDemoPrintsCommandsThatFindItsSyncAfterwards()
    {
        using var cli = new SyncConfigProcess();

        var demo = await Run(cli, "demo", "--folder", "demo", "--size-mb", "2");

        Assert.AreEqual(ExitCodes.Ok, demo.ExitCode, demo.ToString());
        var config = cli.Combine("demo", "appsettings.json");
        StringAssert.Contains(demo.Output, $"Inspect the demo with: syncconfig status DemoOffsite --config {config}", demo.ToString());

        var status = await Run(cli, "status", "DemoOffsite", "--config", config);
        Assert.AreEqual(ExitCodes.Ok, status.ExitCode, status.ToString());
        StringAssert.Contains(status.Output, "last result: Succeeded", status.ToString());
        StringAssert.Contains(status.Output, "Status page: " + cli.Combine("demo", "status", "index.html"), status.ToString());
        Assert.IsTrue(File.Exists(cli.Combine("demo", "status", "index.html")));

        var verify = await Run(cli, "verify", "DemoOffsite", "--config", config);
        Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, verify.ToString());
        var test = await Run(cli, "test", "DemoOffsite", "--config", config);
        Assert.AreEqual(ExitCodes.Ok, test.ExitCode, test.ToString());

        var again = await Run(cli, "demo", "--folder", "demo", "--size-mb", "2");
        Assert.AreEqual(ExitCodes.Ok, again.ExitCode, again.ToString());
        StringAssert.Contains(again.Output, "DemoOffsite: Nothing to upload;", again.ToString());
    }

    /// <summary>Without the test's own configuration file: the demo is tried as a new user would.</summary>
    private static async Task<ProcessRun> Run(SyncConfigProcess cli, params string[] arguments)
    {
        using var process = Process.Start(cli.StartInfo(arguments, withConfig: false))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertFailedException($"syncconfig {string.Join(' ', arguments)} did not exit");
        }

        return new ProcessRun(process.ExitCode, await output, await error);
    }
}
