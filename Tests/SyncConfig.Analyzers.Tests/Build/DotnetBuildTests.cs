using System.Diagnostics;
using SyncConfig.Analyzers.Tests.Infrastructure;

namespace SyncConfig.Analyzers.Tests.Build;

/// <summary>
/// What a user sees: a real <c>dotnet build</c> of a project outside the repository that consumes the
/// attribute library and the analyzers the way <c>Definitions/</c> does, with a bad definition in it.
/// </summary>
[TestClass]
public sealed class DotnetBuildTests
{
    private const string BadDefinitions = """
        using SyncConfig;

        namespace Acme.Definitions;

        [SyncRepository(@"D:\Backups\Main")]
        public partial class MainRepository;

        [NetworkShareSync(@"nas01\offsite", Repository = typeof(MainRepository), FolderName = "Site1",
            UserName = "backup", Password = "hunter2")]
        public partial class NasOffsite;
        """;

    [TestMethod]
    public void BuildReportsTheDiagnosticOnTheLiteral()
    {
        var directory = Directory.CreateTempSubdirectory("syncconfig-build-");
        try
        {
            var root = Repository.Root();
            File.WriteAllText(Path.Combine(directory.FullName, "Definitions.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{root}/Definitions/SyncConfig.Abstractions/SyncConfig.Abstractions.csproj" />
                    <ProjectReference Include="{root}/Analyzers/SyncConfig.Analyzers/SyncConfig.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                </Project>
                """);
            var source = Path.Combine(directory.FullName, "Offsite.cs");
            File.WriteAllText(source, BadDefinitions);

            var (exitCode, output) = Build(directory.FullName);

            Assert.AreNotEqual(0, exitCode, output);
            StringAssert.Contains(output,
                $@"{source}(8,19): error SYNC0001: Network share path 'nas01\offsite' does not start with \\; write it as '\\nas01\offsite' (docs/diagnostics/SYNC0001.md)", output);
            StringAssert.Contains(output,
                $"{source}(9,37): warning SYNC0029: Password is written as a literal and ends up in source control; supply it from configuration as '$(NAS_OFFSITE_PASSWORD)' (docs/diagnostics/SYNC0029.md)", output);
            Assert.DoesNotContain("CS9057", output, "the analyzer was built against a newer compiler than the SDK's and did not load");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The referenced projects are already built for this configuration (the test project depends on them), so
    /// the build only compiles the temporary project and does not race other builds of the repository.
    /// </summary>
    private static (int ExitCode, string Output) Build(string directory)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet", ["build", "-c", configuration, "--no-dependencies", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
