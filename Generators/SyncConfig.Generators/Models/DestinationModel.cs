namespace SyncConfig.Generators.Models;

/// <summary>
/// A destination attribute's arguments as written, plus what the shared rules parse out of the
/// literal ones. A parsed part is null when its value holds a <c>$(NAME)</c> reference (resolved
/// at run time) or does not parse (the analyzers report it).
/// </summary>
internal abstract record DestinationModel;

internal sealed record UncPathModel(string Server, string Share, EquatableArray<string> Folders);

internal sealed record NetworkShareModel(
    string Path,
    string? UserName,
    SecretModel Password,
    string? Domain,
    UncPathModel? Parsed) : DestinationModel;

internal sealed record LocalPathModel(
    string Path,
    string? UserName,
    SecretModel Password,
    string? Domain,
    LocalPathPartsModel? Parsed) : DestinationModel;

/// <param name="Root"><c>E:\</c> for a Windows path, <c>/</c> for a POSIX one.</param>
internal sealed record LocalPathPartsModel(string Root, EquatableArray<string> Segments);

internal sealed record FileTransferServerModel(string Host, EquatableArray<string> PathSegments);

/// <param name="Port">The effective port: the protocol's default when the definition gives none.</param>
internal sealed record FileTransferModel(
    int Protocol,
    string Server,
    int Port,
    string? UserName,
    SecretModel Password,
    string? HostKeyFingerprint,
    string? PrivateKeyFile,
    SecretModel PrivateKeyPassphrase,
    string? CertificateFingerprint,
    FileTransferServerModel? Parsed) : DestinationModel;

internal sealed record S3Model(
    int Service,
    string? Endpoint,
    bool UseHttps,
    string Bucket,
    string Region,
    string? RootPath,
    SecretModel AccessKey,
    SecretModel SecretKey,
    string? ParsedBucket,
    string? ParsedRegion,
    string? ParsedEndpoint,
    EquatableArray<string>? ParsedRootPathSegments) : DestinationModel;
