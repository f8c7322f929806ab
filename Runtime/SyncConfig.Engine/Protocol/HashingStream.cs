using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// Reads at most <c>limit</c> bytes of a local file from <c>start</c> and hashes them on the way (when given a hash), so
/// each upload reads the file once. Positional reads on the handle: no seek, and no read at all once the limit is reached.
/// </summary>
/// <param name="onRead">Told the bytes read so far after each read: progress while a transport streams the file.</param>
internal sealed class HashingStream(SafeFileHandle file, IncrementalHash? hash, long start, long limit, bool ownsFile = false, Action<long>? onRead = null) : Stream
{
    /// <summary>A range of a local file on its own handle, for a transport to compare with what the target holds.</summary>
    private readonly long _limit = limit;
    private long _remaining = limit;

    public long BytesRead => _limit - _remaining;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _limit;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_remaining == 0 || buffer.IsEmpty)
            return 0;
        var read = RandomAccess.Read(file, buffer[..(int)Math.Min(buffer.Length, _remaining)], start + BytesRead);
        Account(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_remaining == 0 || buffer.IsEmpty)
            return 0;
        var read = await RandomAccess.ReadAsync(file, buffer[..(int)Math.Min(buffer.Length, _remaining)], start + BytesRead, cancellationToken);
        Account(buffer.Span[..read]);
        return read;
    }

    private void Account(ReadOnlySpan<byte> data)
    {
        hash?.AppendData(data);
        _remaining -= data.Length;
        if (!data.IsEmpty)
            onRead?.Invoke(BytesRead);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsFile)
            file.Dispose();
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
