using System.Text;
using System.Text.Json;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Reliability;

namespace SyncConfig.Runtime.Tests.Security;

/// <summary>
/// A hand-crafted manifest and journal placed on the remote, naming paths that leave the mirror ('..' and a drive
/// letter; the engine's HostileNameTests add absolute, NUL, backslash and overlong names and hostile listings), against
/// the built executable on a Local Path and on the real SFTP server. `sync` and `verify` refuse the
/// manifest, `recover` and `sync` the journal, each naming the file as corrupted and reinitialize as the way out; a
/// file planted beside the mirror folder on the target is still there and unchanged, and the mirror is untouched.
/// </summary>
[TestClass]
public sealed class HostileRemoteNamesTests
{
    private const string Planted = "planted beside the mirror";
    private static readonly string[] Names = ["../planted.txt", "C:/planted.txt"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("Local Path")]
    [DataRow("SFTP")]
    public async Task CraftedManifestsAndJournalsAreRefusedAndNothingOutsideTheMirrorChanges(string kind)
    {
        await using var target = ReliabilityTarget.Create(kind);
        target.GenerateRepository(seed: 47, megabytes: 1, largeMegabytes: 0);
        var first = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
        // "../planted.txt" from the mirror folder: the target folder that holds it.
        await target.WriteRemoteAsync("../planted.txt", Encoding.UTF8.GetBytes(Planted));
        var before = await target.RemoteFilesAsync();
        var manifestPath = before.Keys.Single(k => k.StartsWith(".syncconfig/manifests/", StringComparison.Ordinal));
        var committed = Json(await target.ReadRemoteAsync(manifestPath));
        var generation = committed.GetProperty("generation").GetInt64();
        var runs = 0;

        foreach (var name in Names)
        {
            var crafted = $".syncconfig/manifests/{generation + 1:D20}-crafted.json";
            await target.WriteRemoteAsync(crafted, JsonSerializer.SerializeToUtf8Bytes(new
            {
                format = 2, repositoryId = committed.GetProperty("repositoryId").GetString(), generation = generation + 1, commitId = "crafted",
                committedAt = DateTimeOffset.UnixEpoch,
                files = new[] { new { path = name, length = 1, modifiedTicks = 0, sha256 = new string('0', 64) } },
            }));
            // As a host that restored the repository would: no local copy of the manifest to fall back on.
            File.Delete(Path.Combine(target.Repository, ".syncconfig", "state", target.Sync + ".json"));
            await RefusedAsync(target, ExitCodes.SyncFailed, name, "committed manifest", "sync", target.Sync, "--now");
            await RefusedAsync(target, ExitCodes.VerifyFailed, name, "committed manifest", "verify", target.Sync);
            await target.DeleteRemoteAsync(crafted);

            // The journal names the committed manifest: trusted, a recovery would roll forward and delete what it lists.
            await target.WriteRemoteAsync(".syncconfig/journal.json", JsonSerializer.SerializeToUtf8Bytes(new
            {
                format = 2, generation, commitId = committed.GetProperty("commitId").GetString(), lockToken = "gone",
                staged = new[] { new { path = name, length = 1, modifiedTicks = 0 } }, placed = new[] { name }, deleted = new[] { name },
            }));
            await RefusedAsync(target, ExitCodes.SyncFailed, name, "journal", "recover", target.Sync);
            await RefusedAsync(target, ExitCodes.SyncFailed, name, "journal", "sync", target.Sync, "--now");
            await target.DeleteRemoteAsync(".syncconfig/journal.json");
            runs += 4;

            CollectionAssert.AreEquivalent(before.Where(f => !f.Key.StartsWith(".syncconfig/lock", StringComparison.Ordinal)).ToList(),
                (await target.RemoteFilesAsync()).Where(f => !f.Key.StartsWith(".syncconfig/lock", StringComparison.Ordinal)).ToList(),
                $"{name}: the refused runs changed the remote folder");
            CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(Planted), await target.ReadRemoteAsync("../planted.txt"), $"{name}: the planted file changed");
            Assert.IsFalse(await target.RemoteExistsAsync("C:/planted.txt"), $"{name}: a drive-letter name became a file in the mirror");
        }

        var after = await target.Cli.RunAsync(["sync", target.Sync, "--now"]);
        Assert.AreEqual(ExitCodes.Ok, after.ExitCode, "with the crafted files gone the sync runs again: " + after);
        TestContext.WriteLine($"hostile names: {kind}: {Names.Length} names x (manifest: sync, verify; journal: recover, sync) = {runs} runs refused; planted file and mirror unchanged");
    }

    private static async Task RefusedAsync(ReliabilityTarget target, int exitCode, string name, string what, params string[] arguments)
    {
        var run = await target.Cli.RunAsync(arguments);
        var text = run.ToString();
        BadRemoteStateTests.AssertNoCrash(run);
        Assert.AreEqual(exitCode, run.ExitCode, $"{name}: {text}");
        StringAssert.Contains(text, what, $"{name}: {text}");
        StringAssert.Contains(text, "is corrupted", $"{name}: {text}");
        StringAssert.Contains(text, "reinitialize", $"{name}: {text}");
    }

    private static JsonElement Json(byte[]? content) => JsonDocument.Parse(content!).RootElement.Clone();
}
