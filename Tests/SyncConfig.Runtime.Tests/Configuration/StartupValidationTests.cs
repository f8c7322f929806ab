using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Configuration;

[TestClass]
public sealed class StartupValidationTests
{
    [TestMethod]
    public void ListsEveryUnresolvedReferenceWithItsDefinition()
    {
        using var folder = new TempFolder();
        var configuration = Load(folder, """{ "Values": { "T_KNOWN_TARGET": "/mnt/offsite" } }""");

        var result = StartupValidation.Validate(configuration,
        [
            Registrations.LocalPath("First", "$(T_MISSING_REPO)", "$(T_KNOWN_TARGET)"),
            Registrations.LocalPath("Second", "/srv/backups", "$(T_MISSING_TARGET)", folderName: "$(T_MISSING_FOLDER)"),
        ]);

        Assert.IsFalse(result.IsValid);
        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.HasCount(3, problems);
        Assert.IsTrue(problems.Any(p => p.StartsWith("First.Repository:", StringComparison.Ordinal) && p.Contains("$(T_MISSING_REPO)")), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("Second.Path:", StringComparison.Ordinal) && p.Contains("$(T_MISSING_TARGET)")), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("Second.FolderName:", StringComparison.Ordinal) && p.Contains("$(T_MISSING_FOLDER)")), string.Join("\n", problems));
    }

    [TestMethod]
    public void ResolvedValuesThatBreakARuleAreReportedWithTheRule()
    {
        using var folder = new TempFolder();
        var configuration = Load(folder, """
            { "Values": { "T_BUCKET": "Not_A_Bucket", "T_REGION": "eu-central-2", "T_KEY": "AKIAEXAMPLE", "T_SECRET": "s3cr3t-value", "T_FOLDER": "bad/name" } }
            """);

        var result = StartupValidation.Validate(configuration,
        [
            Registrations.S3("Cloud", "$(T_BUCKET)", "$(T_REGION)", "$(T_KEY)", "$(T_SECRET)"),
            Registrations.LocalPath("Usb", "/srv/backups", "/mnt/usb", folderName: "$(T_FOLDER)"),
        ]);

        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.IsTrue(problems.Any(p => p.StartsWith("Cloud.Bucket: SYNC", StringComparison.Ordinal) && p.Contains("Not_A_Bucket")), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("Usb.FolderName: SYNC", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsFalse(problems.Any(p => p.Contains("s3cr3t-value")), "a problem message quoted a secret");
    }

    [TestMethod]
    public void ReferencesResolvingToTheSameRemoteFolderAreReportedForBothSyncs()
    {
        using var folder = new TempFolder();
        var configuration = Load(folder, """{ "Values": { "T_USB": "/mnt/usb", "T_DISK": "/mnt/usb/" } }""");

        var result = StartupValidation.Validate(configuration,
        [
            Registrations.LocalPath("First", "/srv/backups/one", "$(T_USB)"),
            Registrations.LocalPath("Second", "/srv/backups/two", "$(T_DISK)"),
            Registrations.LocalPath("Third", "/srv/backups/three", "$(T_USB)", folderName: "Other"),
        ]);

        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.HasCount(2, problems, string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("First.FolderName: SYNC0022", StringComparison.Ordinal) && p.Contains("Second")), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("Second.FolderName: SYNC0022", StringComparison.Ordinal) && p.Contains("First")), string.Join("\n", problems));
    }

    [TestMethod]
    [DataRow(@"E:\Offsite", "Windows path (drive E:)")]
    [DataRow(@"e:/offsite", "Windows path (drive E:)")]
    [DataRow(@"\\server\share\offsite", "Windows network share")]
    public void AWindowsLocalPathOnLinuxIsAConfigurationErrorThatSaysSo(string path, string says)
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("A Windows path is this host's own on Windows.");
        using var folder = new TempFolder();
        var configuration = Load(folder, "{}");

        var result = StartupValidation.Validate(configuration, [Registrations.LocalPath("Usb", "/srv/backups/main", path)]);

        // Other rules may add their own word (SYNC0008 for a share); this one names the host.
        var problem = result.Problems.Select(p => p.ToString()).Single(p => p.StartsWith("Usb.Path: Local path", StringComparison.Ordinal));
        Assert.StartsWith("Usb.Path: Local path '" + path + "' is a " + says, problem);
        StringAssert.Contains(problem, "this host does not run Windows");
        Assert.IsFalse(result.Problems.Any(p => p.Message.Contains("overlap", StringComparison.Ordinal)), "no second, confusing problem");
    }

    [TestMethod]
    public void AWindowsRepositoryPathOnLinuxIsAConfigurationError()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("A Windows path is this host's own on Windows.");
        using var folder = new TempFolder();
        var configuration = Load(folder, """{ "Values": { "T_REPO": "D:\\Backups\\Main" } }""");

        var result = StartupValidation.Validate(configuration, [Registrations.LocalPath("Usb", "$(T_REPO)", "/mnt/offsite")]);

        StringAssert.Contains(result.Problems.Single().ToString(), @"Usb.Repository: Repository path 'D:\Backups\Main' is a Windows path");
    }

    [TestMethod]
    [DataRow("/mnt/offsite", false, false)]
    [DataRow(@"E:\Offsite", true, false)]
    [DataRow(@"\\nas\share", true, false)]
    [DataRow(@"E:\Offsite", false, true)]
    [DataRow(@"\\nas\share", false, true)]
    [DataRow("/mnt/offsite", true, true)]
    public void PathsAreCheckedAgainstTheHostsSystem(string path, bool onLinuxIsWrong, bool onWindows)
    {
        var problem = HostPaths.Problem("Local path", path, onWindows);

        var expected = onWindows ? path.StartsWith('/') : onLinuxIsWrong;
        Assert.AreEqual(expected, problem is not null, problem);
    }

    [TestMethod]
    public void ValidConfigurationResolvesEveryReference()
    {
        using var folder = new TempFolder();
        var configuration = Load(folder, """{ "Values": { "T_REPO": "/srv/backups/main", "T_ROOT": "/mnt" } }""");

        var result = StartupValidation.Validate(configuration, [Registrations.LocalPath("Usb", "$(T_REPO)", "$(T_ROOT)/offsite")]);

        Assert.IsTrue(result.IsValid, string.Join("\n", result.Problems));
        Assert.AreEqual("/srv/backups/main", result.Syncs[0].RepositoryPath);
        Assert.AreEqual("/mnt/offsite", result.Syncs[0].Destination.DisplayPath);
    }

    [TestMethod]
    public void SecretsFileOverridesAppsettingsAndItsValuesAreMarkedSecret()
    {
        using var folder = new TempFolder();
        WriteSecrets(folder, """{ "T_PASSWORD": "from-secrets-file" }""");
        var configuration = Load(folder, """{ "Values": { "T_PASSWORD": "from-appsettings" } }""");

        var result = StartupValidation.Validate(configuration,
            [Registrations.LocalPath("Usb", "/srv/backups", "/mnt/usb", userName: "backup", password: "$(T_PASSWORD)")]);

        Assert.IsTrue(result.IsValid, string.Join("\n", result.Problems));
        CollectionAssert.AreEqual(new[] { "from-secrets-file" }, result.Syncs[0].SecretValues.ToArray());
    }

    [TestMethod]
    public void SecretsFileReadableByOthersIsRefused()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("Unix file modes only.");
            return;
        }

        using var folder = new TempFolder();
        WriteSecrets(folder, """{ "T_PASSWORD": "open-secret" }""");
        File.SetUnixFileMode(folder.Combine("secrets.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var configuration = Load(folder, "{}");

        var result = StartupValidation.Validate(configuration,
            [Registrations.LocalPath("Usb", "/srv/backups", "/mnt/usb", userName: "backup", password: "$(T_PASSWORD)")]);

        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.IsTrue(problems.Any(p => p.Contains("chmod 600")), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("Usb.Password:", StringComparison.Ordinal)), "the secret must not be read from an open file");
        Assert.IsFalse(problems.Any(p => p.Contains("open-secret")));
    }

    [TestMethod]
    public void UnknownTimeZoneIsAProblem()
    {
        using var folder = new TempFolder();
        var configuration = Load(folder, """{ "SyncConfig": { "TimeZone": "Mars/Olympus_Mons" } }""");

        var result = StartupValidation.Validate(configuration, []);

        Assert.IsTrue(result.Problems.Any(p => p.Message.Contains("Mars/Olympus_Mons")));
    }

    [TestMethod]
    public void StateAndStatusFoldersAreRelativeToTheConfigurationFile()
    {
        using var folder = new TempFolder();
        var configuration = Load(folder, """{ "SyncConfig": { "StateFolder": "my-state", "TimeZone": "Europe/Berlin" } }""");

        Assert.AreEqual(folder.Combine("my-state"), configuration.Settings.StateFolder);
        // Left out, it is the platform's place for a service's state, not beside the configuration or the executable.
        Assert.AreEqual(Path.Combine(DefaultFolders.Root(), "status"), configuration.Settings.StatusFolder);
        Assert.AreEqual("Europe/Berlin", configuration.TimeZone.Id);
    }

    private static RuntimeConfiguration Load(TempFolder folder, string json)
    {
        var path = folder.Combine("appsettings.test.json");
        File.WriteAllText(path, json);
        return RuntimeConfiguration.Load(path);
    }

    private static void WriteSecrets(TempFolder folder, string json)
    {
        var path = folder.Combine("secrets.json");
        File.WriteAllText(path, json);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
