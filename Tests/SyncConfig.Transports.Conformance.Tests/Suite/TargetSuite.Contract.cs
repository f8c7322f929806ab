using System.Security.Cryptography;
using SyncConfig.Testing;

namespace SyncConfig.Transports.Conformance.Tests.Suite;

/// <summary>
/// The transport contract (<see cref="IRemoteTransport"/>), promise by promise. A test that needs a capability runs
/// only where the target claims it; elsewhere it is reported inconclusive with the reason.
/// </summary>
public abstract partial class TargetSuite
{
    private static readonly CancellationToken None = CancellationToken.None;

    [TestMethod]
    public async Task DeclaredCapabilitiesAreASetTheProtocolCanWorkWith()
    {
        await using var target = await Target.CreateAsync();
        var claimed = target.Open().Capabilities;
        Assert.IsFalse(claimed.ResumableWrites && claimed.AtomicWrites, "appending to a partial file where no partial file ever shows");
        Assert.IsTrue(claimed.Rename || claimed.AtomicWrites, "a commit needs rename or atomic writes");
        Assert.IsTrue(claimed.Rename || claimed.ServerSideCopy, "staged files are moved into place by rename or server-side copy");
        Assert.IsTrue(claimed.Rename || !claimed.AtomicRenameReplace, "atomic rename-replace without rename");
    }

    [TestMethod]
    public async Task AWrittenFileReadsBackAndAReplaceOverwritesItWhole()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        var first = RepositoryBuilder.Content(10_000, 1);
        await WriteAsync(transport, "a/b/file.bin", first);
        Assert.AreEqual(new RemoteFileInfo("a/b/file.bin", first.Length), await transport.GetFileAsync("a/b/file.bin", None));
        CollectionAssert.AreEqual(first, await RemoteState.ReadAsync(transport, "a/b/file.bin"));

        var shorter = RepositoryBuilder.Content(100, 2);
        await WriteAsync(transport, "a/b/file.bin", shorter);
        Assert.AreEqual(new RemoteFileInfo("a/b/file.bin", shorter.Length), await transport.GetFileAsync("a/b/file.bin", None));
        CollectionAssert.AreEqual(shorter, await RemoteState.ReadAsync(transport, "a/b/file.bin"));
    }

    [TestMethod]
    public async Task ExclusiveCreateMakesAnAbsentFileAndRefusesAnExistingOne()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        Require(transport.Capabilities.ExclusiveCreate, "exclusive create");
        var first = RepositoryBuilder.Content(40, 1);
        await WriteAsync(transport, "claim/id", first, WriteMode.CreateNew);

        var refused = await Assert.ThrowsAsync<RemoteException>(() => WriteAsync(transport, "claim/id", RepositoryBuilder.Content(40, 2), WriteMode.CreateNew));
        Assert.AreEqual(RemoteErrorKind.AlreadyExists, refused.Kind, refused.Message);
        CollectionAssert.AreEqual(first, await RemoteState.ReadAsync(transport, "claim/id"), "the first file is untouched");
    }

    [TestMethod]
    public async Task RenameMovesAFileOntoAnAbsentNameInAFolderNotMadeYet()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        Require(transport.Capabilities.Rename, "rename");
        var content = RepositoryBuilder.Content(2_000, 1);
        await WriteAsync(transport, "staging/x.bin", content);

        await transport.RenameAsync("staging/x.bin", "mirror/deep/x.bin", replace: false, None);

        Assert.IsNull(await transport.GetFileAsync("staging/x.bin", None));
        CollectionAssert.AreEqual(content, await RemoteState.ReadAsync(transport, "mirror/deep/x.bin"));
    }

    [TestMethod]
    public async Task RenameWithoutReplaceRefusesAnExistingDestination()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        Require(transport.Capabilities.Rename, "rename");
        Require(transport.Capabilities.ExclusiveCreate, "exclusive create, without which what a rename onto an existing name does is the server's choice");
        var source = RepositoryBuilder.Content(1_000, 1);
        var destination = RepositoryBuilder.Content(1_500, 2);
        await WriteAsync(transport, "tmp/new", source);
        await WriteAsync(transport, "id", destination);

        var refused = await Assert.ThrowsAsync<RemoteException>(() => transport.RenameAsync("tmp/new", "id", replace: false, None));

        Assert.AreEqual(RemoteErrorKind.AlreadyExists, refused.Kind, refused.Message);
        CollectionAssert.AreEqual(source, await RemoteState.ReadAsync(transport, "tmp/new"));
        CollectionAssert.AreEqual(destination, await RemoteState.ReadAsync(transport, "id"));
    }

    [TestMethod]
    public async Task RenameWithReplaceReplacesAnExistingDestinationAndMovesOntoAnAbsentOne()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        Require(transport.Capabilities.AtomicRenameReplace, "atomic rename onto an existing file");
        var staged = RepositoryBuilder.Content(3_000, 1);
        await WriteAsync(transport, "staging/f.bin", staged);
        await WriteAsync(transport, "mirror/f.bin", RepositoryBuilder.Content(5_000, 2));

        await transport.RenameAsync("staging/f.bin", "mirror/f.bin", replace: true, None);

        Assert.IsNull(await transport.GetFileAsync("staging/f.bin", None));
        CollectionAssert.AreEqual(staged, await RemoteState.ReadAsync(transport, "mirror/f.bin"));

        await WriteAsync(transport, "staging/g.bin", staged);
        await transport.RenameAsync("staging/g.bin", "mirror/new/g.bin", replace: true, None);
        Assert.IsNull(await transport.GetFileAsync("staging/g.bin", None));
        CollectionAssert.AreEqual(staged, await RemoteState.ReadAsync(transport, "mirror/new/g.bin"));
    }

    [TestMethod]
    public async Task ServerSideCopyMakesAnIndependentCopyAndReplacesTheDestination()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        Require(transport.Capabilities.ServerSideCopy, "server-side copy");
        var content = RepositoryBuilder.Content(4_000, 1);
        await WriteAsync(transport, "staging/f.bin", content);
        await WriteAsync(transport, "mirror/old.bin", RepositoryBuilder.Content(9_000, 2));

        await transport.CopyAsync("staging/f.bin", "mirror/new/f.bin", None);
        await transport.CopyAsync("staging/f.bin", "mirror/old.bin", None);

        CollectionAssert.AreEqual(content, await RemoteState.ReadAsync(transport, "mirror/new/f.bin"));
        CollectionAssert.AreEqual(content, await RemoteState.ReadAsync(transport, "mirror/old.bin"));
        CollectionAssert.AreEqual(content, await RemoteState.ReadAsync(transport, "staging/f.bin"), "the source stays");
    }

    [TestMethod]
    public async Task AMissingFileIsNotFoundAndNotWorthARetry()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        await WriteAsync(transport, "present/file.bin", RepositoryBuilder.Content(10, 1));

        foreach (var path in new[] { "present/absent.bin", "no/such/folder/absent.bin" })
        {
            Assert.IsNull(await transport.GetFileAsync(path, None), path);
            var missing = await Assert.ThrowsAsync<RemoteException>(() => transport.OpenReadAsync(path, None));
            Assert.AreEqual(RemoteErrorKind.NotFound, missing.Kind, $"{path}: {missing.Message}");
            Assert.IsFalse(missing.IsTransient, path);
        }
    }

    [TestMethod]
    public async Task ACutOffTargetIsUnreachableNeverEmpty()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        await WriteAsync(transport, "kept/file.bin", RepositoryBuilder.Content(10, 1));

        await target.CutOffAsync();

        foreach (var (operation, run) in new (string, Func<Task>)[]
        {
            ("stat of a file that was there", () => transport.GetFileAsync("kept/file.bin", None)),
            ("stat of a file that never was", () => transport.GetFileAsync("never.bin", None)),
            ("listing a folder that was there", () => RemoteState.ListAsync(transport, "kept")),
            ("listing a folder that never was", () => RemoteState.ListAsync(transport, "never")),
            ("folder check", () => transport.FolderExistsAsync("kept", None)),
            ("read", () => transport.OpenReadAsync("kept/file.bin", None)),
            ("write", () => WriteAsync(transport, "kept/new.bin", RepositoryBuilder.Content(10, 2))),
            ("delete", () => transport.DeleteFileAsync("kept/file.bin", None)),
        })
        {
            var failure = await Assert.ThrowsAsync<RemoteException>(run, $"{operation}: a vanished target must not answer as an empty one");
            Assert.IsTrue(failure.IsTransient, $"{operation}: {failure.Kind} ({failure.Message}) gives up on a target that may come back");
        }
    }

    [TestMethod]
    public async Task ListingAMissingFolderIsEmpty()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        Assert.IsEmpty(await RemoteState.ListAsync(transport, ""), "a fresh target");

        await WriteAsync(transport, "there/file.bin", RepositoryBuilder.Content(10, 1));
        Assert.IsEmpty(await RemoteState.ListAsync(transport, "no/such"));
        Assert.IsFalse(await transport.FolderExistsAsync("no/such", None));
        Assert.IsTrue(await transport.FolderExistsAsync("there", None));
    }

    [TestMethod]
    public async Task ListingFindsNestedFilesByTheirPathFromTheTargetPath()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        await WriteAsync(transport, "a/x.bin", RepositoryBuilder.Content(1, 1));
        await WriteAsync(transport, "a/b/c/y.bin", RepositoryBuilder.Content(2, 2));
        await WriteAsync(transport, "ab/z.bin", RepositoryBuilder.Content(3, 3));
        await WriteAsync(transport, "top.bin", RepositoryBuilder.Content(4, 4));

        CollectionAssert.AreEquivalent(
            new[] { new RemoteFileInfo("a/b/c/y.bin", 2), new RemoteFileInfo("a/x.bin", 1) },
            await ListRawAsync(transport, "a"),
            "only what lies under the folder (not its neighbour 'ab'), named from the target path");
        CollectionAssert.AreEquivalent(
            new[] { new RemoteFileInfo("a/b/c/y.bin", 2), new RemoteFileInfo("a/x.bin", 1), new RemoteFileInfo("ab/z.bin", 3), new RemoteFileInfo("top.bin", 4) },
            await ListRawAsync(transport, ""));
        Assert.IsTrue(await transport.FolderExistsAsync("a/b", None));
    }

    [TestMethod]
    public async Task AppendContinuesAnInterruptedWriteAtItsLength()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        Require(transport.Capabilities.ResumableWrites, "resumable writes (Append at the remote length)");
        var content = RepositoryBuilder.Content(3 * 1024 * 1024 + 17, 5);

        await WriteAsync(transport, "small.bin", content[..1_000]);
        await transport.WriteAsync("small.bin", new MemoryStream(content, 1_000, 9_000), WriteMode.Append, None);
        CollectionAssert.AreEqual(content[..10_000], await RemoteState.ReadAsync(transport, "small.bin"));

        const int breakAt = 1_500_000;
        await Assert.ThrowsAsync<Exception>(() => transport.WriteAsync("big.bin", new BreakingStream(content, breakAt), WriteMode.Replace, None));
        var offset = (int)((await transport.GetFileAsync("big.bin", None))?.Length ?? 0);
        Assert.IsLessThanOrEqualTo(breakAt, offset, "more arrived than was sent");
        CollectionAssert.AreEqual(content[..offset], await RemoteState.ReadAsync(transport, "big.bin"), "what arrived is the start of the file");

        await transport.WriteAsync("big.bin", new MemoryStream(content, offset, content.Length - offset), WriteMode.Append, None);
        CollectionAssert.AreEqual(content, await RemoteState.ReadAsync(transport, "big.bin"));
    }

    [TestMethod]
    public async Task AnInterruptedWriteShowsNothingWhereWritesAreAtomic()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        Require(transport.Capabilities.AtomicWrites, "atomic writes");
        var old = RepositoryBuilder.Content(5_000, 1);
        var replacement = RepositoryBuilder.Content(3 * 1024 * 1024, 2);
        await WriteAsync(transport, "object.bin", old);

        await Assert.ThrowsAsync<Exception>(() => transport.WriteAsync("object.bin", new BreakingStream(replacement, 1_500_000), WriteMode.Replace, None));
        await Assert.ThrowsAsync<Exception>(() => transport.WriteAsync("fresh.bin", new BreakingStream(replacement, 1_500_000), WriteMode.Replace, None));

        CollectionAssert.AreEqual(old, await RemoteState.ReadAsync(transport, "object.bin"), "the old object stays whole");
        Assert.IsNull(await transport.GetFileAsync("fresh.bin", None));
        CollectionAssert.AreEqual(new[] { new RemoteFileInfo("object.bin", old.Length) }, await ListRawAsync(transport, ""));

        await WriteAsync(transport, "object.bin", replacement);
        CollectionAssert.AreEqual(replacement, await RemoteState.ReadAsync(transport, "object.bin"), "the repeated write completes");
    }

    [TestMethod]
    public async Task DeletingIsIdempotentAndStaysInsideItsFolder()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        foreach (var path in new[] { "d/x.bin", "d/e/y.bin", "d2/z.bin", "f.bin" })
            await WriteAsync(transport, path, RepositoryBuilder.Content(10, path.Length));

        await transport.DeleteFileAsync("f.bin", None);
        Assert.IsNull(await transport.GetFileAsync("f.bin", None));
        await transport.DeleteFileAsync("f.bin", None);
        await transport.DeleteFileAsync("no/such/f.bin", None);

        await transport.DeleteFolderAsync("d", None);
        Assert.IsEmpty(await RemoteState.ListAsync(transport, "d"));
        Assert.IsFalse(await transport.FolderExistsAsync("d", None));
        await transport.DeleteFolderAsync("d", None);
        await transport.DeleteFolderAsync("no/such", None);

        CollectionAssert.AreEqual(new[] { new RemoteFileInfo("d2/z.bin", 10) }, await ListRawAsync(transport, ""), "the neighbour 'd2' stays");
    }

    [TestMethod]
    public async Task RemoveEmptyFolderRemovesOnlyAFolderThatHoldsNothing()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        Require(transport.Capabilities.Folders, "folders of its own");
        await WriteAsync(transport, "e/f/x.bin", RepositoryBuilder.Content(10, 1));

        await transport.RemoveEmptyFolderAsync("e/f", None);
        Assert.IsNotNull(await transport.GetFileAsync("e/f/x.bin", None), "a folder with a file in it stays");

        await transport.DeleteFileAsync("e/f/x.bin", None);
        await transport.RemoveEmptyFolderAsync("e/f", None);
        Assert.IsFalse(await transport.FolderExistsAsync("e/f", None));
        Assert.IsTrue(await transport.FolderExistsAsync("e", None), "only the folder named is removed, not its parent");
        await transport.RemoveEmptyFolderAsync("no/such", None);
    }

    [TestMethod]
    [DataRow("caf\u00e9.bin", DisplayName = "Unicode, composed (NFC)")]
    [DataRow("cafe\u0301.bin", DisplayName = "Unicode, decomposed (NFD)")]
    [DataRow("\u65e5\u672c/\u0424\u0430\u0439\u043b \u00fc\u00df.bin", DisplayName = "Unicode, several scripts")]
    [DataRow("with space/ a  b .bin", DisplayName = "spaces")]
    [DataRow("#hash/#1#.bin", DisplayName = "hash signs")]
    [DataRow("100%/%41%2F%.bin", DisplayName = "percent signs")]
    [DataRow("[x] (1) +&=;,@'!~{}.bin", DisplayName = "punctuation")]
    [DataRow("d01/d02/d03/d04/d05/d06/d07/d08/d09/d10/d11/d12/d13/d14/d15/d16/d17/d18/d19/d20/deep.bin", DisplayName = "a deep path")]
    public async Task AnOddNameKeepsExactlyItsName(string path)
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        var content = RepositoryBuilder.Content(1_000, path.Length);

        await WriteAsync(transport, path, content);

        var listed = (await ListRawAsync(transport, "")).Single();
        Assert.AreEqual(path, listed.Path, "the listed name is the written one, code point for code point");
        Assert.AreEqual(content.Length, listed.Length);
        Assert.AreEqual(listed, await transport.GetFileAsync(path, None));
        CollectionAssert.AreEqual(content, await RemoteState.ReadAsync(transport, path));
        await transport.DeleteFileAsync(path, None);
        Assert.IsEmpty(await RemoteState.ListAsync(transport, ""));
    }

    [TestMethod]
    public async Task AnEmptyFileIsAFileOfLengthZero()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);

        await WriteAsync(transport, "PC/DEF/empty.mrimg", []);

        Assert.AreEqual(new RemoteFileInfo("PC/DEF/empty.mrimg", 0), await transport.GetFileAsync("PC/DEF/empty.mrimg", None));
        CollectionAssert.AreEqual(new[] { new RemoteFileInfo("PC/DEF/empty.mrimg", 0) }, await ListRawAsync(transport, ""));
        Assert.IsEmpty(await RemoteState.ReadAsync(transport, "PC/DEF/empty.mrimg"));
    }

    [TestMethod]
    public async Task AFileOfSeveralMegabytesArrivesWhole()
    {
        await using var target = await Target.CreateAsync();
        var transport = await ConnectedAsync(target);
        var content = RepositoryBuilder.Content(5 * 1024 * 1024 + 123, 9);

        await WriteAsync(transport, "PC/DEF/full.mrimg", content);

        Assert.AreEqual(new RemoteFileInfo("PC/DEF/full.mrimg", content.Length), await transport.GetFileAsync("PC/DEF/full.mrimg", None));
        Assert.AreEqual(Convert.ToHexString(SHA256.HashData(content)), Convert.ToHexString(SHA256.HashData(await RemoteState.ReadAsync(transport, "PC/DEF/full.mrimg"))));
    }

    [TestMethod]
    public async Task NeitherTheDisplayNameNorAMessageHoldsASecret()
    {
        await using var target = await Target.CreateAsync();
        if (target.Secrets.Count == 0)
            Assert.Inconclusive($"{Target.Name} takes no credentials.");
        var transport = await ConnectedAsync(target);
        var texts = new List<string> { transport.DisplayName };
        texts.Add((await Assert.ThrowsAsync<RemoteException>(() => transport.OpenReadAsync("absent.bin", None))).Message);
        await target.CutOffAsync();
        texts.Add((await Assert.ThrowsAsync<RemoteException>(() => transport.OpenReadAsync("absent.bin", None))).Message);

        foreach (var secret in target.Secrets)
            foreach (var text in texts)
                Assert.DoesNotContain(secret, text);
    }

    private static async Task WriteAsync(IRemoteTransport transport, string path, byte[] content, WriteMode mode = WriteMode.Replace) =>
        await transport.WriteAsync(path, new MemoryStream(content), mode, None);

    /// <summary>The listing as the transport gives it: paths from the target path, in no promised order.</summary>
    private static async Task<List<RemoteFileInfo>> ListRawAsync(IRemoteTransport transport, string folder)
    {
        var files = new List<RemoteFileInfo>();
        await foreach (var file in transport.ListFilesAsync(folder, None))
            files.Add(file);
        return files;
    }

    /// <summary>Content whose source breaks off part-way, as a local read or a connection can.</summary>
    private sealed class BreakingStream(byte[] content, int breakAt) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => content.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= breakAt)
                throw new IOException("The upload's source broke off.");
            var read = Math.Min(buffer.Length, breakAt - _position);
            content.AsSpan(_position, read).CopyTo(buffer);
            _position += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
