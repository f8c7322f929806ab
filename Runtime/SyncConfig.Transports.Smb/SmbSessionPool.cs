using SyncConfig.Transports.Smb.Native;

namespace SyncConfig.Transports.Smb;

/// <summary>
/// A few libsmbclient contexts for the engine's parallel operations. libsmbclient is not thread-safe within a context, so
/// a context belongs to one operation at a time: renting takes it out of the pool, disposing the session puts it back. A
/// context whose connection failed is freed, never handed out again.
/// </summary>
internal sealed class SmbSessionPool(SmbTarget target) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, target.Connections), Math.Max(1, target.Connections));
    private readonly Stack<SmbContext> _idle = new();
    private bool _disposed;

    public async Task<Session> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            SmbContext? context;
            lock (_idle)
                context = _idle.TryPop(out var idle) ? idle : null;
            return new Session(this, context ?? new SmbContext(target.Credentials(), target.Port, target.Timeout));
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private void Return(SmbContext context)
    {
        var keep = !context.IsBroken;
        lock (_idle)
        {
            keep &= !_disposed;
            if (keep)
                _idle.Push(context);
        }
        if (!keep)
            context.Dispose();
        _slots.Release();
    }

    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
            while (_idle.TryPop(out var context))
                context.Dispose();
        }
    }

    /// <summary>A rented context; disposing it hands it back.</summary>
    public sealed class Session(SmbSessionPool pool, SmbContext context) : IDisposable
    {
        private int _returned;

        public SmbContext Context => context;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
                pool.Return(context);
        }
    }
}
