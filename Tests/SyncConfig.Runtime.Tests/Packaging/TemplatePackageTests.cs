using SyncConfig.Testing;

namespace SyncConfig.Runtime.Tests.Packaging;

/// <summary>
/// What a new team does, from the packages this repository builds: in an empty folder outside the repository whose
/// only added package source is a folder of freshly packed packages, <c>dotnet new syncconfig</c>, build, break a
/// definition and fix it, publish one self-contained file, and run that file's list, sync and verify.
/// </summary>
[TestClass]
public sealed class TemplatePackageTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(8);

    private const string BadDefinition = """
        using SyncConfig;

        namespace ContosoSyncs;

        [LocalPathSync("$(OFFSITE_FOLDER)", Repository = typeof(MainRepository), FolderName = "Second")]
        [SyncWindow("25:00", "05:00")]
        public partial class SecondOffsite;
        """;

    [TestMethod]
    [Timeout(30 * 60 * 1000, CooperativeCancellation = true)]
    public void NewTeamProjectBuildsPublishesAndSyncs()
    {
        var root = DotnetTool.RepositoryRoot();
        // A version of its own: the machine's package cache never hands back an older build of the same number.
        var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var work = Directory.CreateTempSubdirectory("syncconfig-packages-").FullName;
        Assert.IsFalse(work.StartsWith(root, StringComparison.Ordinal), "the team's folder must be outside the repository");
        var feed = Path.Combine(work, "feed");
        var hive = Path.Combine(work, "template-hive");
        var teamFolder = Path.Combine(work, "team");
        Directory.CreateDirectory(teamFolder);
        try
        {
            // Pack what the test project's build already built (no build, no restore: no race with other builds).
            var pack = DotnetTool.Run("dotnet", root, Step, "pack", Path.Combine(root, "SyncConfig.Packages.slnf"), "-c", DotnetTool.Configuration,
                "--no-build", "-nologo", $"-p:PackageVersion={version}", $"-p:PackageOutputPath={feed}/");
            Assert.AreEqual(0, pack.ExitCode, pack.Output);
            foreach (var id in new[] { "SyncConfig", "SyncConfig.Runtime", "SyncConfig.Templates", "SyncConfig.Engine", "SyncConfig.Transports.LocalPath" })
                Assert.IsTrue(File.Exists(Path.Combine(feed, $"{id}.{version}.nupkg")), $"{id} was not packed:\n{pack.Output}");

            PackageHas(Path.Combine(feed, $"SyncConfig.{version}.nupkg"), "lib/netstandard2.0/SyncConfig.Abstractions.dll",
                "analyzers/dotnet/cs/SyncConfig.Analyzers.dll", "analyzers/dotnet/cs/SyncConfig.Analyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/SyncConfig.Generators.dll", "README.md");
            PackageHas(Path.Combine(feed, $"SyncConfig.Runtime.{version}.nupkg"), "lib/net10.0/SyncConfig.Runtime.dll",
                "build/SyncConfig.Runtime.targets", "build/SyncConfigProgram.cs", "README.md");
            Assert.IsTrue(File.Exists(Path.Combine(feed, $"SyncConfig.Runtime.{version}.snupkg")), "no symbols package");

            // Only the feed is added; the machine's own package sources stay as they are for everything else.
            File.WriteAllText(Path.Combine(teamFolder, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="syncconfig-packages" value="{feed}" />
                  </packageSources>
                </configuration>
                """);

            Expect(0, "dotnet", teamFolder, "new", "install", Path.Combine(feed, $"SyncConfig.Templates.{version}.nupkg"), "--debug:custom-hive", hive);
            Expect(0, "dotnet", teamFolder, "new", "syncconfig", "-n", "ContosoSyncs", "--debug:custom-hive", hive);
            var project = Path.Combine(teamFolder, "ContosoSyncs");
            foreach (var file in new[] { "ContosoSyncs.csproj", "Definitions.cs", "appsettings.json", "secrets.example.json", "README.md", "deploy/syncconfig.service" })
                Assert.IsTrue(File.Exists(Path.Combine(project, file)), file + " is missing from the new project");
            StringAssert.Contains(File.ReadAllText(Path.Combine(project, "ContosoSyncs.csproj")), $"Version=\"{version}\"");

            var clean = Expect(0, "dotnet", project, "build", "-c", "Release", "-nologo");
            StringAssert.Contains(clean, "0 Warning(s)", clean);
            StringAssert.Contains(clean, "0 Error(s)", clean);

            var bad = Path.Combine(project, "Second.cs");
            File.WriteAllText(bad, BadDefinition);
            var broken = DotnetTool.Run("dotnet", project, Step, "build", "-c", "Release", "-nologo");
            Assert.AreNotEqual(0, broken.ExitCode, broken.Output);
            StringAssert.Contains(broken.Output, $"{bad}(6,13): error SYNC0025", broken.Output);

            File.WriteAllText(bad, BadDefinition.Replace("\"25:00\"", "\"21:00\"", StringComparison.Ordinal));
            var fixedBuild = Expect(0, "dotnet", project, "build", "-c", "Release", "-nologo");
            StringAssert.Contains(fixedBuild, "0 Warning(s)", fixedBuild);
            StringAssert.Contains(fixedBuild, "0 Error(s)", fixedBuild);

            // For Linux on Linux, the template publishes Native AOT: one native file, which the rest of the test runs.
            var output = Path.Combine(work, "published");
            Expect(0, "dotnet", project, "publish", "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo");
            var executable = Path.Combine(output, "syncconfig");
            Assert.IsTrue(File.Exists(executable), "no executable");
            Assert.IsEmpty(Directory.GetFiles(output, "*.dll"), "the published folder has loose assemblies: " + string.Join(", ", Directory.GetFiles(output)));
            Assert.IsTrue(File.Exists(Path.Combine(output, "appsettings.json")));
            Assert.IsTrue(new FileInfo(executable).Length < 64L << 20, $"{new FileInfo(executable).Length} bytes: not the native executable");

            // The other way (Windows, or SyncConfigNativeAot=false): one self-contained file. ReadyToRun (its default) is
            // left out here only to keep the test short.
            var singleFile = Path.Combine(work, "single-file");
            Expect(0, "dotnet", project, "publish", "-c", "Release", "-r", "linux-x64", "-o", singleFile, "-nologo",
                "-p:SyncConfigNativeAot=false", "-p:PublishReadyToRun=false");
            Assert.IsEmpty(Directory.GetFiles(singleFile, "*.dll"), "the single file left loose assemblies: " + string.Join(", ", Directory.GetFiles(singleFile)));
            StringAssert.Contains(Expect(0, Path.Combine(singleFile, "syncconfig"), work, "list"), "LocalOffsite");

            // Run it where nothing of the repository or the SDK is near: a repository with two images, a local target.
            var run = Path.Combine(work, "run");
            var repository = Path.Combine(run, "repository");
            var target = Path.Combine(run, "offsite");
            Directory.CreateDirectory(target);
            var images = new RepositoryBuilder(repository);
            images.Write("PC01/1A2B3C/full.mrimg", 1 << 20, 1);
            images.Write("PC01/1A2B3C/incremental-1.mrimg", 1 << 18, 2);
            var config = Path.Combine(run, "appsettings.json");
            File.WriteAllText(config, $$"""
                {
                  "SyncConfig": { "StateFolder": "state", "StatusFolder": "status", "TimeZone": "UTC" },
                  "Values": { "BACKUP_REPOSITORY": "{{repository}}", "OFFSITE_FOLDER": "{{target}}" }
                }
                """);

            var list = Expect(0, executable, run, "list");
            StringAssert.Contains(list, "LocalOffsite", list);
            StringAssert.Contains(list, "SecondOffsite", list);

            Expect(0, executable, run, "sync", "LocalOffsite", "--now", "--config", config);
            Assert.IsTrue(File.Exists(Path.Combine(target, "Server1", "PC01", "1A2B3C", "full.mrimg"))
                || Directory.EnumerateFiles(Path.Combine(target, "Server1"), "full.mrimg", SearchOption.AllDirectories).Any(),
                "the image did not arrive in the target folder");
            Expect(0, executable, run, "verify", "LocalOffsite", "--config", config);
        }
        finally
        {
            TryDelete(work);
            // The packages of this one version went into the machine's package cache on restore; take them out again.
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            if (Directory.Exists(cache))
            {
                foreach (var package in Directory.GetDirectories(cache, "syncconfig*"))
                {
                    TryDelete(Path.Combine(package, version));
                    // The package's own folder too, when no other version is in it (a non-recursive delete refuses otherwise).
                    try
                    {
                        if (!Directory.EnumerateFileSystemEntries(package).Any())
                            Directory.Delete(package);
                    }
                    catch (IOException)
                    {
                    }
                }
            }
        }
    }

    /// <summary>The package holds these files, and its manifest the metadata every package carries.</summary>
    private static void PackageHas(string package, params string[] files)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files)
            Assert.Contains(file, names, $"{Path.GetFileName(package)} lacks {file}: {string.Join(", ", names)}");
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var nuspec = reader.ReadToEnd();
        foreach (var element in new[] { "<license type=\"expression\">MIT</license>", "<readme>README.md</readme>", "<description>", "<repository type=\"git\"" })
            StringAssert.Contains(nuspec, element, nuspec);
    }

    private static string Expect(int exitCode, string fileName, string folder, params string[] arguments)
    {
        var (code, output) = DotnetTool.Run(fileName, folder, Step, arguments);
        Assert.AreEqual(exitCode, code, $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)}\n{output}");
        return output;
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temporary folder's own cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
