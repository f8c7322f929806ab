using System;
using System.Collections.Generic;
using SyncConfig.Rules;

namespace SyncConfig.Catalog;

/// <summary>
/// A destination as a sync registers it: the values its definition gives, by the rows of its kind's
/// table (<see cref="DestinationKind"/>), as written and possibly holding <c>$(NAME)</c> references.
/// The subclasses give the rows typed names; a transport may read any row through <see cref="Values"/>.
/// </summary>
public abstract class DestinationSettings
{
    private protected DestinationSettings(DestinationKind kind, IEnumerable<SettingValue> values) =>
        Values = new DestinationValues(kind, values);

    public DestinationValues Values { get; private set; }

    public DestinationKind Kind => Values.Kind;

    /// <summary>The server or local path, as the definition gives it.</summary>
    public string DisplayPath => Kind.DisplayPath(Values);

    /// <summary>This destination with other values for the same rows: the runtime's, once references are resolved.</summary>
    public DestinationSettings With(DestinationValues values)
    {
        if (values.Kind != Kind)
        {
            throw new ArgumentException("The values are of " + values.Kind.Name + ", not " + Kind.Name + ".", nameof(values));
        }

        var copy = (DestinationSettings)MemberwiseClone();
        copy.Values = values;
        return copy;
    }
}

/// <summary>A destination named by one path, with optional Windows-style credentials.</summary>
public abstract class PathSettings : DestinationSettings
{
    private protected PathSettings(PathDestination table, IEnumerable<SettingValue> values)
        : base(table, values)
    {
    }

    public string Path => Values.Get(Table.Path)!;
    public string? UserName => Values.Get(Table.UserName);
    public string? Password => Values.Get(Table.Password);
    public string? Domain => Values.Get(Table.Domain);

    private PathDestination Table => (PathDestination)Kind;

    private protected static SettingValue[] Given(PathDestination table, string path, string? userName, string? password, string? domain) =>
        new[] { table.Path.Of(path), table.UserName.Of(userName), table.Password.Of(password), table.Domain.Of(domain) };
}

public sealed class NetworkShareSettings : PathSettings
{
    public NetworkShareSettings(params SettingValue[] values)
        : base(DestinationKinds.NetworkShare, values)
    {
    }

    public NetworkShareSettings(string path, string? userName, string? password, string? domain, int port = 0)
        : this(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Append(
            Given(DestinationKinds.NetworkShare, path, userName, password, domain), DestinationKinds.NetworkShare.Port.Of(port))))
    {
    }

    /// <summary>The server's SMB port; 0 means the standard 445.</summary>
    public int Port => Values.Get(DestinationKinds.NetworkShare.Port);
}

public sealed class LocalPathSettings : PathSettings
{
    public LocalPathSettings(params SettingValue[] values)
        : base(DestinationKinds.LocalPath, values)
    {
    }

    public LocalPathSettings(string path, string? userName, string? password, string? domain)
        : this(Given(DestinationKinds.LocalPath, path, userName, password, domain))
    {
    }
}

public sealed class FileTransferSettings : DestinationSettings
{
    public FileTransferSettings(params SettingValue[] values)
        : base(Table, values)
    {
    }

    public FileTransferSettings(
        FileTransferProtocol protocol, string server, int port, string? userName, string? password,
        string? hostKeyFingerprint, string? privateKeyFile, string? privateKeyPassphrase, string? certificateFingerprint)
        : this(
            Table.Protocol.Of(protocol), Table.Server.Of(server), Table.Port.Of(port), Table.UserName.Of(userName), Table.Password.Of(password),
            Table.HostKeyFingerprint.Of(hostKeyFingerprint), Table.PrivateKeyFile.Of(privateKeyFile),
            Table.PrivateKeyPassphrase.Of(privateKeyPassphrase), Table.CertificateFingerprint.Of(certificateFingerprint))
    {
    }

    private static FileTransferDestination Table => DestinationKinds.FileTransfer;

    public FileTransferProtocol Protocol => Values.Get(Table.Protocol);
    public string Server => Values.Get(Table.Server)!;

    /// <summary>The effective port (the protocol's default when the definition gives none).</summary>
    public int Port => Table.EffectivePort(Values);
    public string? UserName => Values.Get(Table.UserName);
    public string? Password => Values.Get(Table.Password);
    public string? HostKeyFingerprint => Values.Get(Table.HostKeyFingerprint);
    public string? PrivateKeyFile => Values.Get(Table.PrivateKeyFile);
    public string? PrivateKeyPassphrase => Values.Get(Table.PrivateKeyPassphrase);
    public string? CertificateFingerprint => Values.Get(Table.CertificateFingerprint);
}

public sealed class S3Settings : DestinationSettings
{
    public S3Settings(params SettingValue[] values)
        : base(Table, values)
    {
    }

    public S3Settings(
        S3Service service, string? endpoint, bool useHttps, string bucket, string region, string? rootPath, string accessKey, string secretKey,
        string? certificateFingerprint = null)
        : this(
            Table.Service.Of(service), Table.Endpoint.Of(endpoint), Table.UseHttps.Of(useHttps), Table.Bucket.Of(bucket), Table.Region.Of(region),
            Table.RootPath.Of(rootPath), Table.AccessKey.Of(accessKey), Table.SecretKey.Of(secretKey), Table.CertificateFingerprint.Of(certificateFingerprint))
    {
    }

    private static S3Destination Table => DestinationKinds.S3;

    public S3Service Service => Values.Get(Table.Service);
    public string? Endpoint => Values.Get(Table.Endpoint);
    public bool UseHttps => Values.Get(Table.UseHttps);
    public string Bucket => Values.Get(Table.Bucket)!;
    public string Region => Values.Get(Table.Region)!;
    public string? RootPath => Values.Get(Table.RootPath);
    public string AccessKey => Values.Get(Table.AccessKey)!;
    public string SecretKey => Values.Get(Table.SecretKey)!;
    public string? CertificateFingerprint => Values.Get(Table.CertificateFingerprint);
}
