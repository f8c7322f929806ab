using Spectre.Console;
using SyncConfig.Runtime.Catalog;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;
using SyncConfig.Runtime.Tests.Reliability;

namespace SyncConfig.Runtime.Tests.Security;

/// <summary>
/// What <see cref="SecretLeakTests"/> leaves out, with the secret kept in a secrets file as a deployment keeps it:
/// the help of every command the parser has (read from it, so a new command is covered without a change here), and
/// the messages of connections that fail before any password is checked — an address nothing answers at — on every
/// network transport, through the connection test.
/// </summary>
[TestClass]
public sealed class SecretExposureTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TheHelpOfEveryCommandShowsNoSecret()
    {
        await using var target = ReliabilityTarget.Create("SFTP");
        // Both places a deployment may keep it: the secrets file the configuration names, and the environment.
        target.KeepSecretInFile();
        target.Cli.Environment[target.SecretVariable!] = target.Secrets[0];
        var output = new List<ProcessRun>();
        var commands = CommandNames();
        Assert.IsGreaterThanOrEqualTo(10, commands.Count, string.Join(", ", commands));

        output.Add(await target.Cli.RunAsync(["--help", "--config", target.Cli.ConfigFile]));
        foreach (var command in commands)
            output.Add(await target.Cli.RunAsync([command, "--help", "--config", target.Cli.ConfigFile]));

        foreach (var (run, command) in output.Zip(commands.Prepend("(none)")))
        {
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, $"{command} --help: {run}");
            StringAssert.Contains(run.Output, "Usage:", $"{command} --help: {run}");
        }
        SecretScan.AssertNone(target.Secrets, string.Join("\n", output), target.Cli.WorkFolder);
        TestContext.WriteLine($"secrets: --help of the root and {commands.Count} commands ({string.Join(", ", commands)}): no secret");
    }

    [TestMethod]
    [DataRow("SFTP", "SYNCTEST_SFTP_SERVER")]
    [DataRow("S3", "SYNCCONFIG_S3_ENDPOINT")]
    [DataRow("FTP", "SYNCTEST_FTP_SERVER")]
    [DataRow("FTPS", "SYNCTEST_FTP_SERVER")]
    [DataRow("SMB", "SYNCTEST_SMB_PATH")]
    public async Task AnUnreachableServerIsNamedAndTheSecretIsNot(string kind, string address)
    {
        await using var target = ReliabilityTarget.Create(kind);
        target.GenerateRepository(seed: 53, megabytes: 1, largeMegabytes: 0);
        target.KeepSecretInFile();
        // 127.0.0.2 is this machine too, and no test server listens there: the connection is refused at once.
        var unreachable = target.Cli.Environment[address]!.Replace("127.0.0.1", "127.0.0.2", StringComparison.Ordinal).Replace("localhost", "127.0.0.2", StringComparison.Ordinal);
        Assert.AreNotEqual(target.Cli.Environment[address], unreachable, "the address names the test server");
        target.Cli.Environment[address] = unreachable;

        // `test`, not `sync`: a sync keeps retrying an unreachable server for its ten-minute retry window.
        var test = await target.Cli.RunAsync(["test", target.Sync]);

        BadRemoteStateTests.AssertNoCrash(test);
        Assert.AreEqual(ExitCodes.ConnectionTestFailed, test.ExitCode, test.ToString());
        StringAssert.Contains(test.ToString(), "127.0.0.2", "the message names the address that did not answer: " + test);
        SecretScan.AssertNone(target.Secrets, test.ToString(), target.Cli.WorkFolder);
        TestContext.WriteLine($"secrets: {kind}: unreachable server named by test (exit {test.ExitCode}); no secret in its output or in the state and status folders");
    }

    /// <summary>Every command of the parser, hidden ones included.</summary>
    private static List<string> CommandNames()
    {
        var context = new CliContext(new SyncCatalogList([], []), TextWriter.Null, TextWriter.Null,
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), TimeProvider.System);
        return SyncConfigCommandLine.Build(context).Subcommands.Select(c => c.Name).ToList();
    }
}
