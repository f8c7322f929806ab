using SyncConfig.Catalog;
using SyncConfig.Generators.Tests.Infrastructure;

namespace SyncConfig.Generators.Tests;

/// <summary>The generated catalog compiles, loads and carries every definition with its normalized values.</summary>
[TestClass]
public sealed class CatalogOutputTests
{
    private static LoadedCatalog Load(params string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        Assert.IsEmpty(run.Errors, string.Join("\n", run.Errors));
        Assert.IsEmpty(run.DiagnosticsInGeneratedCode, string.Join("\n", run.DiagnosticsInGeneratedCode));
        return new LoadedCatalog(run.Output);
    }

    [TestMethod]
    public void CatalogListsEveryDefinitionAndRepositorySortedByName()
    {
        using var catalog = Load(Examples.Repository, Examples.Syncs);

        CollectionAssert.AreEqual(
            new[] { "NasOffsite", "SftpOffsite", "UsbOffsite", "WasabiOffsite" },
            catalog.Registrations.Select(r => r.Name).ToArray());
        Assert.AreEqual("MainRepository", catalog.Repositories.Single().Name);
        Assert.AreEqual(@"D:\Backups\Main", catalog.Repositories.Single().Path);
        Assert.IsTrue(catalog.Registrations.All(r => ReferenceEquals(r.Repository, catalog.Repositories.Single())));
    }

    [TestMethod]
    public void NetworkShareKeepsRawValuesAndExposesServerShareAndFolders()
    {
        using var catalog = Load(Examples.Repository, Examples.Syncs);
        var nas = catalog.Registration("NasOffsite");
        var settings = (NetworkShareSettings)nas.Destination;

        Assert.AreEqual(@"\\nas01\offsite\macrium", settings.Path);
        Assert.AreEqual(@"ACME\svc-backup", settings.UserName);
        Assert.AreEqual("$(NAS_PASSWORD)", settings.Password);
        Assert.IsNull(settings.Domain);
        Assert.AreEqual("SiteManager1", nas.FolderName);
        Assert.AreEqual(new SyncWindowSpec(22 * 60, 5 * 60, SyncDays.Weekdays), nas.Window);
        Assert.IsTrue(nas.PerFolderUpload);
        Assert.IsFalse(nas.AllowBackupsDuringSync);

        Assert.AreEqual("nas01", catalog.Member("Acme.Definitions.NasOffsite", "Server"));
        Assert.AreEqual("offsite", catalog.Member("Acme.Definitions.NasOffsite", "Share"));
        CollectionAssert.AreEqual(new[] { "macrium" }, ((IReadOnlyList<string>)catalog.Member("Acme.Definitions.NasOffsite", "Folders")!).ToArray());
        Assert.AreEqual(22 * 60, catalog.Member("Acme.Definitions.NasOffsite", "WindowStartMinute"));
        Assert.AreEqual(5 * 60, catalog.Member("Acme.Definitions.NasOffsite", "WindowEndMinute"));
        Assert.AreEqual(SyncDays.Weekdays, catalog.Member("Acme.Definitions.NasOffsite", "WindowDays"));
    }

    [TestMethod]
    public void SftpExposesHostPortAndAbsolutePathSegments()
    {
        using var catalog = Load(Examples.Repository, Examples.Syncs);
        var sftp = catalog.Registration("SftpOffsite");
        var settings = (FileTransferSettings)sftp.Destination;

        Assert.AreEqual(FileTransferProtocol.Sftp, settings.Protocol);
        Assert.AreEqual("example.com/home/backups/macrium", settings.Server);
        Assert.AreEqual(2222, settings.Port);
        Assert.AreEqual("backup", settings.UserName);
        Assert.AreEqual("$(SFTP_PASSWORD)", settings.Password);
        Assert.AreEqual("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", settings.HostKeyFingerprint);
        Assert.AreEqual(SyncWindowSpec.AllDay, sftp.Window);

        Assert.AreEqual("example.com", catalog.Member("Acme.Definitions.SftpOffsite", "Host"));
        Assert.AreEqual(2222, catalog.Member("Acme.Definitions.SftpOffsite", "Port"));
        CollectionAssert.AreEqual(new[] { "home", "backups", "macrium" }, ((IReadOnlyList<string>)catalog.Member("Acme.Definitions.SftpOffsite", "PathSegments")!).ToArray());
        Assert.AreEqual(0, catalog.Member("Acme.Definitions.SftpOffsite", "WindowStartMinute"));
        Assert.AreEqual(24 * 60, catalog.Member("Acme.Definitions.SftpOffsite", "WindowEndMinute"));
        Assert.AreEqual(SyncDays.Every, catalog.Member("Acme.Definitions.SftpOffsite", "WindowDays"));
    }

    [TestMethod]
    public void S3ExposesBucketRegionEndpointAndRootPathSegments()
    {
        using var catalog = Load(Examples.Repository, Examples.Syncs);
        var wasabi = catalog.Registration("WasabiOffsite");
        var settings = (S3Settings)wasabi.Destination;

        Assert.AreEqual(S3Service.Wasabi, settings.Service);
        Assert.IsNull(settings.Endpoint);
        Assert.IsTrue(settings.UseHttps);
        Assert.AreEqual("acme-offsite", settings.Bucket);
        Assert.AreEqual("eu-central-2", settings.Region);
        Assert.AreEqual("site-managers/hq", settings.RootPath);
        Assert.AreEqual("$(WASABI_KEY)", settings.AccessKey);
        Assert.AreEqual("$(WASABI_SECRET)", settings.SecretKey);
        Assert.IsTrue(wasabi.AllowBackupsDuringSync);

        Assert.AreEqual("acme-offsite", catalog.Member("Acme.Definitions.WasabiOffsite", "Bucket"));
        Assert.AreEqual("eu-central-2", catalog.Member("Acme.Definitions.WasabiOffsite", "Region"));
        Assert.AreEqual("https://s3.eu-central-2.wasabisys.com", catalog.Member("Acme.Definitions.WasabiOffsite", "Endpoint"));
        CollectionAssert.AreEqual(new[] { "site-managers", "hq" }, ((IReadOnlyList<string>)catalog.Member("Acme.Definitions.WasabiOffsite", "RootPathSegments")!).ToArray());
    }

    [TestMethod]
    public void LocalPathExposesRootAndSegmentsAndDisplayNameDefaultsToThePath()
    {
        using var catalog = Load(Examples.Repository, Examples.Syncs);
        var usb = catalog.Registration("UsbOffsite");

        Assert.AreEqual(@"E:\Offsite", ((LocalPathSettings)usb.Destination).Path);
        Assert.AreEqual(@"E:\Offsite", usb.DisplayName);
        Assert.AreEqual(@"E:\", catalog.Member("Acme.Definitions.UsbOffsite", "PathRoot"));
        CollectionAssert.AreEqual(new[] { "Offsite" }, ((IReadOnlyList<string>)catalog.Member("Acme.Definitions.UsbOffsite", "PathSegments")!).ToArray());
    }

    [TestMethod]
    public void TheDefinitionClassRegistrationIsTheCatalogEntry()
    {
        using var catalog = Load(Examples.Repository, Examples.Syncs);

        foreach (var registration in catalog.Registrations)
        {
            Assert.AreSame(registration, catalog.Member("Acme.Definitions." + registration.Name, "Registration"));
        }
    }
}
