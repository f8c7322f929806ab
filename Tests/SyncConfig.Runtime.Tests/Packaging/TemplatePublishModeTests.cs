using System.Runtime.InteropServices;
using System.Text.Json;
using SyncConfig.Runtime.Tests.Infrastructure;

namespace SyncConfig.Runtime.Tests.Packaging;

/// <summary>
/// Which way the team template's project publishes for a runtime, read from the project itself (an evaluation, no
/// restore): Native AOT only for the Linux runtime of the machine that builds it, where its own C toolchain links the
/// executable; another architecture or C library (linux-arm64 from an x64 machine, linux-musl-x64 from glibc) cannot be
/// linked by that toolchain, and keeps the ReadyToRun single file that publishes from any machine.
/// </summary>
[TestClass]
public sealed class TemplatePublishModeTests
{
    [TestMethod]
    public void OnlyTheBuildMachinesOwnLinuxRuntimePublishesAsNativeAot()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Inconclusive("Native AOT is the default only when publishing on Linux.");
        var own = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var other = own == "linux-x64" ? "linux-arm64" : "linux-x64";

        Assert.AreEqual(("true", ""), PublishMode(own), own);
        Assert.AreEqual(("", "true"), PublishMode(other), other + ": a cross-architecture Native AOT link fails with the machine's own linker");
        Assert.AreEqual(("", "true"), PublishMode("linux-musl-x64"), "linux-musl-x64: the glibc machine's linker cannot link for musl");
        Assert.AreEqual(("", "true"), PublishMode("win-x64"), "win-x64");
        Assert.AreEqual(("", "true"), PublishMode(own, "-p:SyncConfigNativeAot=false"), own + " with SyncConfigNativeAot=false");
    }

    private static (string PublishAot, string PublishReadyToRun) PublishMode(string runtime, params string[] more)
    {
        using var folder = new TempFolder("template-mode");
        var project = Path.Combine(folder.Path, "ContosoSyncs.csproj");
        File.Copy(Path.Combine(DotnetTool.RepositoryRoot(), "Templates", "SyncConfig.Templates", "content", "syncconfig", "ContosoSyncs.csproj"), project);
        var (exitCode, output) = DotnetTool.Run("dotnet", folder.Path, TimeSpan.FromMinutes(2),
            ["msbuild", project, "-nologo", "-getProperty:PublishAot", "-getProperty:PublishReadyToRun", $"-p:RuntimeIdentifier={runtime}", .. more]);
        Assert.AreEqual(0, exitCode, output);
        var properties = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("Properties");
        return (properties.GetProperty("PublishAot").GetString()!, properties.GetProperty("PublishReadyToRun").GetString()!);
    }
}
