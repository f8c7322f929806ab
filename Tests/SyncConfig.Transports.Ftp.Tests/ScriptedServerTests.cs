using SyncConfig.Transports.Ftp.Client;
using SyncConfig.Transports.Ftp.Tests.Support;

namespace SyncConfig.Transports.Ftp.Tests;

/// <summary>Behaviour of servers the test machine does not run: a PASV reply naming another host, a server-side HASH.</summary>
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
}
