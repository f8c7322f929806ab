using System;
using System.Collections.Generic;

namespace SyncConfig.Catalog;

/// <summary>
/// One checked sync definition, as the generator registers it. String values are as written in
/// the definition and may hold <c>$(NAME)</c> references; the runtime resolves them and
/// re-validates the result with the same rules the analyzers use.
/// </summary>
public sealed class SyncRegistration
{
    public SyncRegistration(
        string name,
        string? customName,
        RepositoryRegistration repository,
        string folderName,
        DestinationSettings destination,
        SyncWindowSpec window,
        bool allowBackupsDuringSync,
        bool perFolderUpload)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        CustomName = customName;
        Repository = repository ?? throw new ArgumentNullException(nameof(repository));
        FolderName = folderName ?? throw new ArgumentNullException(nameof(folderName));
        Destination = destination ?? throw new ArgumentNullException(nameof(destination));
        Window = window;
        AllowBackupsDuringSync = allowBackupsDuringSync;
        PerFolderUpload = perFolderUpload;
    }

    /// <summary>The definition's class name: what <c>syncconfig sync NAME</c> takes.</summary>
    public string Name { get; }
    public string? CustomName { get; }

    /// <summary>The custom name, or else the server/local path (as the seed's UI shows it).</summary>
    public string DisplayName => string.IsNullOrEmpty(CustomName) ? Destination.DisplayPath : CustomName!;
    public RepositoryRegistration Repository { get; }
    public string FolderName { get; }
    public DestinationSettings Destination { get; }
    public SyncWindowSpec Window { get; }
    public bool AllowBackupsDuringSync { get; }
    public bool PerFolderUpload { get; }
}

/// <summary>A <c>[SyncRepository]</c> class.</summary>
public sealed class RepositoryRegistration
{
    public RepositoryRegistration(string name, string path)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }
    public string Path { get; }
}

/// <summary>A daily window in minutes after midnight; End may be less than Start (crosses midnight); 0–1440 is all day.</summary>
public readonly struct SyncWindowSpec : IEquatable<SyncWindowSpec>
{
    public SyncWindowSpec(int startMinute, int endMinute, SyncDays days)
    {
        StartMinute = startMinute;
        EndMinute = endMinute;
        Days = days;
    }

    public static SyncWindowSpec AllDay => new SyncWindowSpec(0, 24 * 60, SyncDays.Every);

    public int StartMinute { get; }
    public int EndMinute { get; }
    public SyncDays Days { get; }

    public bool Equals(SyncWindowSpec other) => StartMinute == other.StartMinute && EndMinute == other.EndMinute && Days == other.Days;
    public override bool Equals(object? obj) => obj is SyncWindowSpec other && Equals(other);
    public override int GetHashCode() => (StartMinute * 397) ^ (EndMinute * 31) ^ (int)Days;
    public override string ToString() => $"{StartMinute / 60:00}:{StartMinute % 60:00}-{EndMinute / 60:00}:{EndMinute % 60:00} {Days}";
}

/// <summary>The destination as written; one subclass per destination attribute.</summary>
public abstract class DestinationSettings
{
    /// <summary>The server or local path, as the definition gives it.</summary>
    public abstract string DisplayPath { get; }

    /// <summary>Every string setting with its name, for reference resolution and validation.</summary>
    public abstract IEnumerable<KeyValuePair<string, string?>> Settings { get; }
}

public sealed class NetworkShareSettings : DestinationSettings
{
    public NetworkShareSettings(string path, string? userName, string? password, string? domain)
    {
        Path = path;
        UserName = userName;
        Password = password;
        Domain = domain;
    }

    public string Path { get; }
    public string? UserName { get; }
    public string? Password { get; }
    public string? Domain { get; }
    public override string DisplayPath => Path;

    public override IEnumerable<KeyValuePair<string, string?>> Settings => new[]
    {
        new KeyValuePair<string, string?>(nameof(Path), Path),
        new KeyValuePair<string, string?>(nameof(UserName), UserName),
        new KeyValuePair<string, string?>(nameof(Password), Password),
        new KeyValuePair<string, string?>(nameof(Domain), Domain),
    };
}

public sealed class LocalPathSettings : DestinationSettings
{
    public LocalPathSettings(string path, string? userName, string? password, string? domain)
    {
        Path = path;
        UserName = userName;
        Password = password;
        Domain = domain;
    }

    public string Path { get; }
    public string? UserName { get; }
    public string? Password { get; }
    public string? Domain { get; }
    public override string DisplayPath => Path;

    public override IEnumerable<KeyValuePair<string, string?>> Settings => new[]
    {
        new KeyValuePair<string, string?>(nameof(Path), Path),
        new KeyValuePair<string, string?>(nameof(UserName), UserName),
        new KeyValuePair<string, string?>(nameof(Password), Password),
        new KeyValuePair<string, string?>(nameof(Domain), Domain),
    };
}

public sealed class FileTransferSettings : DestinationSettings
{
    public FileTransferSettings(
        FileTransferProtocol protocol, string server, int port, string? userName, string? password,
        string? hostKeyFingerprint, string? privateKeyFile, string? privateKeyPassphrase, string? certificateFingerprint)
    {
        Protocol = protocol;
        Server = server;
        Port = port;
        UserName = userName;
        Password = password;
        HostKeyFingerprint = hostKeyFingerprint;
        PrivateKeyFile = privateKeyFile;
        PrivateKeyPassphrase = privateKeyPassphrase;
        CertificateFingerprint = certificateFingerprint;
    }

    public FileTransferProtocol Protocol { get; }
    public string Server { get; }

    /// <summary>The effective port (the protocol's default when the definition gives none).</summary>
    public int Port { get; }
    public string? UserName { get; }
    public string? Password { get; }
    public string? HostKeyFingerprint { get; }
    public string? PrivateKeyFile { get; }
    public string? PrivateKeyPassphrase { get; }
    public string? CertificateFingerprint { get; }
    public override string DisplayPath => Protocol.ToString().ToLowerInvariant() + "://" + Server;

    public override IEnumerable<KeyValuePair<string, string?>> Settings => new[]
    {
        new KeyValuePair<string, string?>(nameof(Server), Server),
        new KeyValuePair<string, string?>(nameof(UserName), UserName),
        new KeyValuePair<string, string?>(nameof(Password), Password),
        new KeyValuePair<string, string?>(nameof(HostKeyFingerprint), HostKeyFingerprint),
        new KeyValuePair<string, string?>(nameof(PrivateKeyFile), PrivateKeyFile),
        new KeyValuePair<string, string?>(nameof(PrivateKeyPassphrase), PrivateKeyPassphrase),
        new KeyValuePair<string, string?>(nameof(CertificateFingerprint), CertificateFingerprint),
    };
}

public sealed class S3Settings : DestinationSettings
{
    public S3Settings(
        S3Service service, string? endpoint, bool useHttps, string bucket, string region,
        string? rootPath, string accessKey, string secretKey)
    {
        Service = service;
        Endpoint = endpoint;
        UseHttps = useHttps;
        Bucket = bucket;
        Region = region;
        RootPath = rootPath;
        AccessKey = accessKey;
        SecretKey = secretKey;
    }

    public S3Service Service { get; }
    public string? Endpoint { get; }
    public bool UseHttps { get; }
    public string Bucket { get; }
    public string Region { get; }
    public string? RootPath { get; }
    public string AccessKey { get; }
    public string SecretKey { get; }
    public override string DisplayPath => "s3://" + Bucket + (string.IsNullOrEmpty(RootPath) ? "" : "/" + RootPath);

    public override IEnumerable<KeyValuePair<string, string?>> Settings => new[]
    {
        new KeyValuePair<string, string?>(nameof(Endpoint), Endpoint),
        new KeyValuePair<string, string?>(nameof(Bucket), Bucket),
        new KeyValuePair<string, string?>(nameof(Region), Region),
        new KeyValuePair<string, string?>(nameof(RootPath), RootPath),
        new KeyValuePair<string, string?>(nameof(AccessKey), AccessKey),
        new KeyValuePair<string, string?>(nameof(SecretKey), SecretKey),
    };
}
