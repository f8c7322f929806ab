using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Testing;
using SyncConfig.Testing.Network;
using SyncConfig.Transports.S3.Tests.Support;
using static SyncConfig.Transports.S3.Tests.Support.TestData;

namespace SyncConfig.Transports.S3.Tests;

/// <summary>The engine syncing through the S3 transport to the real store: large files, dropped connections, failed syncs.</summary>
[TestClass]
public sealed class SyncThroughS3Tests
{
    private const int Part = 5 * MiB;
    // One part in flight: a cut costs at most that part again.
    private static readonly S3TransportOptions Options = new() { PartSize = Part, ParallelParts = 1, BufferedParts = 2 };
    private string _root = "";
    private S3Store _store = null!;
    private TestFolder _local = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Start()
    {
        _root = S3TestServer.NewRootPath(TestContext.TestName!);
        _store = new S3Store(_root);
        _local = new TestFolder("s3-sync");
    }

    [TestCleanup]
    public async Task Clean()
    {
        await _store.DeleteEverythingAsync();
        _store.Dispose();
        _local.Dispose();
    }

    private S3Transport Open(string? authority = null) => new(S3TestServer.Target(_root, authority), Options);

    private static async Task<SyncResult> SucceedsAsync(SyncEngine engine, SyncJob job, IRemoteTransport transport)
    {
        var result = await engine.SyncAsync(job, transport, null, CancellationToken.None);
        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        return result;
    }

    [TestMethod]
    public async Task A_repository_syncs_and_a_second_sync_uploads_nothing()
    {
        var repo = new RepositoryBuilder(_local.Sub("repo"));
        repo.Write("PC-A/DEF1/full.mrimg", 2 * Part + 3, 1);
        repo.Write("PC-A/DEF1/inc-0001.mrimg", 1000, 2);
        var job = new SyncJob("s3", repo.Root, "Offsite");
        var engine = new SyncEngine();

        await using (var transport = Open())
            await SucceedsAsync(engine, job, transport);
        await using (var transport = Open())
        {
            var again = await SucceedsAsync(engine, job, transport);
            Assert.AreEqual(0L, again.BytesUploaded);
        }

        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }

    [TestMethod]
    public async Task A_dropped_connection_mid_upload_is_retried_and_resumed_re_sending_at_most_one_part()
    {
        await using var relay = new LoopbackProxy(new Uri(S3TestServer.Endpoint).Port);
        var repo = new RepositoryBuilder(_local.Sub("repo"));
        var length = 5 * Part + 11;
        repo.Write("PC-A/DEF1/full.mrimg", length, 3);
        var job = new SyncJob("s3", repo.Root, "Offsite");
        var engine = new SyncEngine(options: new SyncEngineOptions { RetryDelay = TimeSpan.FromMilliseconds(200), RetryWindow = TimeSpan.FromSeconds(30) });
        await using var transport = Open(relay.Authority);
        relay.CutAfter(2 * Part + Part / 2);
        var before = relay.BytesUp;

        await SucceedsAsync(engine, job, transport);

        Assert.AreEqual(1, relay.Cuts);
        var overhead = relay.BytesUp - before - length;
        // Requests, the manifest and journal and lock files are small; one part is 5 MiB.
        Assert.IsLessThan(Part + MiB, overhead, $"{overhead} bytes went up beyond the file");
        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }

    /// <summary>
    /// A new version of a committed file goes to staging (the committed one stays in place until the commit), and a
    /// rollback keeps staged bytes whose source has not changed: the next sync continues the same multipart upload.
    /// </summary>
    [TestMethod]
    public async Task A_sync_that_gives_up_mid_upload_leaves_its_staged_parts_to_the_next_which_continues_them_and_leaves_none()
    {
        await using var relay = new LoopbackProxy(new Uri(S3TestServer.Endpoint).Port);
        var repo = new RepositoryBuilder(_local.Sub("repo"));
        repo.Write("PC-A/DEF1/full.mrimg", 1000, 4);
        var job = new SyncJob("s3", repo.Root, "Offsite");
        await using (var transport = Open(relay.Authority))
            await SucceedsAsync(new SyncEngine(), job, transport);
        repo.Write("PC-A/DEF1/full.mrimg", 4 * Part + 5, 5); // a synthetic full replaces the image

        var giveUpAtOnce = new SyncEngine(options: new SyncEngineOptions { RetryDelay = TimeSpan.FromMilliseconds(50), RetryWindow = TimeSpan.FromMilliseconds(200) });
        await using (var transport = Open(relay.Authority))
        {
            relay.CutAfter(2 * Part + Part / 2);
            var down = Task.Run(async () =>
            {
                while (relay.Cuts == 0)
                    await Task.Delay(10);
                relay.Down = true;
            });
            var failed = await giveUpAtOnce.SyncAsync(job, transport, null, CancellationToken.None);
            await down;
            Assert.AreNotEqual(SyncOutcome.Succeeded, failed.Outcome);
        }
        Assert.IsNotEmpty(await _store.UploadsInProgressAsync(), "the interrupted upload is kept for the next sync");

        relay.Down = false;
        await using (var transport = Open(relay.Authority))
        {
            // The failed sync could not release its lock with the network down; in this one process it would look alive.
            await SucceedsAsync(new SyncEngine(options: new SyncEngineOptions { RemoteLockStaleAfter = TimeSpan.Zero }), job, transport);
            Assert.IsGreaterThanOrEqualTo(2L, transport.PartsReused, "the parts sent before the failure are not sent again");
        }

        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }
}
