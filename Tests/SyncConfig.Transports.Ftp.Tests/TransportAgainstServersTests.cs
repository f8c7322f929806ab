using SyncConfig.Transports.Ftp.Tests.Support;

namespace SyncConfig.Transports.Ftp.Tests;

/// <summary>What the conformance suite does not reach: FTP's own paths (dot folders in LIST, APPE, folders made on demand) on both servers.</summary>
[TestClass]
public sealed class TransportAgainstServersTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("vsftpd")]
    [DataRow("vsftpd-tls")]
    [DataRow("pure-ftpd")]
    [DataRow("pure-ftpd-tls")]
    public async Task FilesGoUpComeBackAppendMoveAndGo(string server)
    {
        var ct = TestContext.CancellationToken;
        await using var folder = await RemoteFolder.CreateAsync(FtpServers.Server(server));
        await using var transport = folder.Transport();
        await transport.ConnectAsync(ct);
        Assert.IsFalse(transport.Capabilities.CaseInsensitiveNames, "Linux servers tell names apart by case");

        var content = RandomBytes(3 << 20);
        await transport.WriteAsync("Offsite/.syncconfig/staging/a b.bin", new MemoryStream(content, 0, 1 << 20), WriteMode.Replace, ct);
        await transport.WriteAsync("Offsite/.syncconfig/staging/a b.bin", new MemoryStream(content, 1 << 20, content.Length - (1 << 20)), WriteMode.Append, ct);
        Assert.AreEqual(content.Length, (await transport.GetFileAsync("Offsite/.syncconfig/staging/a b.bin", ct))?.Length);

        await transport.RenameAsync("Offsite/.syncconfig/staging/a b.bin", "Offsite/PC01/full image.mrimg", replace: false, ct);
        var files = await transport.ListFilesAsync("Offsite", ct).ToListAsync(ct);
        CollectionAssert.AreEquivalent(new[] { new RemoteFileInfo("Offsite/PC01/full image.mrimg", content.Length) }, files);

        await using (var read = await transport.OpenReadAsync("Offsite/PC01/full image.mrimg", ct))
        {
            var back = new MemoryStream();
            await read.CopyToAsync(back, ct);
            CollectionAssert.AreEqual(content, back.ToArray());
        }

        await transport.WriteAsync("Offsite/PC01/second", new MemoryStream([1, 2, 3]), WriteMode.Replace, ct);
        await transport.RenameAsync("Offsite/PC01/second", "Offsite/PC01/full image.mrimg", replace: true, ct);
        Assert.AreEqual(3, (await transport.GetFileAsync("Offsite/PC01/full image.mrimg", ct))?.Length);
        Assert.IsNull(await transport.GetFileAsync("Offsite/PC01/second", ct));

        await transport.DeleteFolderAsync("Offsite", ct);
        Assert.IsFalse(await transport.FolderExistsAsync("Offsite", ct));
        await transport.DeleteFileAsync("Offsite/gone", ct);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
