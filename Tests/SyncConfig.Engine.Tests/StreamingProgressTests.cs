using SyncConfig.Engine.Results;
using SyncConfig.Engine.Tests.Support;
using SyncConfig.Testing;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Tests;

/// <summary>A single large file moves the progress while it streams, not only when it is done.</summary>
[TestClass]
public sealed class StreamingProgressTests
{
    private const string Image = "PC01/1A2B3C/full.mrimg";
    private const int Length = 4 << 20;
    private const int Chunk = 64 << 10;

    [TestMethod]
    public async Task BytesAreReportedWhileOneLargeFileStreams()
    {
        using var f = new Fixture();
        f.Repository.Write(Image, Length, 7);
        f.Engine = new SyncEngine(options: WithInterval(TimeSpan.Zero));
        var reports = new List<SyncProgress>();
        var transport = new ChunkedTransport(f.Target(), () => reports.Count);

        var result = await f.Engine.SyncAsync(f.Job, transport, new Recorder(reports), CancellationToken.None);

        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        var during = reports.Where(r => r.FilesDone == 0 && r.BytesDone > 0 && r.BytesDone < Length).ToList();
        Assert.IsGreaterThanOrEqualTo(10, during.Count, "progress reports while the one file streamed");
        Assert.IsTrue(during.All(r => r.Phase == "Uploading" && r.CurrentFile == Image && r.BytesTotal == Length), string.Join("\n", during));
        for (var i = 1; i < during.Count; i++)
            Assert.IsGreaterThanOrEqualTo(during[i - 1].BytesDone, during[i].BytesDone, "bytes only grow");
        Assert.IsGreaterThan(during[0].BytesDone, during[^1].BytesDone);
        Assert.IsTrue(transport.ReportsSeenBetweenChunks.Distinct().Count() > 10, "reports arrived while the transport was still reading the file");
        var last = reports.Last(r => r.FilesDone == 1);
        Assert.AreEqual(Length, last.BytesDone, "the finished file is counted once, not once streamed and once finished");
        Assert.AreEqual(Length, result.BytesUploaded);
    }

    [TestMethod]
    public async Task StreamingReportsAreThinnedToTheInterval()
    {
        using var f = new Fixture();
        f.Repository.Write(Image, Length, 7);
        f.Engine = new SyncEngine(options: WithInterval(TimeSpan.FromHours(1)));
        var reports = new List<SyncProgress>();

        var result = await f.Engine.SyncAsync(f.Job, new ChunkedTransport(f.Target(), () => reports.Count), new Recorder(reports), CancellationToken.None);

        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        Assert.HasCount(1, reports.Where(r => r.FilesDone == 0 && r.CurrentFile == Image), "only the first streaming report within the interval");
    }

    [TestMethod]
    public async Task SeveralFilesStreamingTogetherAddUp()
    {
        using var f = new Fixture();
        for (var i = 0; i < 4; i++)
            f.Repository.Write($"PC0{i}/1A2B3C/full.mrimg", Length / 4, i);
        f.Engine = new SyncEngine(options: WithInterval(TimeSpan.Zero));
        var reports = new List<SyncProgress>();

        var result = await f.Engine.SyncAsync(f.Job, new ChunkedTransport(f.Target(), () => reports.Count), new Recorder(reports), CancellationToken.None);

        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        Assert.IsTrue(reports.All(r => r.BytesDone <= r.BytesTotal), "never more than the total");
        Assert.IsTrue(reports.Any(r => r.BytesDone > 0 && r.FilesDone == 0), "progress before the first file finished");
        Assert.AreEqual(Length, reports.Last().BytesDone);
    }

    private static SyncEngineOptions WithInterval(TimeSpan interval) => new()
    {
        RetryDelay = Fixture.Options.RetryDelay,
        RemoteLockPollInterval = Fixture.Options.RemoteLockPollInterval,
        RemoteLockWait = Fixture.Options.RemoteLockWait,
        StreamingProgressInterval = interval,
    };

    /// <summary>Records every report on the reporting thread (in order, under a lock: uploads run in parallel).</summary>
    private sealed class Recorder(List<SyncProgress> reports) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value)
        {
            lock (reports)
                reports.Add(value);
        }
    }

    /// <summary>Reads each image from the engine in small chunks, as a slow link would, noting how many reports had arrived after each.</summary>
    private sealed class ChunkedTransport(IRemoteTransport inner, Func<int> reportCount) : DelegatingTransport(inner)
    {
        public List<int> ReportsSeenBetweenChunks { get; } = [];

        public override async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
        {
            if (!path.EndsWith(".mrimg", StringComparison.Ordinal))
            {
                await base.WriteAsync(path, content, mode, ct);
                return;
            }

            var copy = new MemoryStream();
            var buffer = new byte[Chunk];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                copy.Write(buffer, 0, read);
                lock (ReportsSeenBetweenChunks)
                    ReportsSeenBetweenChunks.Add(reportCount());
            }

            copy.Position = 0;
            await base.WriteAsync(path, copy, mode, ct);
        }
    }
}
