using System.Text.RegularExpressions;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>Two machines syncing copies of one repository into one remote folder: the remote lock lets one write at a time.</summary>
[TestClass]
public sealed partial class RemoteLockEndToEndTests
{
    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task TwoProcessesOnOneTargetCommitOneAfterTheOther(bool firstStartsFirst)
    {
        using var first = SyncLifecycleEndToEndTests.DemoProcess(out var repository, out var target, megabytes: 60);
        // The second "machine": its own state folder and its own copy of the repository (same ID), so neither the
        // local run lock nor the repository's backup gate keeps the two apart; only the remote lock can.
        using var second = new SyncConfigProcess();
        Directory.CreateDirectory(Path.Combine(repository, ".syncconfig"));
        File.WriteAllText(Path.Combine(repository, ".syncconfig", "id"), Guid.NewGuid().ToString("D"));
        var copy = second.Combine("repository");
        CopyFolder(repository, copy);
        second.Environment[DemoCommand.RepositoryVariable] = copy;
        second.Environment[DemoCommand.TargetVariable] = target;

        var (early, late) = firstStartsFirst ? (first, second) : (second, first);
        var runEarly = early.RunAsync(["sync", "DemoOffsite", "--now"]);
        var runLate = late.RunAsync(["sync", "DemoOffsite", "--now"]);
        var results = await Task.WhenAll(runEarly, runLate);

        foreach (var run in results)
            Assert.AreEqual(ExitCodes.Ok, run.ExitCode, run.ToString());
        // A sync that uploads prints "files: N uploaded"; one that finds nothing to do says "Nothing to upload".
        var uploaded = results.Select(r => UploadedCount().Match(r.Output) is { Success: true } m ? int.Parse(m.Groups[1].Value)
            : r.Output.Contains("Nothing to upload", StringComparison.Ordinal) ? 0
            : throw new AssertFailedException("neither an upload count nor 'Nothing to upload' in:\n" + r)).ToList();
        Assert.AreEqual(1, uploaded.Count(n => n > 0), "exactly one process uploaded the repository; the other found its commit\n" + string.Join("\n", results));
        var verify = first.Run("verify", "DemoOffsite");
        Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, verify.ToString());
    }

    [GeneratedRegex(@"files: (\d+) uploaded")]
    private static partial Regex UploadedCount();

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(file));
        }
    }
}
