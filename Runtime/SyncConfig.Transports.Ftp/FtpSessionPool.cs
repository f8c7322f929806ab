using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp;

/// <summary>
/// A few logged-in sessions shared by the engine's parallel operations: FTP runs one command at a time per control
/// connection, so each upload in flight holds a session of its own. A session that broke is closed, never handed out again.
/// </summary>
internal sealed class FtpSessionPool(FtpClientOptions options, int size) : IAsyncDisposable
{
    /// <summary>A session idle this long is asked NOOP before use: servers close idle control connections (vsftpd after 5 minutes).</summary>
    private const long IdleCheckMilliseconds = 15_000;

    private readonly SemaphoreSlim _slots = new(size, size);
    private readonly Stack<FtpClient> _idle = new();
    private bool _disposed;

    public FtpClientOptions Options => options;

    public async Task<Session> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            while (TakeIdle() is { } client)
            {
                if (Environment.TickCount64 - client.LastUsed < IdleCheckMilliseconds || await AnswersAsync(client, cancellationToken))
                    return new Session(this, client);
                await client.DisposeAsync();
            }
            return new Session(this, await FtpClient.ConnectAsync(options, cancellationToken));
        }
        catch
        {
            _slots.Release();
            throw;
        }
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
            await client.DisposeAsync();
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
        foreach (var client in idle)
            await client.DisposeAsync();
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
