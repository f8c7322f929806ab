using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Amazon.Runtime;
using Amazon.S3;

namespace SyncConfig.Transports.S3.Client;

/// <summary>
/// Turns what the SDK throws into a <see cref="RemoteException"/> a person can act on: each names the definition
/// setting to fix (Endpoint, Region, Bucket, AccessKey, SecretKey) or the machine's clock. Never a key in a message.
/// </summary>
internal sealed partial class S3Errors(S3Target target, S3CertificateCheck certificates)
{
    /// <summary>What the store or the network did, as opposed to a cancellation of the caller's or a local failure.</summary>
    public static bool IsRemoteFailure(Exception e, CancellationToken ct) => e switch
    {
        OperationCanceledException => !ct.IsCancellationRequested,
        AmazonServiceException or HttpRequestException or IOException or SocketException or AuthenticationException or TimeoutException => true,
        _ => false,
    };

    private string Store => $"the S3 store at {target.Endpoint.Url}";

    /// <param name="doing">What was being done, for the message: "writing 'a/b'", "listing 'a/'".</param>
    public RemoteException Classify(Exception e, string doing) => e switch
    {
        RemoteException remote => remote,
        AmazonS3Exception s3 => FromService(s3, doing),
        AmazonServiceException service when service.InnerException is { } inner && Network(inner, doing) is { } network => network,
        AmazonServiceException service => Other(service.StatusCode, service.ErrorCode, service.Message, doing, service),
        _ => Network(e, doing) ?? new RemoteException(RemoteErrorKind.Other, $"S3 request failed while {doing}: {e.Message}", e),
    };

    private RemoteException FromService(AmazonS3Exception e, string doing)
    {
        var code = e.ErrorCode ?? "";
        return code switch
        {
            "NoSuchBucket" => new(RemoteErrorKind.NotFound,
                $"The bucket '{target.Bucket}' does not exist in {Store}. Check Bucket (and Region), or create the bucket.", e),
            "InvalidAccessKeyId" => new(RemoteErrorKind.AuthenticationFailed,
                $"{Capital(Store)} does not know the access key. Check AccessKey.", e),
            "SignatureDoesNotMatch" => new(RemoteErrorKind.AuthenticationFailed,
                $"{Capital(Store)} refused the request signature: the secret key does not belong to the access key " +
                "(some stores, Swift among them, answer so for an unknown access key too). Check SecretKey, then AccessKey.", e),
            "RequestTimeTooSkewed" => new(RemoteErrorKind.AuthenticationFailed,
                $"This machine's clock differs from {Store}'s by more than 15 minutes (RequestTimeTooSkewed), so every request is refused. " +
                "Set the system clock (enable network time synchronization); the sync windows run by the same clock.", e),
            "AuthorizationHeaderMalformed" or "PermanentRedirect" or "IllegalLocationConstraintException" or "IncorrectEndpoint" => WrongRegion(e),
            "AccessDenied" or "AllAccessDisabled" or "AccountProblem" => new(RemoteErrorKind.PermissionDenied,
                $"Access denied while {doing} in bucket '{target.Bucket}' of {Store}. The AccessKey's account lacks permission " +
                "for this bucket (check the key's policy: list, read, write and delete objects, and multipart uploads), or Bucket names another account's bucket.", e),
            "NoSuchKey" or "NoSuchUpload" => new(RemoteErrorKind.NotFound, $"Nothing found while {doing} in bucket '{target.Bucket}'.", e),
            "PreconditionFailed" => new(RemoteErrorKind.AlreadyExists, $"The object already exists ({doing}).", e),
            "QuotaExceeded" or "EntityTooLarge" or "InsufficientStorage" or "StorageLimitExceeded" => new(RemoteErrorKind.DiskFull,
                $"The bucket '{target.Bucket}' is full: {Store} refused more data while {doing} ({code}: its quota or storage cap is reached).", e),
            _ => Other(e.StatusCode, code, e.Message, doing, e),
        };
    }

    private RemoteException WrongRegion(AmazonS3Exception e)
    {
        // Amazon names the bucket's region in the error body (<Region> of AuthorizationHeaderMalformed and PermanentRedirect).
        var found = e.ResponseBody is { } body ? RegionInBody().Match(body) : null;
        var actual = found is { Success: true } ? found.Groups[1].Value : null;
        return new RemoteException(RemoteErrorKind.NotFound, actual is null
            ? $"The bucket '{target.Bucket}' is not in region '{target.Region}' of {Store}. Check Region."
            : $"The bucket '{target.Bucket}' is in region '{actual}', not '{target.Region}'. Set Region = \"{actual}\".", e);
    }

    private RemoteException Other(HttpStatusCode status, string? code, string message, string doing, Exception e)
    {
        var transient = (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || code is "SlowDown" or "RequestTimeout";
        if (status == HttpStatusCode.NotImplemented)
            return new RemoteException(RemoteErrorKind.Other, $"{Capital(Store)} does not implement what SyncConfig needs while {doing} ({code}: {message}).", e);
        if (status == HttpStatusCode.NotFound)
            return new RemoteException(RemoteErrorKind.NotFound, $"Nothing found while {doing} in bucket '{target.Bucket}'.", e);
        if (status == HttpStatusCode.Forbidden)
            return new RemoteException(RemoteErrorKind.PermissionDenied,
                $"{Capital(Store)} refused access while {doing} in bucket '{target.Bucket}' ({code}). Check AccessKey and SecretKey, and the key's permissions on the bucket.", e);
        return new RemoteException(transient ? RemoteErrorKind.ConnectionDropped : RemoteErrorKind.Other,
            $"{Capital(Store)} answered {(int)status} {code} while {doing}: {message}", e);
    }

    private RemoteException? Network(Exception e, string doing)
    {
        var chain = new List<Exception>();
        for (var inner = e; inner is not null; inner = inner.InnerException)
            chain.Add(inner);
        // The most specific cause first: the socket's refusal lies under the HTTP client's generic failure.
        if (chain.OfType<AuthenticationException>().FirstOrDefault() is { } tls)
            return new RemoteException(RemoteErrorKind.AuthenticationFailed, certificates.Refusal ?? certificates.Untrusted(tls.Message), e);
        if (chain.Any(x => x is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }
                || x is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }))
            return new RemoteException(RemoteErrorKind.Unreachable,
                $"The host of {target.Endpoint.Url} cannot be resolved while {doing}. Check Endpoint (or Region, which names a service's host), and this machine's DNS.", e);
        if (chain.Any(x => x is SocketException { SocketErrorCode: SocketError.ConnectionRefused }))
            return new RemoteException(RemoteErrorKind.Unreachable,
                $"{Capital(Store)} refused the connection while {doing}. Check Endpoint (host and port) and UseHttps, and that the store is running.", e);
        if (chain.FirstOrDefault(x => x is SocketException or IOException or HttpRequestException or TimeoutException) is { } dropped)
            return new RemoteException(RemoteErrorKind.ConnectionDropped, $"The connection to {Store} dropped while {doing}: {dropped.Message}", e);
        if (chain.Any(x => x is OperationCanceledException))
            return new RemoteException(RemoteErrorKind.ConnectionDropped, $"{Capital(Store)} did not answer in time while {doing}.", e);
        return null;
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    [System.Text.RegularExpressions.GeneratedRegex("<Region>([a-z0-9-]+)</Region>")]
    private static partial System.Text.RegularExpressions.Regex RegionInBody();
}
