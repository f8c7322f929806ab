using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SyncConfig.Transports.S3.Client;
using SyncConfig.Transports.S3.Copies;
using SyncConfig.Transports.S3.Providers;
using SyncConfig.Transports.S3.Uploads;

namespace SyncConfig.Transports.S3;

/// <summary>
/// Amazon S3 or a compatible store. Transport paths are object keys under the root path; there are no folders, no
/// rename (promotion is a server-side copy) and no partial objects (a write appears whole when its PUT or multipart
/// upload completes). Durable: an acknowledged write is stored. Exclusive create is <c>If-None-Match: *</c>, offered
/// only where the provider honours it (probed at connect for all but Amazon).
/// </summary>
public sealed partial class S3Transport : IRemoteTransport
{
    private static readonly TransportCapabilities ObjectStore = new()
    {
        ServerSideCopy = true, AtomicWrites = true, Durable = true,
    };

    private const int DeleteBatch = 1000;
    private readonly S3Target _target;
    private readonly AmazonS3Client _client;
    private readonly IDisposable _http;
    private readonly S3Errors _errors;
    private readonly PartBuffers _buffers;
    private readonly MultipartUploads _uploads;
    private readonly ObjectWriter _writer;
    private readonly ServerSideCopy _copy;
    private readonly ILogger _logger;
    private readonly S3TransportOptions _options;

    public S3Transport(S3Target target, S3TransportOptions? options = null, ILogger? logger = null)
    {
        options ??= S3TransportOptions.Default;
        _options = options;
        _target = target;
        _logger = logger ?? NullLogger.Instance;
        var certificates = new S3CertificateCheck(target.Endpoint.Url, target.CertificateSha256);
        (_client, _http) = S3ClientFactory.Create(target, options, certificates);
        _errors = new S3Errors(target, certificates);
        _buffers = new PartBuffers(options.BufferedParts);
        _uploads = new MultipartUploads(_client, target, _logger);
        _writer = new ObjectWriter(_client, target, options, _buffers, _uploads, _errors);
        _copy = new ServerSideCopy(_client, target, options, _uploads);
        Capabilities = ObjectStore with { ExclusiveCreate = target.Provider.ConditionalWrites == ConditionalWrites.Honoured };
    }

    /// <summary>Exclusive create is settled by <see cref="ConnectAsync"/> where the provider's support must be probed.</summary>
    public TransportCapabilities Capabilities { get; private set; }

    public string DisplayName => _target.ToString();

    /// <summary>Parts an upload did not send again because the store already held them (resumed uploads).</summary>
    public long PartsReused => _writer.PartsReused;

    /// <summary>Parts sent over the network.</summary>
    public long PartsSent => _writer.PartsSent;

    public async Task ConnectAsync(CancellationToken ct)
    {
        // One listing proves the endpoint, the keys, the region and the bucket, each failing with its own message.
        await Run("opening the bucket", ct, () =>
            _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _target.Bucket, Prefix = _target.RootPrefix, MaxKeys = 1 }, ct));
        if (_target.Provider.ConditionalWrites == ConditionalWrites.Probe)
            Capabilities = Capabilities with { ExclusiveCreate = await Run("probing conditional writes", ct, () => HonoursIfNoneMatchAsync(ct)) };
    }

    /// <summary>
    /// Writes a scratch object, then writes it again with <c>If-None-Match: *</c>: a store that honours the header refuses
    /// (412); one that does not implement it says so (501, or 400); one that ignores it overwrites, which is no exclusive
    /// create either. The scratch object is deleted. This also proves the keys may write and delete.
    /// </summary>
    private async Task<bool> HonoursIfNoneMatchAsync(CancellationToken ct)
    {
        var key = _target.Key(".syncconfig-probe-" + Guid.NewGuid().ToString("N"));
        await _client.PutObjectAsync(Scratch(key, ifNoneMatch: false), ct);
        try
        {
            await _client.PutObjectAsync(Scratch(key, ifNoneMatch: true), ct);
            LogConditionalWrites(_logger, DisplayName, "ignored");
            return false;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            LogConditionalWrites(_logger, DisplayName, "honoured");
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.NotImplemented or HttpStatusCode.BadRequest)
        {
            LogConditionalWrites(_logger, DisplayName, "not implemented");
            return false;
        }
        finally
        {
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _target.Bucket, Key = key }, CancellationToken.None);
        }
    }

    private PutObjectRequest Scratch(string key, bool ifNoneMatch) => new()
    {
        BucketName = _target.Bucket, Key = key, ContentBody = "", UseChunkEncoding = false, IfNoneMatch = ifNoneMatch ? "*" : null,
    };

    /// <summary>A HEAD of the exact key: never a listing, whose results may lag behind writes on some stores.</summary>
    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken ct) => Run($"reading the size of '{path}'", ct, async () =>
    {
        try
        {
            var head = await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _target.Bucket, Key = _target.Key(path) }, ct);
            return new RemoteFileInfo(path, head.ContentLength);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return (RemoteFileInfo?)null;
        }
    });

    public Task<bool> FolderExistsAsync(string path, CancellationToken ct) => path.Length == 0
        ? Task.FromResult(true)
        : Run($"looking for '{path}'", ct, async () =>
        {
            var page = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _target.Bucket, Prefix = _target.FolderPrefix(path), MaxKeys = 1 }, ct);
            return page.S3Objects is { Count: > 0 };
        });

    /// <summary>One paginated ListObjectsV2 pass (up to 1,000 keys a request): sizes come with the listing, no request per object.</summary>
    public async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = _target.Bucket, Prefix = _target.FolderPrefix(folder), MaxKeys = _options.ListPageSize };
        while (true)
        {
            var page = await Run($"listing '{folder}'", ct, () => _client.ListObjectsV2Async(request, ct));
            foreach (var item in page.S3Objects ?? [])
            {
                // Zero-length keys ending in '/' are folder markers that consoles create, not files.
                if (!item.Key.EndsWith('/'))
                    yield return new RemoteFileInfo(_target.PathOf(item.Key), item.Size ?? 0);
            }
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
                yield break;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken ct) => Run($"reading '{path}'", ct, async () =>
    {
        var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _target.Bucket, Key = _target.Key(path) }, ct);
        return response.ResponseStream;
    });

    public Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct)
    {
        if (mode == WriteMode.CreateNew && !Capabilities.ExclusiveCreate)
            throw new InvalidOperationException($"{DisplayName} does not create objects exclusively; the engine must use its lock-file fallback.");
        if (mode == WriteMode.Append)
            throw new NotSupportedException("S3 offers no append; a repeated Replace write continues an interrupted upload.");
        return Run($"writing '{path}'", ct, async () =>
        {
            await _writer.WriteAsync(_target.Key(path), content, mode, ct);
            return true;
        });
    }

    /// <summary>No partial object ever shows, so there is nothing to append to: a repeated write resumes by itself.</summary>
    public Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken ct) =>
        throw new NotSupportedException("S3 resumes an interrupted upload inside the repeated write; it offers no append.");

    public Task RenameAsync(string source, string destination, bool replace, CancellationToken ct) =>
        throw new NotSupportedException("S3 has no rename; the engine promotes staged files with a server-side copy.");

    public Task CopyAsync(string source, string destination, CancellationToken ct) => Run($"copying '{source}' to '{destination}'", ct, async () =>
    {
        var head = await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _target.Bucket, Key = _target.Key(source) }, ct);
        await _copy.CopyAsync(_target.Key(source), _target.Key(destination), head.ContentLength, ct);
        return true;
    });

    /// <summary>
    /// The paths under <paramref name="folder"/> with a multipart upload in progress (parts stored, costing space,
    /// invisible in listings): what an administrator checks, and the tests, for uploads no sync will continue.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListInterruptedUploadsAsync(string folder, CancellationToken ct)
    {
        var paths = new List<string>();
        var uploads = _uploads.ListAsync(_target.FolderPrefix(folder), ct).GetAsyncEnumerator(ct);
        try
        {
            while (await Run($"listing the interrupted uploads under '{folder}'", ct, () => uploads.MoveNextAsync().AsTask()))
                paths.Add(_target.PathOf(uploads.Current.Key));
        }
        finally
        {
            await uploads.DisposeAsync();
        }
        return paths;
    }

    /// <summary>Deletes the object and aborts any interrupted upload of the same key.</summary>
    public Task DeleteFileAsync(string path, CancellationToken ct) => Run($"deleting '{path}'", ct, async () =>
    {
        var key = _target.Key(path);
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _target.Bucket, Key = key }, ct);
        await _uploads.AbortKeyAsync(key, ct);
        return true;
    });

    /// <summary>Deletes every object under the folder, 1,000 to a request, and aborts every upload in progress under it.</summary>
    public Task DeleteFolderAsync(string path, CancellationToken ct) => Run($"deleting '{path}'", ct, async () =>
    {
        var batch = new List<KeyVersion>(DeleteBatch);
        await foreach (var file in ListFilesAsync(path, ct))
        {
            batch.Add(new KeyVersion { Key = _target.Key(file.Path) });
            if (batch.Count == DeleteBatch)
                await DeleteObjectsAsync(batch, ct);
        }
        await DeleteObjectsAsync(batch, ct);
        await _uploads.AbortUnderAsync(_target.FolderPrefix(path), ct);
        return true;
    });

    private async Task DeleteObjectsAsync(List<KeyVersion> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
            return;
        var response = await _client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = _target.Bucket, Objects = [.. batch], Quiet = true }, ct);
        batch.Clear();
        if (response.DeleteErrors is { Count: > 0 } errors)
        {
            var first = errors[0];
            throw new AmazonS3Exception($"{errors.Count} objects were not deleted; the first, '{first.Key}': {first.Message}")
            {
                ErrorCode = first.Code,
                StatusCode = first.Code == "AccessDenied" ? HttpStatusCode.Forbidden : HttpStatusCode.InternalServerError,
            };
        }
    }

    /// <summary>Objects need no folders, so there is none to remove.</summary>
    public Task RemoveEmptyFolderAsync(string path, CancellationToken ct) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Aborts that failed while the network was down get one more chance; what still fails, the next sync finds.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _uploads.RetryLaterAbortsAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        _client.Dispose();
        _http.Dispose();
        _buffers.Dispose();
    }

    private async Task<T> Run<T>(string doing, CancellationToken ct, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception e) when (S3Errors.IsRemoteFailure(e, ct))
        {
            throw _errors.Classify(e, doing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Store}: conditional writes (If-None-Match) {Outcome}")]
    private static partial void LogConditionalWrites(ILogger logger, string store, string outcome);
}
