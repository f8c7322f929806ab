using System.Text;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>
/// On every network transport, the password or secret key (kept in a secrets file, as a deployment would) and a
/// wrong one never appear in anything the built executable prints (help, test, sync, verify, status, failures),
/// nor in its state and status files, nor in SyncConfig's metadata on the remote.
/// </summary>
[TestClass]
public sealed class SecretLeakTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("SFTP")]
    [DataRow("S3")]
    [DataRow("FTP")]
    [DataRow("FTPS")]
    [DataRow("SMB")]
    public async Task NoSecretInOutputStatusStateOrRemoteMetadata(string kind)
    {
        await using var target = ReliabilityTarget.Create(kind);
        target.GenerateRepository(seed: 31, megabytes: 1, largeMegabytes: 0);
        target.KeepSecretInFile();
        var runs = new List<ProcessRun>();

        async Task<ProcessRun> Run(int expected, params string[] arguments)
        {
            var run = await target.Cli.RunAsync(arguments);
            runs.Add(run);
            BadRemoteStateTests.AssertNoCrash(run);
            Assert.AreEqual(expected, run.ExitCode, $"syncconfig {string.Join(' ', arguments)}: {run}");
            return run;
        }

        await Run(ExitCodes.Ok, "--help");
        foreach (var command in new[] { "sync", "test", "verify", "reinitialize", "recover", "status", "run" })
            await Run(ExitCodes.Ok, command, "--help");
        await Run(ExitCodes.Ok, "test", target.Sync);
        await Run(ExitCodes.Ok, "sync", target.Sync, "--now");
        await Run(ExitCodes.Ok, "verify", target.Sync);
        await Run(ExitCodes.Ok, "status");
        await Run(ExitCodes.Ok, "status", target.Sync, "--json");
        await Run(ExitCodes.Ok, "list");

        // A wrong secret: the server refuses it, and the refusal travels through exceptions into messages and status.
        var wrong = $"wrong-{kind.ToLowerInvariant()}-secret-4711";
        target.KeepSecretInFile(wrong);
        await Run(ExitCodes.ConnectionTestFailed, "test", target.Sync);
        var failed = await Run(ExitCodes.SyncFailed, "sync", target.Sync, "--now");
        Assert.AreEqual("Failed", target.LastAttempt().GetProperty("outcome").GetString(), failed.ToString());
        await Run(ExitCodes.Ok, "status", target.Sync, "--json");

        var secrets = target.Secrets.Append(wrong).ToList();
        SecretScan.AssertNone(secrets, string.Join("\n", runs), target.Cli.WorkFolder);
        var metadata = new StringBuilder();
        foreach (var path in (await target.RemoteFilesAsync()).Keys.Where(k => k.StartsWith(".syncconfig/", StringComparison.Ordinal)))
            metadata.Append(Encoding.UTF8.GetString((await target.ReadRemoteAsync(path))!)).Append('\n');
        foreach (var secret in secrets)
            Assert.DoesNotContain(secret, metadata.ToString(), "a secret in the remote metadata");
        TestContext.WriteLine($"secrets: {kind}: {runs.Count} runs (help, test, sync, verify, status, list, a wrong secret's failures): no secret in output, state, status or remote metadata");
    }
}
