using System.Collections.Concurrent;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace SyncConfig.Transports.S3.Uploads;

/// <summary>
/// Writes objects: one PUT up to the part size, a multipart upload above it with parts sent in parallel from a bounded
/// set of buffers. An interrupted multipart upload is never started over blindly: a repeated write of the same key
/// continues the newest upload still in progress, re-sending only the parts whose ETag (the part's MD5) differs from
/// the MD5 of the same local bytes; <see cref="VerifiedResumeOffsetAsync"/> offers the same check to the engine.
/// </summary>
internal sealed class ObjectWriter(
    IAmazonS3 client, S3Target target, S3TransportOptions options, PartBuffers buffers, MultipartUploads uploads, Client.S3Errors errors)
{
    /// <summary>The verified prefix of an interrupted upload, kept for the <see cref="WriteMode.Append"/> that continues it.</summary>
    private sealed record ResumePoint(string UploadId, List<PartETag> Kept, long Offset);

    private readonly ConcurrentDictionary<string, ResumePoint> _resumePoints = new(StringComparer.Ordinal);

    /// <summary>Parts of this upload that were already sent, counted for progress and for the tests of resumption.</summary>
    public long PartsReused => Interlocked.Read(ref _partsReused);
    private long _partsReused;

    public long PartsSent => Interlocked.Read(ref _partsSent);
    private long _partsSent;

    public async Task WriteAsync(string key, Stream content, WriteMode mode, CancellationToken ct)
    {
        // The engine's files know their length; a manifest serialized while it is sent does not.
        var length = KnownLength(content);
        if (mode == WriteMode.Append)
        {
            if (!_resumePoints.TryRemove(key, out var point))
                throw new InvalidOperationException($"Append to '{key}' without a verified resume offset: call VerifiedResumeOffsetAsync first.");
            await UploadPartsAsync(key, point.UploadId, content, point.Offset + length, point.Offset, point.Kept, null, reusable: null, ifNoneMatch: false, ct);
            return;
        }
        if (_resumePoints.TryRemove(key, out var unused))
            await uploads.AbortQuietlyAsync(key, unused.UploadId);
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
            await UploadPartsAsync(key, uploadId, content, length, 0, [], (first, read), reusable, mode == WriteMode.CreateNew, ct);
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
    /// Sends the parts from <paramref name="offset"/> to the end of <paramref name="content"/> (numbered after
    /// <paramref name="kept"/>, the first one already read when <paramref name="first"/> is given) and completes the
    /// upload. Parts are read one after another (the content hashes as it is read) and sent in parallel; a part whose
    /// earlier copy in <paramref name="reusable"/> has the same MD5 is not sent again.
    /// </summary>
    /// <param name="total">The length the upload will have, when the content knows its own.</param>
    private async Task UploadPartsAsync(string key, string uploadId, Stream content, long? total, long offset, List<PartETag> kept,
        (byte[] Buffer, int Size)? first, IReadOnlyDictionary<int, PartDetail>? reusable, bool ifNoneMatch, CancellationToken ct)
    {
        var partSize = options.PartSizeFor(total ?? 0);
        var etags = new ConcurrentBag<PartETag>(kept);
        var sending = new List<Task>();
        using var slots = new SemaphoreSlim(options.ParallelParts, options.ParallelParts);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            for (var number = kept.Count + 1; ; number++)
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
            // The first part's failure, not the cancellations it caused in the others.
            var cause = sending.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(x => x is not OperationCanceledException) ?? e;
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

    /// <summary>
    /// The verified prefix of the newest upload of the key in progress: its leading parts, in order, whose ETags equal the
    /// MD5 of the same local bytes. Everything after is forgotten (re-sent parts replace those numbers; parts left out
    /// of the completion are discarded by the store). No upload, or no matching first part: 0, and the upload is aborted.
    /// </summary>
    public async Task<long> VerifiedResumeOffsetAsync(string key, long length, Func<long, long, Stream> openLocalRange, CancellationToken ct)
    {
        if (_resumePoints.TryRemove(key, out var stale))
            await uploads.AbortQuietlyAsync(key, stale.UploadId);
        var earlier = await uploads.OfKeyAsync(key, ct);
        if (earlier.Count == 0)
            return 0;
        foreach (var older in earlier.Skip(1))
            await uploads.AbortAsync(key, older.UploadId, ct);
        var uploadId = earlier[0].UploadId;
        var parts = await ListPartsAsync(key, uploadId, ct);
        var kept = new List<PartETag>();
        long offset = 0;
        if (parts.Count > 0)
        {
            var largest = parts.Max(p => p.Size ?? 0);
            var buffer = await buffers.RentAsync(Math.Max(largest, 1), ct);
            try
            {
                await using var local = openLocalRange(0, length);
                foreach (var part in parts.OrderBy(p => p.PartNumber))
                {
                    var size = part.Size ?? 0;
                    // In order, non-empty, inside the file, and big enough to be followed by more parts.
                    if (part.PartNumber != kept.Count + 1 || size <= 0 || offset + size > length || size < S3TransportOptions.MinPartSize && offset + size < length)
                        break;
                    if (await local.ReadAtLeastAsync(buffer.AsMemory(0, (int)size), (int)size, throwOnEndOfStream: false, ct) != size
                        || !SameContent(part.ETag, buffer, (int)size))
                        break;
                    kept.Add(new PartETag(part.PartNumber!.Value, part.ETag));
                    offset += size;
                }
            }
            finally
            {
                buffers.Return(buffer);
            }
        }
        if (kept.Count == 0)
        {
            await uploads.AbortAsync(key, uploadId, ct);
            return 0;
        }
        Interlocked.Add(ref _partsReused, kept.Count);
        _resumePoints[key] = new ResumePoint(uploadId, kept, offset);
        return offset;
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
