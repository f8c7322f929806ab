using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;
using SyncConfig.Testing.Servers;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>
/// The end-to-end run that the transports whose server folder is also a folder on this machine (FTP, SMB) share, from
/// the first sync on: the mirror holds the images, a second sync uploads nothing, verify finds a deleted image, a lost
/// local ID stops the sync until reinitialize, and no output holds the password.
/// </summary>
internal static class ServerFolderLifecycle
{
    public static void AssertAfterFirstSync(SyncConfigProcess cli, string sync, string repository, string remote, params ProcessRun[] earlier)
    {
        foreach (var file in Directory.EnumerateFiles(repository, "*.mrimg", SearchOption.AllDirectories))
            CollectionAssert.AreEqual(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(remote, Path.GetRelativePath(repository, file))));

        var second = cli.Run("sync", sync, "--now");
        Assert.AreEqual(ExitCodes.Ok, second.ExitCode, second.ToString());
        Assert.AreEqual(0, Report(cli, sync).GetProperty("bytesUploaded").GetInt64(), "a second sync with no change uploads nothing");

        var verify = cli.Run("verify", sync);
        Assert.AreEqual(ExitCodes.Ok, verify.ExitCode, verify.ToString());
        File.Delete(Directory.EnumerateFiles(remote, "*.mrimg", SearchOption.AllDirectories).First());
        var damaged = cli.Run("verify", sync);
        Assert.AreEqual(ExitCodes.VerifyFailed, damaged.ExitCode, damaged.ToString());

        File.Delete(Path.Combine(repository, ".syncconfig", "id"));
        var mismatch = cli.Run("sync", sync, "--now");
        Assert.AreEqual(ExitCodes.RemoteIdMismatch, mismatch.ExitCode, mismatch.ToString());
        var reinitialize = cli.Run("reinitialize", sync);
        Assert.AreEqual(ExitCodes.Ok, reinitialize.ExitCode, reinitialize.ToString());
        var after = cli.Run("verify", sync);
        Assert.AreEqual(ExitCodes.Ok, after.ExitCode, after.ToString());
        SecretScan.AssertNone([TestServers.Get("SYNCTEST_PASSWORD")],
            string.Join("\n", [.. earlier, second, verify, damaged, mismatch, reinitialize, after]), cli.WorkFolder);
    }

    public static JsonElement Report(SyncConfigProcess cli, string sync) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.StatusFolder, sync + ".json"))).RootElement.GetProperty("lastAttempt").Clone();
}
