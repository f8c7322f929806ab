using System.Collections.Concurrent;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace SyncConfig.Transports.S3.Uploads;

/// <summary>
/// Writes objects: one PUT up to the part size, a multipart upload above it with parts sent in parallel from a bounded
/// set of buffers. An interrupted multipart upload is never started over blindly: a repeated write of the same key
/// (the engine's retry, or the next sync after a kill) continues the newest upload still in progress, re-sending only
/// the parts whose ETag (the part's MD5) differs from the MD5 of the same local bytes. The content is read whole all
/// the same, so the engine's hash of it is complete; only the network is spared.
/// </summary>
internal sealed class ObjectWriter(
    IAmazonS3 client, S3Target target, S3TransportOptions options, PartBuffers buffers, MultipartUploads uploads, Client.S3Errors errors)
{
    /// <summary>Parts an upload found already stored and did not send again, counted for the tests of resumption.</summary>
    public long PartsReused => Interlocked.Read(ref _partsReused);
    private long _partsReused;

    public long PartsSent => Interlocked.Read(ref _partsSent);
    private long _partsSent;

    public async Task WriteAsync(string key, Stream content, WriteMode mode, CancellationToken ct)
    {
        // The engine's files know their length; a manifest serialized while it is sent does not.
        var length = KnownLength(content);
        var partSize = options.PartSizeFor(length ?? 0);
        var first = await buffers.RentAsync(partSize, ct);
        var handedOver = false;
        try
        {
            var read = await content.ReadAtLeastAsync(first.AsMemory(0, (int)partSize), (int)partSize, throwOnEndOfStream: false, ct);
            if (read < partSize || length == read)
            {
                if (length is { } expected && read != expected)
                    throw EndedEarly(key);
                await PutAsync(key, first, read, mode == WriteMode.CreateNew, ct);
                return;
            }
            var (uploadId, reusable) = await ContinueOrStartAsync(key, ct);
            handedOver = true;
            await UploadPartsAsync(key, uploadId, content, length, (first, read), reusable, mode == WriteMode.CreateNew, ct);
        }
        finally
        {
            if (!handedOver)
                buffers.Return(first);
        }
    }

    private Task PutAsync(string key, byte[] buffer, int size, bool ifNoneMatch, CancellationToken ct) =>
        client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = target.Bucket,
            Key = key,
            InputStream = new MemoryStream(buffer, 0, size, writable: false),
            AutoCloseStream = false,
            // aws-chunked streaming is refused by Swift and stored verbatim by some other stores.
            UseChunkEncoding = false,
            IfNoneMatch = ifNoneMatch ? "*" : null,
        }, ct);

    /// <summary>The newest upload of the key still in progress, with its parts, or a new upload.</summary>
    private async Task<(string UploadId, IReadOnlyDictionary<int, PartDetail>? Reusable)> ContinueOrStartAsync(string key, CancellationToken ct)
    {
        var earlier = await uploads.OfKeyAsync(key, ct);
        foreach (var older in earlier.Skip(1))
            await uploads.AbortAsync(key, older.UploadId, ct);
        if (earlier.Count > 0)
        {
            var parts = await ListPartsAsync(key, earlier[0].UploadId, ct);
            if (parts.Count > 0)
                return (earlier[0].UploadId, parts.ToDictionary(p => p.PartNumber ?? 0));
            await uploads.AbortAsync(key, earlier[0].UploadId, ct);
        }
        var started = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = target.Bucket, Key = key }, ct);
        uploads.Started(key, started.UploadId, DateTime.UtcNow);
        return (started.UploadId, null);
    }

    /// <summary>
    /// Sends the parts of <paramref name="content"/> (the first one already read into <paramref name="first"/>) and
    /// completes the upload. Parts are read one after another (the content hashes as it is read) and sent in parallel; a part whose
    /// earlier copy in <paramref name="reusable"/> has the same MD5 is not sent again.
    /// </summary>
    /// <param name="total">The length the upload will have, when the content knows its own.</param>
    private async Task UploadPartsAsync(string key, string uploadId, Stream content, long? total,
        (byte[] Buffer, int Size)? first, IReadOnlyDictionary<int, PartDetail>? reusable, bool ifNoneMatch, CancellationToken ct)
    {
        var partSize = options.PartSizeFor(total ?? 0);
        var etags = new ConcurrentBag<PartETag>();
        long offset = 0;
        var sending = new List<Task>();
        using var slots = new SemaphoreSlim(options.ParallelParts, options.ParallelParts);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            for (var number = 1; ; number++)
            {
                var (buffer, size) = first ?? (await buffers.RentAsync(partSize, stop.Token), 0);
                var handedOver = false;
                try
                {
                    if (first is null)
                        size = await content.ReadAtLeastAsync(buffer.AsMemory(0, (int)partSize), (int)partSize, throwOnEndOfStream: false, stop.Token);
                    first = null;
                    if (size == 0)
                        break;
                    offset += size;
                    if (reusable is not null && reusable.TryGetValue(number, out var earlier) && earlier.Size == size && SameContent(earlier.ETag, buffer, size))
                    {
                        etags.Add(new PartETag(number, earlier.ETag));
                        Interlocked.Increment(ref _partsReused);
                    }
                    else
                    {
                        await slots.WaitAsync(stop.Token);
                        sending.Add(SendPartAsync(key, uploadId, number, buffer, size, etags, slots, stop));
                        handedOver = true;
                    }
                    if (size < partSize)
                        break;
                }
                finally
                {
                    if (!handedOver)
                        buffers.Return(buffer);
                }
            }
            if (total is { } expected && offset != expected)
                throw EndedEarly(key);
            await Task.WhenAll(sending);
        }
        catch (Exception e)
        {
            await stop.CancelAsync();
            await Task.WhenAll(sending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // A part's failure: the first one, not the cancellations it caused in the others. A failure of the upload's own
            // (the local file ended early, or could not be read) is the cause even when parts in flight failed meanwhile:
            // the upload cannot go on, whatever became of them.
            var failedParts = sending.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).ToList();
            var ofAPart = e is OperationCanceledException || failedParts.Contains(e);
            var cause = ofAPart ? failedParts.FirstOrDefault(x => x is not OperationCanceledException) ?? e : e;
            // A dropped connection leaves the upload for the retry (or the next sync) to continue; anything else ends it.
            if (!ct.IsCancellationRequested && !errors.Classify(cause, "").IsTransient)
                await uploads.AbortQuietlyAsync(key, uploadId);
            if (cause == e)
                throw;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
        }
        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = target.Bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = [.. etags.OrderBy(p => p.PartNumber)],
            IfNoneMatch = ifNoneMatch ? "*" : null,
        }, ct);
        uploads.Ended(key, uploadId);
    }

    private async Task SendPartAsync(string key, string uploadId, int number, byte[] buffer, int size, ConcurrentBag<PartETag> etags,
        SemaphoreSlim slots, CancellationTokenSource stop)
    {
        try
        {
            var sent = await client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = target.Bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = number,
                PartSize = size,
                InputStream = new MemoryStream(buffer, 0, size, writable: false),
                UseChunkEncoding = false,
            }, stop.Token);
            etags.Add(new PartETag(number, sent.ETag));
            Interlocked.Increment(ref _partsSent);
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            buffers.Return(buffer);
            slots.Release();
        }
    }

    private async Task<List<PartDetail>> ListPartsAsync(string key, string uploadId, CancellationToken ct)
    {
        var parts = new List<PartDetail>();
        var request = new ListPartsRequest { BucketName = target.Bucket, Key = key, UploadId = uploadId };
        try
        {
            while (true)
            {
                var page = await client.ListPartsAsync(request, ct);
                parts.AddRange(page.Parts ?? []);
                if (page.IsTruncated != true || page.NextPartNumberMarker is null)
                    return parts;
                request.PartNumberMarker = page.NextPartNumberMarker.ToString();
            }
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
        {
            // Completed or aborted since the index was read.
            uploads.Ended(key, uploadId);
            return [];
        }
    }

    /// <summary>A part's ETag is the MD5 of its bytes (S3 and every compatible store for unencrypted parts).</summary>
    private static bool SameContent(string? etag, byte[] buffer, int size) =>
        etag is not null && etag.Trim('"').Equals(Convert.ToHexStringLower(MD5.HashData(buffer.AsSpan(0, size))), StringComparison.OrdinalIgnoreCase);

    private static long? KnownLength(Stream content)
    {
        try
        {
            return content.Length - content.Position;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Not an I/O error of the connection: the local file shrank while it was read (a backup wrote to it).</summary>
    private static InvalidDataException EndedEarly(string key) => new($"The local content for '{key}' ended before its length; nothing was completed.");
}
