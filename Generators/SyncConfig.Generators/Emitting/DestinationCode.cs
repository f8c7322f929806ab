using System.Collections.Generic;
using System.Linq;
using SyncConfig.Generators.Models;

namespace SyncConfig.Generators.Emitting;

/// <summary>The pieces of generated code that differ between destination kinds.</summary>
internal sealed class DestinationCode
{
    private DestinationCode(
        string settingsType,
        string attributeType,
        IReadOnlyList<(string Name, string Value)> arguments,
        IReadOnlyList<TypedMember> typedMembers,
        IEnumerable<SecretModel> secrets)
    {
        SettingsType = settingsType;
        AttributeType = attributeType;
        Arguments = arguments;
        TypedMembers = typedMembers;
        HasLiteralSecret = secrets.Any(secret => secret.Kind == SecretKind.Literal);
    }

    /// <summary>The <c>DestinationSettings</c> subclass in <c>SyncConfig.Catalog</c>.</summary>
    public string SettingsType { get; }

    /// <summary>The destination attribute in <c>SyncConfig</c>.</summary>
    public string AttributeType { get; }

    public IReadOnlyList<(string Name, string Value)> Arguments { get; }

    /// <summary>Static members for the parts parsed out of literal values.</summary>
    public IReadOnlyList<TypedMember> TypedMembers { get; }

    public bool HasLiteralSecret { get; }

    public static DestinationCode For(DestinationModel model) => model switch
    {
        NetworkShareModel share => new DestinationCode(
            "NetworkShareSettings",
            "NetworkShareSyncAttribute",
            CredentialArguments(share.Path, share.UserName, share.Password, share.Domain),
            share.Parsed is { } unc
                ? new[]
                {
                    TypedMember.Constant("string", "Server", Literal(unc.Server)),
                    TypedMember.Constant("string", "Share", Literal(unc.Share)),
                    TypedMember.List("Folders", unc.Folders),
                }
                : None,
            new[] { share.Password }),
        LocalPathModel local => new DestinationCode(
            "LocalPathSettings",
            "LocalPathSyncAttribute",
            CredentialArguments(local.Path, local.UserName, local.Password, local.Domain),
            local.Parsed is { } path
                ? new[]
                {
                    TypedMember.Constant("string", "PathRoot", Literal(path.Root)),
                    TypedMember.List("PathSegments", path.Segments),
                }
                : None,
            new[] { local.Password }),
        FileTransferModel transfer => new DestinationCode(
            "FileTransferSettings",
            "FileTransferSyncAttribute",
            new[]
            {
                ("protocol", SourceWriter.Enum<FileTransferProtocol>(transfer.Protocol)),
                ("server", Literal(transfer.Server)),
                ("port", transfer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("userName", Literal(transfer.UserName)),
                ("password", RegistrationEmitter.SecretCode(transfer.Password, "Password", required: false)),
                ("hostKeyFingerprint", Literal(transfer.HostKeyFingerprint)),
                ("privateKeyFile", Literal(transfer.PrivateKeyFile)),
                ("privateKeyPassphrase", RegistrationEmitter.SecretCode(transfer.PrivateKeyPassphrase, "PrivateKeyPassphrase", required: false)),
                ("certificateFingerprint", Literal(transfer.CertificateFingerprint)),
            },
            new[] { TypedMember.Constant("int", "Port", transfer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
                .Concat(transfer.Parsed is { } server
                    ? new[]
                    {
                        TypedMember.Constant("string", "Host", Literal(server.Host)),
                        TypedMember.List("PathSegments", server.PathSegments),
                    }
                    : None)
                .ToArray(),
            new[] { transfer.Password, transfer.PrivateKeyPassphrase }),
        S3Model s3 => new DestinationCode(
            "S3Settings",
            "S3SyncAttribute",
            new[]
            {
                ("service", SourceWriter.Enum<S3Service>(s3.Service)),
                ("endpoint", Literal(s3.Endpoint)),
                ("useHttps", SourceWriter.Literal(s3.UseHttps)),
                ("bucket", Literal(s3.Bucket)),
                ("region", Literal(s3.Region)),
                ("rootPath", Literal(s3.RootPath)),
                ("accessKey", RegistrationEmitter.SecretCode(s3.AccessKey, "AccessKey", required: true)),
                ("secretKey", RegistrationEmitter.SecretCode(s3.SecretKey, "SecretKey", required: true)),
            },
            new[]
            {
                s3.ParsedBucket is { } bucket ? TypedMember.Constant("string", "Bucket", Literal(bucket)) : null,
                s3.ParsedRegion is { } region ? TypedMember.Constant("string", "Region", Literal(region)) : null,
                s3.ParsedEndpoint is { } endpoint ? TypedMember.Constant("string", "Endpoint", Literal(endpoint)) : null,
                s3.ParsedRootPathSegments is { } segments ? TypedMember.List("RootPathSegments", segments) : null,
            }.OfType<TypedMember>().ToArray(),
            new[] { s3.AccessKey, s3.SecretKey }),
        _ => throw new System.ArgumentOutOfRangeException(nameof(model), model.GetType().Name, "Unknown destination kind."),
    };

    private static readonly TypedMember[] None = new TypedMember[0];

    private static string Literal(string? value) => SourceWriter.Literal(value);

    private static (string, string)[] CredentialArguments(string path, string? userName, SecretModel password, string? domain) => new[]
    {
        ("path", Literal(path)),
        ("userName", Literal(userName)),
        ("password", RegistrationEmitter.SecretCode(password, "Password", required: false)),
        ("domain", Literal(domain)),
    };
}
