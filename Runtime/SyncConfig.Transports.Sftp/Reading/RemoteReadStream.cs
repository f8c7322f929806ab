namespace SyncConfig.Transports.Sftp.Reading;

/// <summary>
/// A remote file being read (SSH.NET reads ahead in parallel requests), whose failures come out as
/// <see cref="RemoteException"/>s like every other operation's, so a connection dropped mid-read is retried.
/// </summary>
internal sealed class RemoteReadStream(Stream file, Func<Exception, RemoteException> classify) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return file.Read(buffer);
        }
        catch (Exception e) when (e is not (RemoteException or OperationCanceledException))
        {
            throw classify(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await file.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is not (RemoteException or OperationCanceledException))
        {
            throw classify(e);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Closing the handle of a dropped connection fails; the read already said so, or did not need to.
            try
            {
                file.Dispose();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
            }
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await file.DisposeAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
        }
        await base.DisposeAsync();
    }
}
