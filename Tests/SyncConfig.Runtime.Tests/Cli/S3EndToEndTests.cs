using System.Diagnostics;
using System.Text.Json;
using SyncConfig.Catalog;
using SyncConfig.Runtime.Cli;
using SyncConfig.Runtime.Tests.Infrastructure;
using SyncConfig.Testing.Servers;
using SyncConfig.Transports.S3;

namespace SyncConfig.Runtime.Tests.Cli;

/// <summary>
/// The built executable syncing the demo repository to the S3 test server (Swift's s3api on 127.0.0.1) through the
/// S3Offsite definition, whose every value is a $(NAME) reference this test sets.
/// </summary>
[TestClass]
public sealed class S3EndToEndTests
{
    private const string Sync = "S3Offsite";

    [TestMethod]
    public async Task Test_sync_no_change_verify_id_mismatch_reinitialize()
    {
        using var cli = S3Process(out var repository, out var store);
        await using var _ = store;

        var test = cli.Run("test", Sync);
        Assert.AreEqual(ExitCodes.Ok, test.ExitCode, test.ToString());

        var first = cli.Run("sync", Sync, "--now");
        Assert.AreEqual(ExitCodes.Ok, first.ExitCode, first.ToString());
        StringAssert.Contains(first.Output, $"{Sync}: Succeeded", first.ToString());

        var second = cli.Run("sync", Sync, "--now");
        Assert.AreEqual(ExitCodes.Ok, second.ExitCode, second.ToString());
        Assert.AreEqual(0, Report(cli).GetProperty("bytesUploaded").GetInt64(), "a second sync with no change uploads nothing");

        Assert.AreEqual(ExitCodes.Ok, cli.Run("verify", Sync).ExitCode);
        var image = await FirstImageAsync(store.Transport);
        await store.Transport.DeleteFileAsync(image, CancellationToken.None);
        var damaged = cli.Run("verify", Sync);
        Assert.AreEqual(ExitCodes.VerifyFailed, damaged.ExitCode, damaged.ToString());

        File.Delete(Path.Combine(repository, ".syncconfig", "id"));
        var mismatch = cli.Run("sync", Sync, "--now");
        Assert.AreEqual(ExitCodes.RemoteIdMismatch, mismatch.ExitCode, mismatch.ToString());
        var reinitialize = cli.Run("reinitialize", Sync);
        Assert.AreEqual(ExitCodes.Ok, reinitialize.ExitCode, reinitialize.ToString());
        var after = cli.Run("verify", Sync);
        Assert.AreEqual(ExitCodes.Ok, after.ExitCode, after.ToString());

        foreach (var run in new[] { test, first, second, damaged, mismatch, reinitialize, after })
            Assert.DoesNotContain(store.SecretKey, run.Output + run.Error);
        Assert.IsEmpty(await store.Transport.ListInterruptedUploadsAsync("", CancellationToken.None));
    }

    [TestMethod]
    public async Task A_sync_killed_in_the_middle_of_a_multipart_upload_is_recovered_by_the_next_which_leaves_no_parts()
    {
        using var cli = S3Process(out var repository, out var store);
        await using var _ = store;
        var big = Path.Combine(repository, "BIG-PC", "0000000000000BIG", "full.mrimg");
        Directory.CreateDirectory(Path.GetDirectoryName(big)!);
        var content = new byte[40 << 20];
        new Random(3).NextBytes(content);
        await File.WriteAllBytesAsync(big, content);

        using (var killed = cli.Start("sync", Sync, "--now"))
        {
            // Drained, so a full pipe never holds the sync up.
            var output = killed.StandardOutput.ReadToEndAsync();
            var errors = killed.StandardError.ReadToEndAsync();
            var deadline = Stopwatch.StartNew();
            while ((await store.Transport.ListInterruptedUploadsAsync("", CancellationToken.None)).Count == 0)
            {
                Assert.IsFalse(killed.HasExited, "the sync ended before its multipart upload was seen");
                Assert.IsLessThan(TimeSpan.FromMinutes(2), deadline.Elapsed, "no multipart upload began");
                await Task.Delay(50);
            }
            await Task.Delay(500);
            killed.Kill();
            await killed.WaitForExitAsync();
            await Task.WhenAll(output, errors);
        }

        var next = cli.Run("sync", Sync, "--now");

        Assert.AreEqual(ExitCodes.Ok, next.ExitCode, next.ToString());
        Assert.IsEmpty(await store.Transport.ListInterruptedUploadsAsync("", CancellationToken.None), "parts left behind");
        Assert.AreEqual(ExitCodes.Ok, cli.Run("verify", Sync).ExitCode);
    }

    private static SyncConfigProcess S3Process(out string repository, out S3Folder store)
    {
        var cli = SyncLifecycleEndToEndTests.DemoProcess(out repository, out _);
        store = new S3Folder($"e2e/{Guid.NewGuid():N}");
        cli.Environment["SYNCTEST_S3_REPOSITORY"] = repository;
        cli.Environment["SYNCCONFIG_S3_ENDPOINT"] = store.Settings.Endpoint;
        cli.Environment["SYNCCONFIG_S3_BUCKET"] = store.Settings.Bucket;
        cli.Environment["SYNCCONFIG_S3_REGION"] = store.Settings.Region;
        cli.Environment["SYNCCONFIG_S3_ROOT"] = store.Settings.RootPath;
        cli.Environment["SYNCCONFIG_S3_ACCESS_KEY"] = store.Settings.AccessKey;
        cli.Environment["SYNCCONFIG_S3_SECRET_KEY"] = store.Settings.SecretKey;
        return cli;
    }

    /// <summary>For <c>run</c>, which checks every definition: with no repository behind it, the S3 sync fails before reaching a server.</summary>
    internal static void GiveHarmlessValues(SyncConfigProcess cli)
    {
        cli.Environment["SYNCTEST_S3_REPOSITORY"] = cli.Combine("no-s3-repository");
        cli.Environment["SYNCCONFIG_S3_ENDPOINT"] = "127.0.0.1:9";
        cli.Environment["SYNCCONFIG_S3_BUCKET"] = "no-such-bucket";
        cli.Environment["SYNCCONFIG_S3_REGION"] = "us-east-1";
        cli.Environment["SYNCCONFIG_S3_ROOT"] = "run";
        cli.Environment["SYNCCONFIG_S3_ACCESS_KEY"] = "run-access-key";
        cli.Environment["SYNCCONFIG_S3_SECRET_KEY"] = "run-secret-s3-key";
    }

    private static async Task<string> FirstImageAsync(S3Transport transport)
    {
        await foreach (var file in transport.ListFilesAsync("Demo", CancellationToken.None))
        {
            if (file.Path.EndsWith(".mrimg", StringComparison.Ordinal))
                return file.Path;
        }
        throw new AssertFailedException("no image on the store");
    }

    private static JsonElement Report(SyncConfigProcess cli) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.StatusFolder, Sync + ".json"))).RootElement.GetProperty("lastAttempt").Clone();

    /// <summary>The sync's root path on the test server, seen through the S3 transport, removed at the end.</summary>
    private sealed class S3Folder : IAsyncDisposable
    {
        public S3Folder(string rootPath)
        {
            Settings = new S3Settings(S3Service.Custom, new Uri(TestServers.Get("SYNCTEST_S3_ENDPOINT")).Authority, useHttps: false,
                TestServers.Get("SYNCTEST_S3_BUCKET"), TestServers.Get("SYNCTEST_S3_REGION"), rootPath,
                TestServers.Get("SYNCTEST_S3_ACCESS_KEY"), TestServers.Get("SYNCTEST_S3_SECRET_KEY"));
            Transport = new S3Transport(S3TransportFactory.TargetOf(Settings));
        }

        public S3Settings Settings { get; }
        public S3Transport Transport { get; }
        public string SecretKey => Settings.SecretKey;

        public async ValueTask DisposeAsync()
        {
            await Transport.DeleteFolderAsync("", CancellationToken.None);
            await Transport.DisposeAsync();
        }
    }
}
