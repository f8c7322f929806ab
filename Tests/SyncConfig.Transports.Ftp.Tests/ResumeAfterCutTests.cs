using SyncConfig.Engine;
using SyncConfig.Engine.Results;
using SyncConfig.Transports.Ftp.Tests.Support;

namespace SyncConfig.Transports.Ftp.Tests;

/// <summary>The network drops in the middle of a large upload: the sync resumes the partial file instead of starting it over.</summary>
[TestClass]
public sealed class ResumeAfterCutTests
{
    private const int Chunk = 1 << 20;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("vsftpd")]
    [DataRow("pure-ftpd")]
    public async Task ACutMidUploadResumesAndResendsAtMostOneChunk(string server)
    {
        var repository = Directory.CreateTempSubdirectory("ftp-resume-").FullName;
        try
        {
            var image = new byte[24 << 20];
            Random.Shared.NextBytes(image);
            Directory.CreateDirectory(Path.Combine(repository, "PC01", "AAAA"));
            await File.WriteAllBytesAsync(Path.Combine(repository, "PC01", "AAAA", "full.mrimg"), image, TestContext.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(repository, "PC01", "AAAA", "small.txt"), "small", TestContext.CancellationToken);

            var options = FtpServers.Server(server);
            await using var folder = await RemoteFolder.CreateAsync(options);
            await using var proxy = new CuttingProxy(options.Port, cutAfter: 10 << 20);
            await using var transport = new FtpTransport(options with { Port = proxy.Port }, folder.Path);
            var engine = new SyncEngine(options: new SyncEngineOptions
            {
                RetryWindow = TimeSpan.FromSeconds(20), RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1),
            });

            var result = await engine.SyncAsync(new SyncJob("resume", repository, "Offsite"), transport, null, TestContext.CancellationToken);

            Assert.AreEqual(SyncOutcome.Succeeded, result.Outcome, string.Join("; ", result.Errors));
            Assert.IsTrue(proxy.HasCut, "the proxy cut the upload");
            var total = image.Length + "small".Length;
            Assert.IsLessThanOrEqualTo(total + Chunk, proxy.Uploaded,
                $"{proxy.Uploaded} bytes went up for {total} bytes of files");
            await using var read = await transport.OpenReadAsync("Offsite/PC01/AAAA/full.mrimg", TestContext.CancellationToken);
            var back = new MemoryStream();
            await read.CopyToAsync(back, TestContext.CancellationToken);
            CollectionAssert.AreEqual(image, back.ToArray());
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }
}
