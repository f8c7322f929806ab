using SyncConfig.Transports.S3.Tests.Support;
using static SyncConfig.Transports.S3.Tests.Support.TestData;

namespace SyncConfig.Transports.S3.Tests;

/// <summary>Single and multipart writes, reads, listings, copies and deletes against the real store.</summary>
[TestClass]
public sealed class ObjectOperationsTests
{
    private static readonly S3TransportOptions SmallParts = new() { PartSize = 5 * MiB, ParallelParts = 3, BufferedParts = 4 };
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

    private async Task<S3Transport> ConnectAsync(S3TransportOptions? options = null)
    {
        var transport = new S3Transport(S3TestServer.Target(_root), options ?? SmallParts);
        await transport.ConnectAsync(CancellationToken.None);
        return transport;
    }

    [TestMethod]
    public async Task Swift_refuses_conditional_puts_so_exclusive_create_is_not_claimed()
    {
        await using var transport = await ConnectAsync();

        Assert.IsFalse(transport.Capabilities.ExclusiveCreate, "Swift's s3api answers 501 to If-None-Match: *");
        Assert.IsTrue(transport.Capabilities is { AtomicWrites: true, ServerSideCopy: true, Rename: false, Folders: false });
        Assert.IsEmpty(await _store.UploadsInProgressAsync());
        await foreach (var _ in transport.ListFilesAsync("", CancellationToken.None))
            Assert.Fail("The probe's scratch object must be gone.");
    }

    [TestMethod]
    public async Task A_small_file_is_one_put_and_reads_back_whole()
    {
        await using var transport = await ConnectAsync();
        var content = Bytes(1000);

        await transport.WriteAsync("f/a.bin", new MemoryStream(content), WriteMode.Replace, CancellationToken.None);

        Assert.AreEqual(new RemoteFileInfo("f/a.bin", 1000), await transport.GetFileAsync("f/a.bin", CancellationToken.None));
        CollectionAssert.AreEqual(content, await ReadAllAsync(transport, "f/a.bin"));
        Assert.AreEqual(0, transport.PartsSent);
        Assert.IsNull(await transport.GetFileAsync("f/missing.bin", CancellationToken.None));
    }

    [TestMethod]
    public async Task An_empty_file_is_written_and_listed()
    {
        await using var transport = await ConnectAsync();

        await transport.WriteAsync("empty", new MemoryStream(), WriteMode.Replace, CancellationToken.None);

        Assert.AreEqual(new RemoteFileInfo("empty", 0), await transport.GetFileAsync("empty", CancellationToken.None));
    }

    [TestMethod]
    public async Task A_large_file_goes_up_in_parts_and_reads_back_whole()
    {
        await using var transport = await ConnectAsync();
        var content = Bytes(12 * MiB + 123);

        await transport.WriteAsync("big.bin", new MemoryStream(content), WriteMode.Replace, CancellationToken.None);

        Assert.AreEqual(3, transport.PartsSent);
        CollectionAssert.AreEqual(content, await ReadAllAsync(transport, "big.bin"));
        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }

    [TestMethod]
    public async Task The_listing_is_recursive_with_sizes_and_continues_over_pages()
    {
        await using var transport = await ConnectAsync(SmallParts with { ListPageSize = 7 });
        await Parallel.ForAsync(0, 30, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await transport.WriteAsync($"d/{i % 3}/f{i:0000}", new MemoryStream(Bytes(i % 7)), WriteMode.Replace, ct));
        await transport.WriteAsync("other/x", new MemoryStream(Bytes(5)), WriteMode.Replace, CancellationToken.None);

        var listed = new List<RemoteFileInfo>();
        await foreach (var file in transport.ListFilesAsync("d", CancellationToken.None))
            listed.Add(file);

        Assert.HasCount(30, listed);
        Assert.AreEqual(new RemoteFileInfo("d/1/f0025", 4), listed.Single(f => f.Path == "d/1/f0025"));
        Assert.IsTrue(await transport.FolderExistsAsync("d/2", CancellationToken.None));
        Assert.IsFalse(await transport.FolderExistsAsync("d/3", CancellationToken.None));

        await transport.DeleteFolderAsync("d", CancellationToken.None);

        Assert.IsFalse(await transport.FolderExistsAsync("d", CancellationToken.None));
        Assert.IsNotNull(await transport.GetFileAsync("other/x", CancellationToken.None));
    }

    [TestMethod]
    public async Task Copy_replaces_the_destination_on_the_server()
    {
        await using var transport = await ConnectAsync();
        await transport.WriteAsync("staging/a", new MemoryStream(Bytes(300, seed: 2)), WriteMode.Replace, CancellationToken.None);
        await transport.WriteAsync("a", new MemoryStream(Bytes(100, seed: 3)), WriteMode.Replace, CancellationToken.None);

        await transport.CopyAsync("staging/a", "a", CancellationToken.None);

        CollectionAssert.AreEqual(Bytes(300, seed: 2), await ReadAllAsync(transport, "a"));
    }

    [TestMethod]
    public async Task Above_the_single_copy_limit_the_copy_is_multipart()
    {
        var options = SmallParts with { SingleCopyLimit = 6 * MiB, CopyPartSize = 5 * MiB };
        await using var transport = await ConnectAsync(options);
        var content = Bytes(11 * MiB + 7, seed: 4);
        await transport.WriteAsync("staging/big", new MemoryStream(content), WriteMode.Replace, CancellationToken.None);

        await transport.CopyAsync("staging/big", "big", CancellationToken.None);

        CollectionAssert.AreEqual(content, await ReadAllAsync(transport, "big"));
        Assert.IsEmpty(await _store.UploadsInProgressAsync());
    }

    [TestMethod]
    public async Task Deletes_are_idempotent()
    {
        await using var transport = await ConnectAsync();
        await transport.WriteAsync("x", new MemoryStream(Bytes(10)), WriteMode.Replace, CancellationToken.None);

        await transport.DeleteFileAsync("x", CancellationToken.None);
        await transport.DeleteFileAsync("x", CancellationToken.None);
        await transport.DeleteFolderAsync("nothing-here", CancellationToken.None);

        Assert.IsNull(await transport.GetFileAsync("x", CancellationToken.None));
    }

    [TestMethod]
    public async Task Reading_a_missing_object_is_not_found()
    {
        await using var transport = await ConnectAsync();

        var e = await Assert.ThrowsExactlyAsync<RemoteException>(() => transport.OpenReadAsync("nope", CancellationToken.None));

        Assert.AreEqual(RemoteErrorKind.NotFound, e.Kind);
    }
}
