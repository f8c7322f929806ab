using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Testing.Network;
using SyncConfig.Testing.Servers;

namespace SyncConfig.Transports.Smb.Tests;

/// <summary>The network drops in the middle of a large upload to the share: the sync resumes the partial file, not starts it over.</summary>
[TestClass]
public sealed class ResumeAfterCutTests
{
    /// <summary>The transport's write request: what was in flight when the cut came is sent again.</summary>
    private const int WriteRequest = 4 << 20;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ACutMidUploadResumesAndResendsAtMostOneWriteRequest()
    {
        using var temp = new SyncConfig.Testing.TestFolder("smb-resume");
        await using var server = new SmbServer();
        var repository = temp.Sub("repository");
        var image = new byte[24 << 20];
        Random.Shared.NextBytes(image);
        Directory.CreateDirectory(Path.Combine(repository, "PC01", "AAAA"));
        await File.WriteAllBytesAsync(Path.Combine(repository, "PC01", "AAAA", "full.mrimg"), image, TestContext.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(repository, "PC01", "AAAA", "small.txt"), "small", TestContext.CancellationToken);
        await using var proxy = new TcpProxy(TestServers.Port("SYNCTEST_SMB_PORT"));
        var transport = server.Open(server.Target() with { Port = proxy.Port });
        var engine = new SyncEngine(options: new SyncEngineOptions
        {
            RetryWindow = TimeSpan.FromSeconds(30), RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1),
        });
        proxy.CutAfter(10 << 20);

        var result = await engine.SyncAsync(new SyncJob("resume", repository, "Offsite"), transport, null, TestContext.CancellationToken);

        Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
        Assert.IsGreaterThanOrEqualTo(1, proxy.Cuts, "the proxy cut the upload");
        var files = image.Length + "small".Length;
        // SMB2 headers, the login, the lock, manifest and journal add well under 1 MiB on top of the files.
        Assert.IsLessThanOrEqualTo(files + WriteRequest + (1 << 20), proxy.BytesToServer,
            $"{proxy.BytesToServer} bytes went to the server for {files} bytes of files");
        CollectionAssert.AreEqual(image, await File.ReadAllBytesAsync(Path.Combine(server.LocalPath, "Offsite", "PC01", "AAAA", "full.mrimg"), TestContext.CancellationToken));
    }
}
