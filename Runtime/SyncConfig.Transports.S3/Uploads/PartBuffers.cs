namespace SyncConfig.Transports.S3.Uploads;

/// <summary>
/// The part-sized buffers of every upload in flight, reused and bounded: the transport's memory does not grow with the
/// engine's parallelism. A buffer is taken before a part is read and given back once that part is sent.
/// </summary>
internal sealed class PartBuffers(int count) : IDisposable
{
    private readonly SemaphoreSlim _free = new(count, count);
    private readonly Stack<byte[]> _idle = new();

    public async Task<byte[]> RentAsync(long size, CancellationToken ct)
    {
        await _free.WaitAsync(ct);
        lock (_idle)
        {
            while (_idle.TryPop(out var idle))
            {
                if (idle.LongLength >= size)
                    return idle;
                // Parts of a file of over 10,000 default parts are larger: the small buffer goes to the collector.
            }
        }
        return GC.AllocateUninitializedArray<byte>(checked((int)size));
    }

    public void Return(byte[] buffer)
    {
        lock (_idle)
            _idle.Push(buffer);
        _free.Release();
    }

    public void Dispose() => _free.Dispose();
}
