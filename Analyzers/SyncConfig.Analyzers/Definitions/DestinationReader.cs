using Microsoft.CodeAnalysis;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Definitions;

/// <summary>Turns a destination attribute into the rules' plain <see cref="DestinationDefinition"/>.</summary>
internal static class DestinationReader
{
    public static DestinationDefinition? Read(SyncAttributeTypes types, AttributeArguments arguments, string definitionName)
    {
        var attribute = arguments.Attribute.AttributeClass;
        DestinationDefinition? definition = null;
        var pathKind = SymbolEqualityComparer.Default.Equals(attribute, types.NetworkShare) ? new NetworkShareDefinition()
            : SymbolEqualityComparer.Default.Equals(attribute, types.LocalPath) ? new LocalPathDefinition()
            : (PathDestinationDefinition?)null;
        if (pathKind != null)
        {
            pathKind.Path = arguments.String(Setting.Path);
            pathKind.UserName = arguments.String(Setting.UserName);
            pathKind.Password = arguments.String(Setting.Password);
            pathKind.Domain = arguments.String(Setting.Domain);
            definition = pathKind;
        }
        else if (SymbolEqualityComparer.Default.Equals(attribute, types.FileTransfer))
        {
            definition = new FileTransferDefinition
            {
                Protocol = (FileTransferProtocol)arguments.Int("protocol"),
                Server = arguments.String(Setting.Server),
                Port = arguments.Int(Setting.Port),
                UserName = arguments.String(Setting.UserName),
                Password = arguments.String(Setting.Password),
                HostKeyFingerprint = arguments.String(Setting.HostKeyFingerprint),
                PrivateKeyFile = arguments.String(Setting.PrivateKeyFile),
                PrivateKeyPassphrase = arguments.String(Setting.PrivateKeyPassphrase),
                CertificateFingerprint = arguments.String(Setting.CertificateFingerprint),
            };
        }
        else if (SymbolEqualityComparer.Default.Equals(attribute, types.S3))
        {
            definition = new S3Definition
            {
                Service = (S3Service)arguments.Int("service"),
                Endpoint = arguments.String(Setting.Endpoint),
                UseHttps = arguments.Bool(Setting.UseHttps, missing: true),
                Bucket = arguments.String(Setting.Bucket),
                Region = arguments.String(Setting.Region),
                RootPath = arguments.String(Setting.RootPath),
                AccessKey = arguments.String(Setting.AccessKey),
                SecretKey = arguments.String(Setting.SecretKey),
            };
        }

        if (definition != null)
        {
            definition.DefinitionName = definitionName;
            definition.FolderName = arguments.String(Setting.FolderName);
            definition.CustomName = arguments.String(Setting.CustomName);
        }

        return definition;
    }
}
