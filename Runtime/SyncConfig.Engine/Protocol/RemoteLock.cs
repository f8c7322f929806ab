using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// One writer per remote folder, across processes and machines. Where the target creates files exclusively the lock
/// is <c>.syncconfig/lock</c>, created with <see cref="WriteMode.CreateNew"/>: of two racers exactly one wins. Elsewhere
/// it is restic's scheme: each sync writes <c>.syncconfig/locks/&lt;token&gt;-&lt;n&gt;.json</c>, lists the folder, and
/// holds the lock only once the listing shows its own file and no other live one; two racers may both back off, never
/// both win. The holder renews its lock in the background; a lock not renewed for
/// <see cref="SyncEngineOptions.RemoteLockStaleAfter"/>, or held by a dead process of this host, is stale and taken over.
/// </summary>
internal sealed partial class RemoteLock : IAsyncDisposable
{
    private readonly RemoteFolder _remote;
    private readonly SyncEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewal = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private LockRecord _record;
    private string _path;

    /// <summary>
    /// The listing scheme's lock files of this sync that may be on the target: a renewal cut short between writing the
    /// next file and deleting the one before leaves both, and each looks live to other syncs until it goes stale.
    /// </summary>
    private readonly List<string> _written = [];
    private int _renewals;
    private Task _renewal = Task.CompletedTask;

    private RemoteLock(RemoteFolder remote, SyncEngineOptions options, TimeProvider time, ILogger logger, LockRecord record, string path)
    {
        _remote = remote;
        _options = options;
        _time = time;
        _logger = logger;
        _record = record;
        _path = path;
        _written.Add(path);
    }

    public string Token => _record.Token;

    /// <summary>Cancelled when a renewal finds that another sync has taken the lock over: this one must stop writing.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    private bool Exclusive => _remote.Capabilities.ExclusiveCreate;

    public static async Task<RemoteLock> AcquireAsync(
        RemoteFolder remote, string syncName, string repositoryId, SyncEngineOptions options, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var record = LockRecord.ForThisProcess(syncName, repositoryId, time.GetUtcNow());
        var held = new RemoteLock(remote, options, time, logger, record, remote.Capabilities.ExclusiveCreate ? remote.LockPath : remote.LockFile(record.Token, 0));
        try
        {
            if (held.Exclusive)
                await held.TakeExclusiveAsync(ct);
            else
                await held.TakeByListingAsync(ct);
        }
        catch
        {
            // A wait cut short (cancelled, or the target failing) may leave this sync's lock file behind, live-looking to
            // every other sync until it goes stale; one that is another's stays.
            await held.DisposeAsync();
            throw;
        }
        held._renewal = held.RenewWhileHeldAsync();
        return held;
    }

    // ---- exclusive create ----------------------------------------------------------------------------------------

    private async Task TakeExclusiveAsync(CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + _options.RemoteLockWait;
        (byte[] Content, DateTimeOffset Since)? unreadable = null;
        var tookOver = false;
        while (true)
        {
            _record = _record with { RenewedAt = _time.GetUtcNow() };
            if (await TryCreateAsync(ct))
            {
                if (!tookOver || await StillOursAfterSettlingAsync(ct))
                    return;
                tookOver = false;
                continue;
            }
            var content = await _remote.ReadAllAsync(_path, ct);
            if (content is null)
                continue; // released in between
            var holder = Parse(content);
            if (holder?.Token == Token)
            {
                // Our create went through and only its reply was lost; after a takeover it is read back after the pause too.
                if (!tookOver || await StillOursAfterSettlingAsync(ct))
                    return;
                tookOver = false;
                continue;
            }
            var now = _time.GetUtcNow();
            if (holder is null)
            {
                // Empty or half written: a writer between creating and filling it, or one that died there. Unchanged
                // after a grace period, it is a dead writer's.
                if (unreadable is { } seen && seen.Content.AsSpan().SequenceEqual(content) && now - seen.Since >= UnreadableGrace)
                {
                    tookOver = await TakeOverAsync(content, "an unreadable lock", ct);
                    continue;
                }
                if (unreadable is not { } same || !same.Content.AsSpan().SequenceEqual(content))
                    unreadable = (content, now);
            }
            else if (holder.IsStale(now, _options.RemoteLockStaleAfter))
            {
                tookOver = await TakeOverAsync(content, holder.Describe(), ct);
                continue;
            }
            if (now >= deadline)
                throw Busy(holder);
            await Task.Delay(_options.RemoteLockPollInterval, _time, ct);
        }
    }

    /// <summary>A lock file that stays unreadable this long was left by a writer that died while creating it.</summary>
    private TimeSpan UnreadableGrace => _options.RemoteLockPollInterval * 10;

    private async Task<bool> TryCreateAsync(CancellationToken ct)
    {
        try
        {
            await _remote.Retry.RunAsync(c => _remote.Transport.WriteAsync(_path, new MemoryStream(Serialize(_record)), WriteMode.CreateNew, c), ct);
            return true;
        }
        catch (RemoteException e) when (e.Kind == RemoteErrorKind.AlreadyExists)
        {
            return false;
        }
    }

    /// <summary>Delete a stale lock, but only while it still holds what was judged stale: a racing taker may have replaced it.</summary>
    private async Task<bool> TakeOverAsync(byte[] stale, string holder, CancellationToken ct)
    {
        if (await _remote.ReadAllAsync(_path, ct) is not { } now || !now.AsSpan().SequenceEqual(stale))
            return false;
        LogTakingOver(_logger, _remote.Root, holder);
        await _remote.DeleteFileAsync(_path, ct);
        return true;
    }

    /// <summary>
    /// Two syncs that found the same stale lock could each delete it and create their own in turn; the later delete
    /// would remove the earlier one's fresh lock. Reading back after a pause catches that.
    /// </summary>
    private async Task<bool> StillOursAfterSettlingAsync(CancellationToken ct)
    {
        await Task.Delay(_options.RemoteLockPollInterval, _time, ct);
        return await _remote.ReadAllAsync(_path, ct) is { } content && Parse(content)?.Token == Token;
    }

    // ---- uniquely named lock files and a listing -----------------------------------------------------------------

    private async Task TakeByListingAsync(CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + _options.RemoteLockWait;
        LockRecord? holder = null;
        while (true)
        {
            _record = _record with { RenewedAt = _time.GetUtcNow() };
            // A lock file cleared from tmp/ before it reached locks/ was cleared by a holder's recovery: the folder is
            // held, and this sync waits as for any holder (however often holders come and go meanwhile).
            if (await _remote.TryWriteWholeAsync(_path, Serialize(_record), ct))
            {
                var (seen, live, stale) = await ListOthersAsync(ct);
                if (seen && live is null)
                {
                    foreach (var path in stale)
                        await _remote.DeleteFileAsync(path, ct);
                    return;
                }
                await _remote.DeleteFileAsync(_path, ct);
                holder = live;
            }
            if (_time.GetUtcNow() >= deadline)
                throw Busy(holder);
            // Two racers that saw each other both back off; a random pause keeps them from meeting again.
            var pause = _options.RemoteLockPollInterval * (1 + Random.Shared.NextDouble());
            await Task.Delay(pause, _time, ct);
        }
    }

    /// <summary>
    /// The lock files of others, once the listing shows this sync's own (listings of some stores lag behind writes:
    /// deciding on one that does not show our own file yet could miss a racer's too). A listed file that is gone when
    /// read is listed again: a holder renews by writing its next file before deleting this one.
    /// </summary>
    private async Task<(bool SeenOwn, LockRecord? Live, List<string> Stale)> ListOthersAsync(CancellationToken ct)
    {
        var ownName = _path[(_path.LastIndexOf('/') + 1)..];
        for (var attempt = 0; ; attempt++)
        {
            var files = await _remote.ListAsync(_remote.LocksFolder, ct);
            if (files.Any(f => f.Path.EndsWith("/" + ownName, StringComparison.Ordinal)))
            {
                LockRecord? live = null;
                var stale = new List<string>();
                var vanished = false;
                foreach (var file in files.Where(f => !f.Path[(f.Path.LastIndexOf('/') + 1)..].StartsWith(Token, StringComparison.Ordinal)))
                {
                    if (await _remote.ReadAllAsync(file.Path, ct) is not { } content)
                    {
                        // Gone since the listing: released, or renewed under its next name, which this listing does not show.
                        vanished = true;
                        continue;
                    }
                    // Lock files appear whole (one PUT, or a rename): an unreadable one is garbage, not a writer.
                    var holder = Parse(content);
                    if (holder is null || holder.IsStale(_time.GetUtcNow(), _options.RemoteLockStaleAfter))
                        stale.Add(file.Path);
                    else
                        live ??= holder;
                }
                if (live is not null || !vanished)
                    return (true, live, stale);
            }
            if (attempt >= 10)
                return (false, null, []);
            await Task.Delay(_options.RemoteLockPollInterval, _time, ct);
        }
    }

    // ---- while held ----------------------------------------------------------------------------------------------

    private async Task RenewWhileHeldAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.RemoteLockRenewInterval, _time, _stopRenewal.Token);
                try
                {
                    await RenewAsync(_stopRenewal.Token);
                }
                catch (LockLostException)
                {
                    return;
                }
                catch (Exception e) when (e is RemoteException or SyncException or IOException)
                {
                    // The target is away for a moment; the sync itself retries or fails, and the next renewal tries again.
                    LogRenewalFailed(_logger, _remote.Root, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (_stopRenewal.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Before the commit: the lock is still this sync's, and renewed now, so nobody can have found it stale and started
    /// writing beside it. Throws <see cref="SyncException"/> with <see cref="SyncErrorKind.RemoteLocked"/> otherwise.
    /// </summary>
    public async Task EnsureHeldAsync(CancellationToken ct)
    {
        try
        {
            await RenewAsync(ct);
        }
        catch (LockLostException e)
        {
            throw new SyncException(SyncErrorKind.RemoteLocked, e.Message);
        }
        if (Exclusive || (await ListOthersAsync(ct)).Live is not { } other)
            return;
        // Another live lock file: a racer that wrote its own, will see ours and back off, or a sync that found ours
        // stale and is about to write. The latter deletes ours right after its listing; a racer never does.
        await Task.Delay(_options.RemoteLockPollInterval * 3, _time, ct);
        if (await _remote.ReadAllAsync(_path, ct) is not { } content || Parse(content)?.Token != Token)
        {
            _lost.Cancel();
            throw new SyncException(SyncErrorKind.RemoteLocked, $"Another sync took over the remote folder's lock ({other.Describe()}); this sync stopped before its commit.");
        }
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            var current = await _remote.ReadAllAsync(_path, ct);
            if (current is null || Parse(current)?.Token != Token)
            {
                var holder = current is null ? null : Parse(current);
                _lost.Cancel();
                throw new LockLostException(holder is null
                    ? "The remote folder's lock of this sync disappeared while it ran; it stopped rather than write beside another sync."
                    : $"Another sync took over the remote folder's lock ({holder.Describe()}); this sync stopped rather than write beside it.");
            }
            _record = _record with { RenewedAt = _time.GetUtcNow() };
            var content = Serialize(_record);
            if (Exclusive)
            {
                // Replaced whole where the target can; elsewhere a reader may catch it half written, which it treats as live.
                if (_remote.Capabilities.AtomicWrites || !_remote.Capabilities.AtomicRenameReplace)
                    await _remote.Retry.RunAsync(c => _remote.Transport.WriteAsync(_path, new MemoryStream(content), WriteMode.Replace, c), ct);
                else
                    await _remote.ReplaceWholeAsync(_path, content, ct);
                return;
            }
            // restic renews by writing a new lock file and removing the old one: no target needs to replace a file.
            var renewed = _remote.LockFile(Token, ++_renewals);
            _written.Add(renewed);
            await _remote.WriteWholeAsync(renewed, content, ct);
            var old = _path;
            _path = renewed;
            await _remote.DeleteFileAsync(old, ct);
            _written.Remove(old);
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopRenewal.CancelAsync();
        await _renewal;
        if (IsLost)
            return;
        try
        {
            if (!Exclusive)
            {
                // Named by this sync's token, each is this sync's own.
                foreach (var path in _written)
                    await _remote.DeleteFileAsync(path, CancellationToken.None);
            }
            // A lock that is not ours any more stays: it is the new holder's.
            else if (await _remote.ReadAllAsync(_path, CancellationToken.None) is { } content && Parse(content)?.Token == Token)
                await _remote.DeleteFileAsync(_path, CancellationToken.None);
        }
        catch (Exception e) when (e is RemoteException or SyncException or IOException)
        {
            LogReleaseFailed(_logger, _remote.Root, e.Message);
        }
        _lost.Dispose();
        _stopRenewal.Dispose();
        _writing.Dispose();
    }

    private SyncException Busy(LockRecord? holder) => new(SyncErrorKind.RemoteLocked, holder is null
        ? $"The remote folder is locked by a sync whose lock file cannot be read yet; this sync stopped after waiting {_options.RemoteLockWait.TotalSeconds:0} s."
        : $"The remote folder is locked by {holder.Describe()}; this sync stopped after waiting {_options.RemoteLockWait.TotalSeconds:0} s. " +
          $"The lock is free when that sync ends, and is taken over once it has not been renewed for {_options.RemoteLockStaleAfter.TotalMinutes:0} minutes " +
          "(at once when its process on that host is gone).");

    private static byte[] Serialize(LockRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, ProtocolJson.Default.LockRecord);

    public static LockRecord? Parse(byte[] content)
    {
        try
        {
            return JsonSerializer.Deserialize(content, ProtocolJson.Default.LockRecord) is { Token.Length: > 0 } record ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class LockLostException(string message) : Exception(message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking over the stale lock of remote folder {Folder}: {Holder}")]
    private static partial void LogTakingOver(ILogger logger, string folder, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lock of remote folder {Folder} failed: {Reason}")]
    private static partial void LogRenewalFailed(ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the lock of remote folder {Folder} failed ({Reason}); it goes stale on its own")]
    private static partial void LogReleaseFailed(ILogger logger, string folder, string reason);
}
