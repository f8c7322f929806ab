using SyncConfig.Transports.Ftp.Client;
using SyncConfig.Transports.Ftp.Tests.Support;

namespace SyncConfig.Transports.Ftp.Tests;

/// <summary>
/// Behaviour of servers the test machine does not run: a PASV reply naming another host, a server-side HASH, a limit on
/// sessions below the transport's connections.
/// </summary>
[TestClass]
public sealed class ScriptedServerTests
{
    public TestContext TestContext { get; set; } = null!;

    private static FtpClientOptions Options(ScriptedServer server) => new()
    {
        Host = "127.0.0.1", Port = server.Port, UserName = "u", Password = "p",
        ConnectTimeout = TimeSpan.FromSeconds(5), ReplyTimeout = TimeSpan.FromSeconds(5), DataTimeout = TimeSpan.FromSeconds(5),
    };

    [TestMethod]
    public async Task APasvReplyNamingAnotherHostIsAnsweredAtTheControlConnectionsAddress()
    {
        await using var server = new ScriptedServer();
        await using var transport = new FtpTransport(Options(server), "/target");
        await transport.ConnectAsync(TestContext.CancellationToken);
        await transport.WriteAsync("file", new MemoryStream([1, 2, 3]), WriteMode.Replace, TestContext.CancellationToken);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, server.Files["/target/file"]);
        Assert.Contains("EPSV", server.Commands, "EPSV is tried first");
    }

    [TestMethod]
    public async Task AResumedPrefixIsVerifiedByTheServersHashWithoutReadingItBack()
    {
        await using var server = new ScriptedServer();
        var local = new byte[5000];
        Random.Shared.NextBytes(local);
        server.Files["/target/image"] = local[..3000];
        await using var transport = new FtpTransport(Options(server), "/target");
        await transport.ConnectAsync(TestContext.CancellationToken);

        var offset = await transport.VerifiedResumeOffsetAsync("image", local.Length, (start, count) => new MemoryStream(local, (int)start, (int)count), TestContext.CancellationToken);

        Assert.AreEqual(3000, offset);
        Assert.Contains("OPTS HASH SHA-256", server.Commands);
        Assert.DoesNotContain("RETR /target/image", server.Commands);
        await transport.WriteAsync("image", new MemoryStream(local, 3000, 2000), WriteMode.Append, TestContext.CancellationToken);
        CollectionAssert.AreEqual(local, server.Files["/target/image"]);
    }

    [TestMethod]
    public async Task APrefixWhoseHashDiffersIsNotContinued()
    {
        await using var server = new ScriptedServer();
        var local = new byte[5000];
        Random.Shared.NextBytes(local);
        server.Files["/target/image"] = [.. local[..2999], (byte)(local[2999] ^ 1)];
        await using var transport = new FtpTransport(Options(server), "/target");
        await transport.ConnectAsync(TestContext.CancellationToken);

        Assert.AreEqual(0, await transport.VerifiedResumeOffsetAsync("image", local.Length, (start, count) => new MemoryStream(local, (int)start, (int)count), TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task AServerThatAdmitsFewerSessionsThanThePoolServesEveryOperationOnTheSessionsItAdmitted()
    {
        await using var server = new ScriptedServer { MaxSessions = 2 };
        await using var transport = new FtpTransport(Options(server), "/target", connections: 4);
        await transport.ConnectAsync(TestContext.CancellationToken);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = Enumerable.Range(0, 4)
            .Select(i => transport.WriteAsync($"file-{i}", new GatedStream(gate.Task, [(byte)i]), WriteMode.Replace, TestContext.CancellationToken))
            .ToList();
        // Two uploads hold the two sessions the server admits; further logins (the pool's own, after the connect, or an
        // operation's) meet its 421.
        while (server.Commands.Count(c => c.StartsWith("STOR", StringComparison.Ordinal)) < 2 || server.TurnedAway < 2)
            await Task.Delay(20, TestContext.CancellationToken);
        await Task.Delay(300, TestContext.CancellationToken);
        Assert.IsFalse(writes.Any(w => w.IsFaulted), "an operation failed because the server turned away a further session");

        gate.SetResult();
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken);
        for (var i = 0; i < 4; i++)
            CollectionAssert.AreEqual(new[] { (byte)i }, server.Files[$"/target/file-{i}"]);
    }

    /// <summary>
    /// A session idle longer than the pool trusts is asked NOOP before it is handed out; an operation cancelled while the
    /// server has not answered yet must close that session, not drop it while its connection stays open.
    /// </summary>
    [TestMethod]
    public async Task AnOperationCancelledWhileItsIdleSessionIsCheckedClosesThatSession()
    {
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedServer { NoopAnswered = answer.Task };
        await using (var transport = new FtpTransport(Options(server), "/target", connections: 1))
        {
            await transport.ConnectAsync(TestContext.CancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(16), TestContext.CancellationToken); // past the pool's 15 s of trusted idleness
            using var cancel = new CancellationTokenSource();
            var write = transport.WriteAsync("file", new MemoryStream([1]), WriteMode.Replace, cancel.Token);
            while (!server.Commands.Contains("NOOP"))
                await Task.Delay(20, TestContext.CancellationToken);
            await cancel.CancelAsync();
            await Assert.ThrowsAsync<OperationCanceledException>(() => write);
        }
        answer.SetResult();
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        closing.CancelAfter(TimeSpan.FromSeconds(30));
        while (server.OpenSessions > 0 && !closing.IsCancellationRequested)
            await Task.Delay(20, TestContext.CancellationToken);
        Assert.AreEqual(0, server.OpenSessions, "the cancelled check's session is still connected after the transport was disposed");
    }

    /// <summary>Content that is held back until the gate opens: the upload keeps its session meanwhile.</summary>
    private sealed class GatedStream(Task gate, byte[] content) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            return await base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
