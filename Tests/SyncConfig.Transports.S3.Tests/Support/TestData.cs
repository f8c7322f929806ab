namespace SyncConfig.Transports.S3.Tests.Support;

public static class TestData
{
    public const int MiB = 1 << 20;

    /// <summary>Bytes that differ at every offset, so a part sent to the wrong place or twice shows.</summary>
    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static async Task<byte[]> ReadAllAsync(IRemoteTransport transport, string path)
    {
        await using var stream = await transport.OpenReadAsync(path, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
