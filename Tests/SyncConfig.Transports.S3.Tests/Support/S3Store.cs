using Amazon.S3;
using Amazon.S3.Model;
using SyncConfig.Transports.S3.Client;

namespace SyncConfig.Transports.S3.Tests.Support;

/// <summary>
/// The test server reached around the transport, through the same client configuration: to leave behind what a killed
/// sync leaves (an upload with some parts), and to see what the transport left (uploads in progress, objects).
/// </summary>
public sealed class S3Store : IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly IDisposable _http;

    public S3Store(string rootPath)
    {
        Target = S3TestServer.Target(rootPath);
        (_client, _http) = S3ClientFactory.Create(Target, S3TransportOptions.Default, new S3CertificateCheck(Target.Endpoint.Url, Target.CertificateSha256));
    }

    public S3Target Target { get; }

    public IAmazonS3 Client => _client;

    /// <summary>Keys of the uploads in progress under the root path.</summary>
    public async Task<List<string>> UploadsInProgressAsync()
    {
        var page = await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Target.Bucket, Prefix = Target.RootPrefix });
        return (page.MultipartUploads ?? []).Select(u => Target.PathOf(u.Key)).ToList();
    }

    /// <summary>What a sync killed mid-upload leaves: an upload of <paramref name="path"/> holding the first parts of <paramref name="content"/>.</summary>
    public async Task<string> LeaveInterruptedUploadAsync(string path, byte[] content, int partSize, int parts)
    {
        var started = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Target.Bucket, Key = Target.Key(path) });
        for (var i = 0; i < parts; i++)
        {
            await _client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = Target.Bucket,
                Key = Target.Key(path),
                UploadId = started.UploadId,
                PartNumber = i + 1,
                InputStream = new MemoryStream(content, i * partSize, Math.Min(partSize, content.Length - i * partSize)),
                UseChunkEncoding = false,
            });
        }
        return started.UploadId;
    }

    public async Task DeleteEverythingAsync()
    {
        foreach (var path in await UploadsInProgressAsync())
        {
            var page = await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Target.Bucket, Prefix = Target.Key(path) });
            foreach (var upload in page.MultipartUploads ?? [])
                await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Target.Bucket, Key = upload.Key, UploadId = upload.UploadId });
        }
        var objects = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Target.Bucket, Prefix = Target.RootPrefix });
        foreach (var item in objects.S3Objects ?? [])
            await _client.DeleteObjectAsync(Target.Bucket, item.Key);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }
}
