using SyncConfig.Testing.Network;
using SyncConfig.Transports.S3.Tests.Support;
using static SyncConfig.Transports.S3.Tests.Support.TestData;

namespace SyncConfig.Transports.S3.Tests;

/// <summary>
/// An interrupted multipart upload, by a killed process or a dropped connection, continues in the repeated write from
/// the parts the store holds whose ETags match the local bytes' MD5; uploads nobody will continue are aborted.
/// </summary>
[TestClass]
public sealed class MultipartResumeTests
{
    private const int Part = 5 * MiB;
    private static readonly S3TransportOptions Options = new() { PartSize = Part, ParallelParts = 2, BufferedParts = 4 };
    private string _root = "";
    private S3Store _store = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Start()
    {
        _root = S3TestServer.NewRootPath(TestContext.TestName!);
        _store = new S3Store(_root);
    }

    [TestCleanup]
    public async Task Clean()
    {
        await _store.DeleteEverythingAsync();
        _store.Dispose();
    }

    private async Task<S3Transport> ConnectAsync(string? authority = null)
    {
        var transport = new S3Transport(S3TestServer.Target(_root, authority), Options);
        await transport.ConnectAsync(CancellationToken.None);
        return transport;
    }

    [TestMethod]
    public async Task A_repeated_write_after_a_kill_sends_only_the_missing_parts()
    {
        var content = Bytes(3 * Part + 100);
        await _store.LeaveInterruptedUploadAsync("staging/f", content, Part, parts: 2);
        await using var transport = await ConnectAsync();

        await transport.WriteAsync("staging/f", new MemoryStream(content), WriteMode.Replace, CancellationToken.None);

        Assert.AreEqual(2, transport.PartsReused);
        Assert.AreEqual(2, transport.PartsSent);
        CollectionAssert.AreEqual(content, await ReadAllAsync(transport, "staging/f"));
        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }

    [TestMethod]
    public async Task A_part_that_differs_from_the_local_bytes_is_sent_again()
    {
        var content = Bytes(3 * Part);
        var stale = (byte[])content.Clone();
        stale[Part + 10] ^= 0xFF;
        await _store.LeaveInterruptedUploadAsync("f", stale, Part, parts: 2);
        await using var transport = await ConnectAsync();

        await transport.WriteAsync("f", new MemoryStream(content), WriteMode.Replace, CancellationToken.None);

        Assert.AreEqual(1, transport.PartsReused);
        CollectionAssert.AreEqual(content, await ReadAllAsync(transport, "f"));
    }

    [TestMethod]
    public async Task An_earlier_upload_of_other_bytes_is_overwritten_part_by_part_and_none_is_left()
    {
        var content = Bytes(2 * Part + 1);
        await _store.LeaveInterruptedUploadAsync("f", Bytes(2 * Part + 1, seed: 9), Part, parts: 2);
        await _store.LeaveInterruptedUploadAsync("f", Bytes(2 * Part + 1, seed: 8), Part, parts: 1);
        await using var transport = await ConnectAsync();

        await transport.WriteAsync("f", new MemoryStream(content), WriteMode.Replace, CancellationToken.None);

        Assert.AreEqual(0, transport.PartsReused);
        CollectionAssert.AreEqual(content, await ReadAllAsync(transport, "f"));
        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }

    [TestMethod]
    public async Task Deleting_a_file_or_its_folder_aborts_the_uploads_under_it()
    {
        var content = Bytes(2 * Part);
        await _store.LeaveInterruptedUploadAsync("sync/.syncconfig/staging/a", content, Part, parts: 1);
        await _store.LeaveInterruptedUploadAsync("sync/.syncconfig/staging/b/c", content, Part, parts: 1);
        await _store.LeaveInterruptedUploadAsync("sync/placed", content, Part, parts: 1);
        await using var transport = await ConnectAsync();

        await transport.DeleteFileAsync("sync/placed", CancellationToken.None);
        CollectionAssert.AreEquivalent(new[] { "sync/.syncconfig/staging/a", "sync/.syncconfig/staging/b/c" }, await _store.UploadsInProgressAsync());

        await transport.DeleteFolderAsync("sync/.syncconfig/staging", CancellationToken.None);
        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }

    [TestMethod]
    public async Task A_connection_cut_in_the_middle_of_a_large_upload_costs_at_most_the_parts_in_flight_again()
    {
        await using var proxy = new LoopbackProxy(new Uri(S3TestServer.Endpoint).Port);
        var content = Bytes(6 * Part + 17);
        await using var transport = await ConnectAsync(proxy.Authority);
        var before = proxy.BytesUp;
        proxy.CutAfter(3 * Part + Part / 2);

        // The engine repeats a write that failed on a dropped connection; the SDK's own retry may already have done so.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await transport.WriteAsync("big", new MemoryStream(content), WriteMode.Replace, CancellationToken.None);
                break;
            }
            catch (RemoteException e) when (e.IsTransient && attempt < 3)
            {
            }
        }

        Assert.AreEqual(1, proxy.Cuts);
        CollectionAssert.AreEqual(content, await ReadAllAsync(transport, "big"));
        var overhead = proxy.BytesUp - before - content.Length;
        Assert.IsLessThanOrEqualTo(Options.ParallelParts * Part + 256 * 1024, overhead, $"{overhead} bytes more than the file went up.");
        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }

    [TestMethod]
    public async Task An_abort_that_fails_while_the_network_is_down_is_retried_later()
    {
        await using var proxy = new LoopbackProxy(new Uri(S3TestServer.Endpoint).Port);
        await _store.LeaveInterruptedUploadAsync("f", Bytes(2 * Part), Part, parts: 1);
        var transport = await ConnectAsync(proxy.Authority);
        // The failure of an upload that cannot go on (the local file shrank) gives the upload up; the network is down.
        var shrinking = new ShrinkingStream(Bytes(3 * Part, seed: 5), endsAt: 2 * Part, onEnd: () => proxy.Down = true);

        await Assert.ThrowsAsync<Exception>(() => transport.WriteAsync("g", shrinking, WriteMode.Replace, CancellationToken.None));
        var deleting = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.DeleteFileAsync("f", CancellationToken.None));
        Assert.IsTrue(deleting.IsTransient, deleting.Message);
        Assert.HasCount(2, await _store.UploadsInProgressAsync());

        proxy.Down = false;
        await transport.DeleteFileAsync("f", CancellationToken.None);
        await transport.DisposeAsync();

        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }

    /// <summary>A local file that a writer truncated while it was read: it ends before its announced length.</summary>
    private sealed class ShrinkingStream(byte[] content, int endsAt, Action onEnd) : MemoryStream(content, 0, content.Length, writable: false)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (Position >= endsAt)
            {
                onEnd();
                return 0;
            }
            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, endsAt - Position)], ct);
        }
    }
}
