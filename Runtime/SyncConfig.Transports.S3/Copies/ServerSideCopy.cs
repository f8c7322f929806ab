using Amazon.S3;
using Amazon.S3.Model;
using SyncConfig.Transports.S3.Uploads;

namespace SyncConfig.Transports.S3.Copies;

/// <summary>
/// S3 has no rename: a staged file is promoted by a copy on the server. Up to <see cref="S3TransportOptions.SingleCopyLimit"/>
/// (S3's 5 GiB) that is one CopyObject; above it a multipart upload whose parts are ranges of the source
/// (<c>UploadPartCopy</c>), copied in parallel. Either way the destination appears whole or not at all.
/// </summary>
internal sealed class ServerSideCopy(IAmazonS3 client, S3Target target, S3TransportOptions options, MultipartUploads uploads)
{
    public async Task CopyAsync(string sourceKey, string destinationKey, long length, CancellationToken ct)
    {
        if (length <= options.SingleCopyLimit)
        {
            await client.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = target.Bucket,
                SourceKey = sourceKey,
                DestinationBucket = target.Bucket,
                DestinationKey = destinationKey,
            }, ct);
            return;
        }
        var started = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = target.Bucket, Key = destinationKey }, ct);
        uploads.Started(destinationKey, started.UploadId, DateTime.UtcNow);
        var partSize = options.CopyPartSizeFor(length);
        var count = (int)((length + partSize - 1) / partSize);
        try
        {
            var etags = new PartETag[count];
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.ParallelParts, CancellationToken = ct }, async (index, c) =>
            {
                var first = index * partSize;
                var copied = await client.CopyPartAsync(new CopyPartRequest
                {
                    SourceBucket = target.Bucket,
                    SourceKey = sourceKey,
                    DestinationBucket = target.Bucket,
                    DestinationKey = destinationKey,
                    UploadId = started.UploadId,
                    PartNumber = index + 1,
                    FirstByte = first,
                    LastByte = Math.Min(first + partSize, length) - 1,
                }, c);
                etags[index] = new PartETag(index + 1, copied.ETag);
            });
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = target.Bucket,
                Key = destinationKey,
                UploadId = started.UploadId,
                PartETags = [.. etags],
            }, ct);
            uploads.Ended(destinationKey, started.UploadId);
        }
        catch
        {
            // A copy is repeated from the start (it costs no upload): the parts of this attempt are no use to anyone.
            await uploads.AbortQuietlyAsync(destinationKey, started.UploadId);
            throw;
        }
    }
}
