using SyncConfig.Catalog;

namespace SyncConfig.Runtime.Tests.Infrastructure;

/// <summary>Hand-made registrations, shaped as the generator emits them.</summary>
public static class Registrations
{
    public static SyncRegistration LocalPath(
        string name, string repository, string target, string folderName = "Site",
        string? userName = null, string? password = null, SyncWindowSpec? window = null, string? customName = null) =>
        new(name, customName, new RepositoryRegistration(name + "Repository", repository), folderName,
            new LocalPathSettings(target, userName, password, null), window ?? SyncWindowSpec.AllDay, false, false);

    public static SyncRegistration S3(string name, string bucket, string region, string accessKey, string secretKey) =>
        new(name, null, new RepositoryRegistration(name + "Repository", "/srv/backups/main"), "Site",
            new S3Settings(S3Service.Wasabi, null, true, bucket, region, "offsite", accessKey, secretKey), SyncWindowSpec.AllDay, false, false);

    public static SyncRegistration Sftp(string name, string server, string password) =>
        new(name, null, new RepositoryRegistration(name + "Repository", "/srv/backups/main"), "Site",
            new FileTransferSettings(FileTransferProtocol.Sftp, server, 22, "backup", password, "SHA256:" + new string('A', 43), null, null, null),
            SyncWindowSpec.AllDay, false, false);
}
