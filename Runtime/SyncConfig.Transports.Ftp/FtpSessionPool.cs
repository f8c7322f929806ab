using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp;

/// <summary>
/// A few logged-in sessions shared by the engine's parallel operations: FTP runs one command at a time per control
/// connection, so each upload in flight holds a session of its own. A session that broke is closed, never handed out again.
/// A server that turns a further session away (421, or 530 once the same login has worked: a limit of sessions per user
/// or address) while the pool holds sessions sets the pool's size: the operation waits for one of those instead of failing.
/// </summary>
internal sealed class FtpSessionPool(FtpClientOptions options, int size) : IAsyncDisposable
{
    /// <summary>A session idle this long is asked NOOP before use: servers close idle control connections (vsftpd after 5 minutes).</summary>
    private const long IdleCheckMilliseconds = 15_000;

    private readonly SemaphoreSlim _slots = new(size, size);
    private readonly Stack<FtpClient> _idle = new();
    private readonly CancellationTokenSource _closing = new();
    private int _sessions;
    private int _capacity = size;
    private bool _disposed;

    public FtpClientOptions Options => options;

    public async Task<Session> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        while (true)
        {
            try
            {
                return new Session(this, await IdleOrNewAsync(cancellationToken));
            }
            catch (FtpException e) when (TurnedAway(e) && Shrink())
            {
                // This operation's slot went with the session the server would not admit: it waits for another one.
            }
            catch
            {
                _slots.Release();
                throw;
            }
            // Holding no slot now, a cancelled wait has nothing to give back.
            await _slots.WaitAsync(cancellationToken);
        }
    }

    /// <summary>An idle session that still answers (the others are closed), or a new one.</summary>
    private async Task<FtpClient> IdleOrNewAsync(CancellationToken cancellationToken)
    {
        while (TakeIdle() is { } client)
        {
            bool answers;
            try
            {
                answers = Environment.TickCount64 - client.LastUsed < IdleCheckMilliseconds || await AnswersAsync(client, cancellationToken);
            }
            catch
            {
                // Cancelled while the server had not answered: the session is neither in the pool nor handed out.
                await CloseAsync(client);
                throw;
            }
            if (answers)
                return client;
            await CloseAsync(client);
        }
        return await LogInAsync(cancellationToken);
    }

    /// <summary>The server turned a further session away for now, while sessions of the same login are open: its limit.</summary>
    private bool TurnedAway(FtpException e) =>
        Volatile.Read(ref _sessions) > 0 && (e.Reply?.Code == 421 || e.Failure == FtpFailure.LoginFailed);

    /// <summary>Takes one slot out of the pool for good (never the last one); false when only one is left.</summary>
    private bool Shrink()
    {
        for (var capacity = Volatile.Read(ref _capacity); capacity > 1; capacity = Volatile.Read(ref _capacity))
        {
            if (Interlocked.CompareExchange(ref _capacity, capacity - 1, capacity) == capacity)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Logs in the sessions the pool does not hold yet, in the background: a login takes the server a moment (a password
    /// hash, a TLS handshake), and the first operations that run side by side then find their sessions ready instead of
    /// waiting for them one after the other. A login that fails here is left to the operation that needs the session.
    /// </summary>
    public void OpenRemaining()
    {
        for (var open = Volatile.Read(ref _sessions); open < Volatile.Read(ref _capacity); open++)
            _ = OpenIdleAsync();
    }

    private async Task OpenIdleAsync()
    {
        if (!_slots.Wait(0))
            return;
        FtpClient client;
        try
        {
            if (Volatile.Read(ref _sessions) >= Volatile.Read(ref _capacity))
            {
                _slots.Release();
                return;
            }
            client = await LogInAsync(_closing.Token);
        }
        catch (FtpException e) when (TurnedAway(e) && Shrink())
        {
            return;
        }
        catch (Exception)
        {
            // Nobody awaits this login: whatever stopped it, the operation that needs a session meets it again.
            _slots.Release();
            return;
        }
        await ReturnAsync(client);
    }

    private async Task<FtpClient> LogInAsync(CancellationToken cancellationToken)
    {
        var client = await FtpClient.ConnectAsync(options, cancellationToken);
        Interlocked.Increment(ref _sessions);
        return client;
    }

    private async ValueTask CloseAsync(FtpClient client)
    {
        Interlocked.Decrement(ref _sessions);
        await client.DisposeAsync();
    }

    private static async Task<bool> AnswersAsync(FtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.ExecuteAsync("NOOP", cancellationToken)).IsSuccess;
        }
        catch (FtpException)
        {
            return false;
        }
    }

    private FtpClient? TakeIdle()
    {
        lock (_idle)
            return _idle.TryPop(out var client) ? client : null;
    }

    private async ValueTask ReturnAsync(FtpClient client)
    {
        var keep = !client.IsBroken;
        lock (_idle)
        {
            keep &= !_disposed;
            if (keep)
                _idle.Push(client);
        }
        if (!keep)
            await CloseAsync(client);
        _slots.Release();
    }

    public async ValueTask DisposeAsync()
    {
        FtpClient[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        await _closing.CancelAsync();
        foreach (var client in idle)
            await CloseAsync(client);
    }

    /// <summary>A rented session; disposing it hands it back.</summary>
    public sealed class Session(FtpSessionPool pool, FtpClient client) : IAsyncDisposable
    {
        private int _returned;

        public FtpClient Client => client;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _returned, 1) == 0 ? pool.ReturnAsync(client) : ValueTask.CompletedTask;
    }
}
