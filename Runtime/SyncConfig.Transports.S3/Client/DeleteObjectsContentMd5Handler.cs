using System.Security.Cryptography;

namespace SyncConfig.Transports.S3.Client;

/// <summary>
/// Adds <c>Content-MD5</c> to multi-object deletes (<c>POST ?delete</c>). AWS SDK v4 sends a CRC checksum there
/// instead, which Amazon accepts; Swift's s3api and several other S3-compatible stores refuse the request without the
/// MD5. The header is not part of the signature, so adding it after signing is sound.
/// </summary>
internal sealed class DeleteObjectsContentMd5Handler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.Content is { } content && content.Headers.ContentMD5 is null && IsMultiObjectDelete(request.RequestUri))
            content.Headers.ContentMD5 = MD5.HashData(await content.ReadAsByteArrayAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private static bool IsMultiObjectDelete(Uri? uri) =>
        uri is not null && uri.Query.TrimStart('?').Split('&').Any(p => p == "delete" || p.StartsWith("delete=", StringComparison.Ordinal));
}
