using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Tests;

/// <summary>Damage behind SyncConfig's back is repaired, and an interrupted upload continues only from verified bytes.</summary>
[TestClass]
public sealed class RepairAndResumeTests
{
    public TestContext TestContext { get; set; } = null!;

    private const int Chunk = ResumePrefix.ChunkSize;

    /// <summary>Counts the bytes each write takes from the engine, per path: what crossed the wire.</summary>
    private sealed class CountingTransport(IRemoteTransport inner) : DelegatingTransport(inner)
    {
        private readonly Dictionary<string, long> _sent = new(StringComparer.Ordinal);
        public List<string> Appends { get; } = [];

        public long BytesSent { get { lock (_sent) return _sent.Values.Sum(); } }

        public long SentTo(string pathEnd) { lock (_sent) return _sent.Where(s => s.Key.EndsWith(pathEnd, StringComparison.Ordinal)).Sum(s => s.Value); }

        public override async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
        {
            var counted = new CountedStream(content);
            try
            {
                await base.WriteAsync(path, counted, mode, ct);
            }
            finally
            {
                lock (_sent)
                {
                    _sent[path] = _sent.GetValueOrDefault(path) + counted.Count;
                    if (mode == WriteMode.Append)
                        Appends.Add(path);
                }
            }
        }
    }

    /// <summary>Stops everything after a number of bytes of one file, as a killed process does: nothing more reaches the target.</summary>
    private sealed class KilledMidFile(IRemoteTransport inner, string file, long after) : DelegatingTransport(inner)
    {
        private volatile bool _dead;

        protected override void Before(string operation)
        {
            if (_dead)
                throw new InjectedFaultException("the process is gone");
        }

        public override async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
        {
            Before("write");
            if (!path.EndsWith(file, StringComparison.Ordinal))
            {
                await base.WriteAsync(path, content, mode, ct);
                return;
            }
            await base.WriteAsync(path, new CountedStream(content, after, () => _dead = true), mode, ct);
        }
    }

    private sealed class CountedStream(Stream inner, long limit = long.MaxValue, Action? atLimit = null) : Stream
    {
        public long Count { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (Count >= limit)
            {
                atLimit?.Invoke();
                throw new InjectedFaultException($"killed after {Count} bytes");
            }
            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, limit - Count)]);
            Count += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Count >= limit)
            {
                atLimit?.Invoke();
                throw new InjectedFaultException($"killed after {Count} bytes");
            }
            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - Count)], cancellationToken);
            Count += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [TestMethod]
    public async Task FilesDeletedOrTruncatedOnTheTargetAreUploadedAgainByTheNextSync()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 40_000, 1);
        f.Repository.Write("PC01/AAAA/inc-01.mrimg", 4_000, 2);
        f.Repository.Write("PC02/BBBB/full.mrimg", 30_000, 3);
        await f.SyncSucceedsAsync();
        File.Delete(Path.Combine(f.RemoteFolder, "PC01", "AAAA", "inc-01.mrimg"));
        using (var truncated = File.OpenWrite(Path.Combine(f.RemoteFolder, "PC02", "BBBB", "full.mrimg")))
            truncated.SetLength(100);

        var repaired = await f.SyncSucceedsAsync();
        CollectionAssert.AreEqual(new[] { "PC01/AAAA/inc-01.mrimg", "PC02/BBBB/full.mrimg" }, repaired.FilesUploaded.ToList());
        StringAssert.Contains(repaired.Recovery, "Uploading again 2 committed files");
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task VerifyWithRepairReplacesFilesWhoseContentDiffers()
    {
        using var f = new Fixture();
        f.Repository.Write("PC01/AAAA/full.mrimg", 40_000, 1);
        f.Repository.Write("PC01/AAAA/inc-01.mrimg", 4_000, 2);
        await f.SyncSucceedsAsync();
        File.WriteAllBytes(Path.Combine(f.RemoteFolder, "PC01", "AAAA", "full.mrimg"), RepositoryBuilder.Content(40_000, 99));
        Assert.IsEmpty((await f.SyncSucceedsAsync()).FilesUploaded, "the same size hides altered content from a plain sync");

        var report = await f.Engine.VerifyAsync(f.Job, f.Target(), repair: true, progress: null, default);
        CollectionAssert.AreEqual(new[] { "PC01/AAAA/full.mrimg" }, report.HashMismatches.ToList());
        Assert.AreEqual(SyncOutcome.Succeeded, report.Repair!.Outcome, string.Join("; ", report.Repair.Errors));
        CollectionAssert.AreEqual(new[] { "PC01/AAAA/full.mrimg" }, report.Repair.FilesUploaded.ToList());
        await f.AssertRemoteIsRepositoryAsync();
        Assert.IsTrue((await f.Engine.VerifyAsync(f.Job, f.Target(), default)).IsIntact);
    }

    [TestMethod]
    [DataRow(0, 0, DisplayName = "zeros where the first chunk should be: nothing is trusted")]
    [DataRow(2, 2, DisplayName = "a damaged third chunk: the first two are kept")]
    [DataRow(-1, 3, DisplayName = "an intact prefix of three chunks: continued after it")]
    public async Task AResumedUploadContinuesOnlyAfterTheVerifiedPrefix(int damagedChunk, int keptChunks)
    {
        using var f = new Fixture();
        const string path = "PC01/AAAA/full.mrimg";
        var content = RepositoryBuilder.Content(5 * Chunk + 12_345, 7);
        f.Repository.Write(path, content);
        // What a killed sync left: three chunks in staging, one of them possibly damaged on the target.
        var partial = content[..(3 * Chunk)];
        if (damagedChunk >= 0)
            Array.Clear(partial, damagedChunk * Chunk, Chunk);
        var staged = Path.Combine(f.RemoteFolder, ".syncconfig", "staging", "PC01", "AAAA", "full.mrimg");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllBytes(staged, partial);

        var counting = new CountingTransport(f.Target());
        await f.SyncSucceedsAsync(counting);
        Assert.AreEqual(content.Length - (long)keptChunks * Chunk, counting.SentTo("staging/" + path));
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task AKillHalfwayThroughALargeFileCostsTheRerunOnlyTheMissingPartAndOneChunk()
    {
        // 1 GiB: large enough that "from zero" and "from the middle" cannot be mistaken, small enough for CI.
        const long size = 1L << 30;
        using var f = new Fixture();
        const string path = "PC01/AAAA/full.mrimg";
        WriteLarge(f.Repository.Full(path), size);
        f.Repository.Write("PC01/AAAA/inc-01.mrimg", 10_000, 3);
        var killAt = size / 2 + 123_457; // between 40 % and 60 %, off any chunk boundary

        var killed = await f.SyncAsync(new KilledMidFile(f.Target(), "staging/" + path, killAt));
        Assert.AreNotEqual(SyncOutcome.Succeeded, killed.Outcome);
        Assert.IsTrue(File.Exists(Path.Combine(f.RemoteFolder, ".syncconfig", "journal.json")), "a killed sync leaves its journal");
        Assert.IsFalse(File.Exists(Path.Combine(f.RemoteFolder, path)), "the mirror never shows a half-written file");
        var onTarget = new FileInfo(Path.Combine(f.RemoteFolder, ".syncconfig", "staging", path)).Length;
        f.KillLockHolder();

        var counting = new CountingTransport(f.Target());
        var started = DateTime.UtcNow;
        var rerun = await f.SyncSucceedsAsync(counting);
        var sent = counting.SentTo("staging/" + path);
        var missing = size - onTarget;
        TestContext.WriteLine($"resume after a kill at {killAt} of {size} bytes: {onTarget} bytes on the target, {sent} bytes sent by the rerun " +
            $"(missing part {missing}, one chunk {Chunk}), rerun took {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        Console.WriteLine($"resume after kill: {sent} bytes re-sent for a {size}-byte file cut at {killAt} ({onTarget} on the target)");
        StringAssert.Contains(rerun.Recovery, "staged uploads to continue");
        Assert.IsTrue(counting.Appends.Any(a => a.EndsWith(path, StringComparison.Ordinal)), "the large file was continued, not sent again");
        Assert.IsLessThanOrEqualTo(missing + Chunk, sent, "the rerun sends at most the missing part and one chunk");
        Assert.IsGreaterThanOrEqualTo(missing, sent);
        await f.AssertRemoteIsRepositoryAsync();
    }

    [TestMethod]
    public async Task ARollbackDropsStagedBytesOfSourcesThatChangedSince()
    {
        using var f = new Fixture();
        const string path = "PC01/AAAA/full.mrimg";
        f.Repository.Write(path, 3 * Chunk, 1);
        var killed = await f.SyncAsync(new KilledMidFile(f.Target(), "staging/" + path, Chunk + 10));
        Assert.AreNotEqual(SyncOutcome.Succeeded, killed.Outcome);
        f.KillLockHolder();
        f.Repository.Write(path, 3 * Chunk, 2); // a synthetic full replaced it in the meantime

        var counting = new CountingTransport(f.Target());
        var rerun = await f.SyncSucceedsAsync(counting);
        Assert.DoesNotContain("keeping", rerun.Recovery ?? "");
        Assert.IsEmpty(counting.Appends, "nothing of the old source is continued");
        await f.AssertRemoteIsRepositoryAsync();
    }

    /// <summary>Fast, non-repeating data: a random mebibyte, each copy stamped with its index.</summary>
    private static void WriteLarge(string path, long size)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var block = RepositoryBuilder.Content(Chunk, 11);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 0);
        for (long written = 0, index = 0; written < size; written += block.Length, index++)
        {
            BitConverter.TryWriteBytes(block.AsSpan(0, 8), index);
            file.Write(block, 0, (int)Math.Min(block.Length, size - written));
        }
    }
}
