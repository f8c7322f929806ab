using System.Linq;
using Microsoft.CodeAnalysis;
using SyncConfig.Generators.Models;
using SyncConfig.Rules;

namespace SyncConfig.Generators.Parsing;

/// <summary>
/// Reads a destination attribute into its model, normalizing literal values with the shared rules
/// (the same code the analyzers and the runtime run), so the generator never parses on its own.
/// </summary>
internal static class DestinationParser
{
    public static DestinationModel? Parse(AttributeData attribute)
    {
        if (attribute.Is(AttributeNames.NetworkShareSync))
        {
            return attribute.StringArgument(0) is { } path
                ? new NetworkShareModel(path, attribute.Named(Setting.UserName), Secret(attribute, Setting.Password), attribute.Named(Setting.Domain), ParseUnc(path))
                : null;
        }

        if (attribute.Is(AttributeNames.LocalPathSync))
        {
            return attribute.StringArgument(0) is { } path
                ? new LocalPathModel(path, attribute.Named(Setting.UserName), Secret(attribute, Setting.Password), attribute.Named(Setting.Domain), ParseLocal(path))
                : null;
        }

        if (attribute.Is(AttributeNames.FileTransferSync))
        {
            return ParseFileTransfer(attribute);
        }

        return attribute.Is(AttributeNames.S3Sync) ? ParseS3(attribute) : null;
    }

    /// <summary>Null without bucket, region or keys: the catalog's S3 settings require them.</summary>
    private static S3Model? ParseS3(AttributeData attribute)
    {
        if (attribute.IntArgument(0) is not { } serviceValue
            || attribute.Named(Setting.Bucket) is not { } bucket
            || attribute.Named(Setting.Region) is not { } region
            || Secret(attribute, Setting.AccessKey) is not { Kind: not SecretKind.Absent } accessKey
            || Secret(attribute, Setting.SecretKey) is not { Kind: not SecretKind.Absent } secretKey)
        {
            return null;
        }

        var service = (S3Service)serviceValue;
        var endpoint = attribute.Named(Setting.Endpoint);
        var useHttps = attribute.NamedOr(Setting.UseHttps, true);
        var rootPath = attribute.Named(Setting.RootPath);
        var parsedRegion = Literal(region, text => S3Regions.Check(service, text));
        var parsedEndpoint = service == S3Service.Custom
            ? Literal(endpoint, text => S3Endpoint.Parse(service, text, useHttps))
            : parsedRegion is null ? null : S3Endpoint.OfService(service, parsedRegion);
        return new S3Model(
            serviceValue,
            endpoint,
            useHttps,
            bucket,
            region,
            rootPath,
            accessKey,
            secretKey,
            Literal(bucket, text => S3BucketName.Check(text)),
            parsedRegion,
            parsedEndpoint?.Url,
            Literal(rootPath ?? string.Empty, text => S3RootPath.Parse(text))?.ToEquatableArray());
    }

    private static FileTransferModel? ParseFileTransfer(AttributeData attribute)
    {
        if (attribute.IntArgument(0) is not { } protocolValue || attribute.StringArgument(1) is not { } server)
        {
            return null;
        }

        var protocol = (FileTransferProtocol)protocolValue;
        var port = attribute.NamedOr(Setting.Port, 0);
        var userName = attribute.Named(Setting.UserName);
        var address = Literal(server, text => FileTransferAddress.Parse(protocol, text, port, userName));
        return new FileTransferModel(
            protocolValue,
            server,
            port == 0 ? FileTransferAddress.DefaultPort(protocol) : port,
            userName,
            Secret(attribute, Setting.Password),
            attribute.Named(Setting.HostKeyFingerprint),
            attribute.Named(Setting.PrivateKeyFile),
            Secret(attribute, Setting.PrivateKeyPassphrase),
            attribute.Named(Setting.CertificateFingerprint),
            address is null ? null : new FileTransferServerModel(address.Host, address.Segments.ToEquatableArray()));
    }

    /// <summary>Only a value that is exactly one <c>$(NAME)</c> reference is kept as text; anything else may hold a secret.</summary>
    private static SecretModel Secret(AttributeData attribute, string setting)
    {
        if (attribute.Named(setting) is not { } text)
        {
            return SecretModel.Absent;
        }

        var references = PropertyReference.FindAll(text);
        return references.Count == 1 && references[0].Index == 0 && references[0].Length == text.Length
            ? new SecretModel(SecretKind.Reference, text)
            : new SecretModel(SecretKind.Literal, null);
    }

    /// <summary>The rule's value, when the text is a literal without errors; a reference is parsed at run time.</summary>
    private static T? Literal<T>(string? text, System.Func<string, RuleResult<T>> parse)
        where T : class =>
        text is null || PropertyReference.ContainsReference(text) || parse(text) is not { HasErrors: false, Value: { } value }
            ? null
            : value;

    private static UncPathModel? ParseUnc(string path) =>
        Literal(path, text => NetworkSharePath.Parse(text)) is { } unc
            ? new UncPathModel(unc.Server, unc.Share, unc.Folders.ToEquatableArray())
            : null;

    private static LocalPathPartsModel? ParseLocal(string path) =>
        Literal(path, text => LocalPath.Parse(text)) is { } local
            ? new LocalPathPartsModel(local.Style == LocalPathStyle.Windows ? local.Drive + @"\" : "/", local.Segments.ToEquatableArray())
            : null;
}
