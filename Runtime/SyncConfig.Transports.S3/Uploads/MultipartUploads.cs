using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using SyncConfig.Transports.S3.Client;

namespace SyncConfig.Transports.S3.Uploads;

/// <summary>
/// The multipart uploads in progress under the root path: those a killed or disconnected sync left (read once, with
/// one listing, when first needed) and those this transport starts. An upload is continued when its key is written
/// again, and aborted when its key or folder is deleted, so no parts stay behind to cost storage. An abort that fails
/// (the network is down) is remembered and tried again on the next delete and when the transport closes; a sync that
/// never gets to it leaves the upload to the next one's listing.
/// </summary>
internal sealed partial class MultipartUploads(IAmazonS3 client, S3Target target, ILogger logger)
{
    private readonly Dictionary<string, List<MultipartUpload>> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<(string Key, string UploadId)> _abortLater = [];
    private readonly SemaphoreSlim _loading = new(1, 1);
    private bool _loaded;

    /// <summary>The uploads of a key in progress, newest first.</summary>
    public async Task<IReadOnlyList<MultipartUpload>> OfKeyAsync(string key, CancellationToken ct)
    {
        await EnsureLoadedAsync(ct);
        lock (_byKey)
            return _byKey.TryGetValue(key, out var uploads) ? uploads.OrderByDescending(u => u.Initiated).ToList() : [];
    }

    public void Started(string key, string uploadId, DateTime initiated)
    {
        lock (_byKey)
        {
            if (!_byKey.TryGetValue(key, out var uploads))
                _byKey[key] = uploads = [];
            uploads.Add(new MultipartUpload { Key = key, UploadId = uploadId, Initiated = initiated });
        }
    }

    /// <summary>The upload was completed or aborted: it holds no parts any more.</summary>
    public void Ended(string key, string uploadId)
    {
        lock (_byKey)
        {
            if (_byKey.TryGetValue(key, out var uploads) && uploads.RemoveAll(u => u.UploadId == uploadId) > 0 && uploads.Count == 0)
                _byKey.Remove(key);
            _abortLater.Remove((key, uploadId));
        }
    }

    /// <summary>Aborts every upload of the key (deleting a file discards its interrupted write too).</summary>
    public async Task AbortKeyAsync(string key, CancellationToken ct)
    {
        await RetryLaterAbortsAsync(ct);
        foreach (var upload in await OfKeyAsync(key, ct))
            await AbortAsync(key, upload.UploadId, ct);
    }

    /// <summary>
    /// Aborts every upload under the prefix, asking the store rather than the index: deleting a folder is rare, and this
    /// also finds uploads that another process started after the index was read.
    /// </summary>
    public async Task AbortUnderAsync(string prefix, CancellationToken ct)
    {
        await RetryLaterAbortsAsync(ct);
        await foreach (var upload in ListAsync(prefix, ct))
            await AbortAsync(upload.Key, upload.UploadId, ct);
        lock (_byKey)
        {
            foreach (var key in _byKey.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
                _byKey.Remove(key);
        }
    }

    public async Task AbortAsync(string key, string uploadId, CancellationToken ct)
    {
        try
        {
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = target.Bucket, Key = key, UploadId = uploadId }, ct);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload" || e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already completed or aborted (a repeated call after a lost reply).
        }
        Ended(key, uploadId);
    }

    /// <summary>Abort without failing the caller: an upload given up after an error. A failed abort is tried again later.</summary>
    public async Task AbortQuietlyAsync(string key, string uploadId)
    {
        try
        {
            await AbortAsync(key, uploadId, CancellationToken.None);
        }
        catch (Exception e) when (S3Errors.IsRemoteFailure(e, CancellationToken.None))
        {
            lock (_byKey)
                _abortLater.Add((key, uploadId));
            LogAbortPostponed(logger, key, e.Message);
        }
    }

    /// <summary>Aborts that failed before; the ones that fail again stay for the next try.</summary>
    public async Task RetryLaterAbortsAsync(CancellationToken ct)
    {
        List<(string Key, string UploadId)> pending;
        lock (_byKey)
            pending = [.. _abortLater];
        foreach (var (key, uploadId) in pending)
        {
            ct.ThrowIfCancellationRequested();
            await AbortQuietlyAsync(key, uploadId);
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _loaded))
            return;
        await _loading.WaitAsync(ct);
        try
        {
            if (_loaded)
                return;
            await foreach (var upload in ListAsync(target.RootPrefix, ct))
            {
                lock (_byKey)
                {
                    if (!_byKey.TryGetValue(upload.Key, out var uploads))
                        _byKey[upload.Key] = uploads = [];
                    if (uploads.All(u => u.UploadId != upload.UploadId))
                        uploads.Add(upload);
                }
            }
            Volatile.Write(ref _loaded, true);
        }
        finally
        {
            _loading.Release();
        }
    }

    public async IAsyncEnumerable<MultipartUpload> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListMultipartUploadsRequest { BucketName = target.Bucket, Prefix = prefix };
        while (true)
        {
            var page = await client.ListMultipartUploadsAsync(request, ct);
            // SDK v4 gives null, not an empty list, for a page without uploads.
            foreach (var upload in page.MultipartUploads ?? [])
                yield return upload;
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextKeyMarker) && string.IsNullOrEmpty(page.NextUploadIdMarker))
                yield break;
            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aborting the multipart upload of {Key} failed ({Reason}); it is tried again later")]
    private static partial void LogAbortPostponed(ILogger logger, string key, string reason);
}
