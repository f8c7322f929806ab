using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Renci.SshNet;
using Renci.SshNet.Sftp;

namespace SyncConfig.Transports.Sftp.Writing;

/// <summary>
/// Continues an interrupted upload at an offset. SSH.NET pipelines its writes only in <c>UploadFile</c>, which always
/// starts at offset 0; an <see cref="SftpFileStream"/> waits for the reply to each ~32 KB write, so a single one moves
/// 32 KB per round trip (16 MB took 20 s through a 20 ms link, against 1 s for <c>UploadFileAsync</c>). Here several
/// streams on the same file each write their own blocks, which keeps that many writes in flight through the public API.
/// Blocks may land out of order; an interruption can leave a hole, which the next verified resume reads back and cuts.
/// </summary>
internal static class ContinuedWrite
{
    /// <summary>Streams (file handles) open at most; 32 x 64 KB in flight is about the SSH window OpenSSH grants.</summary>
    private const int MaxLanes = 32;
    private const int BlockSize = 64 * 1024;

    /// <summary>Writes <paramref name="content"/>, read to its end, into the existing file from <paramref name="offset"/> on.</summary>
    public static async Task WriteAsync(SftpClient client, string path, long offset, Stream content, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var blocks = Channel.CreateBounded<Block>(new BoundedChannelOptions(MaxLanes) { SingleWriter = true });
        var lanes = new List<Task>();
        Exception? readFailure = null;
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
                var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, stop.Token);
                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }
                // A lane per block until there are enough: a short tail opens one handle, a long one MaxLanes.
                if (lanes.Count < MaxLanes && blocks.Reader.Count > 0 || lanes.Count == 0)
                    lanes.Add(Task.Run(() => LaneAsync(client, path, blocks.Reader, stop), CancellationToken.None));
                await blocks.Writer.WriteAsync(new Block(offset, buffer, read), stop.Token);
                offset += read;
                if (read < BlockSize)
                    break;
            }
            blocks.Writer.Complete();
        }
        catch (Exception e)
        {
            readFailure = e;
            blocks.Writer.TryComplete();
            await stop.CancelAsync();
        }
        finally
        {
            await Task.WhenAll(lanes).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (blocks.Reader.TryRead(out var left))
                ArrayPool<byte>.Shared.Return(left.Buffer);
        }
        // The first real failure, not the cancellations it caused everywhere else.
        var failures = lanes.Where(l => !l.IsCompletedSuccessfully).Select(l => l.Exception?.InnerException ?? new OperationCanceledException()).ToList();
        if (readFailure is not null)
            failures.Insert(0, readFailure);
        if ((failures.FirstOrDefault(f => f is not OperationCanceledException) ?? failures.FirstOrDefault()) is { } failure)
            ExceptionDispatchInfo.Throw(failure);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task LaneAsync(SftpClient client, string path, ChannelReader<Block> blocks, CancellationTokenSource stop)
    {
        try
        {
            await using var file = await client.OpenAsync(path, FileMode.Open, FileAccess.Write, stop.Token);
            await foreach (var block in blocks.ReadAllAsync(stop.Token))
            {
                try
                {
                    file.Position = block.Offset;
                    await file.WriteAsync(block.Buffer.AsMemory(0, block.Count), stop.Token);
                    await file.FlushAsync(stop.Token);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(block.Buffer);
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private readonly record struct Block(long Offset, byte[] Buffer, int Count);
}
