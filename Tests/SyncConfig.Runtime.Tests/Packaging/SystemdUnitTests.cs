namespace SyncConfig.Runtime.Tests.Packaging;

/// <summary>
/// The systemd unit the template ships (deploy/syncconfig.service) passes <c>systemd-analyze verify</c>: every key
/// known and every value parsed. verify also wants ExecStart's program to exist, so a copy of the unit points it at a
/// stand-in file in a temporary folder.
/// </summary>
[TestClass]
public sealed class SystemdUnitTests
{
    private static string Unit => Path.Combine(DotnetTool.RepositoryRoot(), "Templates", "SyncConfig.Templates", "content", "syncconfig", "deploy", "syncconfig.service");

    [TestMethod]
    public void UnitIsHardenedAndNotifies()
    {
        var text = File.ReadAllText(Unit);
        foreach (var line in new[] { "Type=notify", "StateDirectory=syncconfig", "ProtectSystem=strict", "NoNewPrivileges=yes",
                     "LoadCredential=secrets.json:/etc/syncconfig/secrets.json", "Environment=SyncConfig__SecretsFile=%d/secrets.json",
                     "ExecStart=/opt/syncconfig/syncconfig run --config /etc/syncconfig/appsettings.json" })
            StringAssert.Contains(text, "\n" + line + "\n", line);
        // .NET's JIT writes code it then runs: the unit must not forbid that.
        Assert.DoesNotContain("MemoryDenyWriteExecute=yes", text);
    }

    [TestMethod]
    public void SystemdAnalyzeVerifyPasses()
    {
        var analyze = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        if (analyze is null)
        {
            Assert.Inconclusive("systemd-analyze is not installed on this machine (Debian package systemd); the unit was not verified.");
            return;
        }

        var folder = Directory.CreateTempSubdirectory("syncconfig-unit-").FullName;
        try
        {
            var program = Path.Combine(folder, "syncconfig");
            File.Copy("/bin/true", program);
            var unit = Path.Combine(folder, "syncconfig.service");
            File.WriteAllText(unit, File.ReadAllText(Unit).Replace("/opt/syncconfig/syncconfig", program, StringComparison.Ordinal));

            var (code, output) = DotnetTool.Run(analyze, folder, TimeSpan.FromMinutes(1), "verify", "--man=no", unit);
            Assert.AreEqual(0, code, output);
            // verify says what it ignored (an unknown key, a value it cannot parse) but still exits 0.
            Assert.DoesNotContain("syncconfig.service", output, output);

            // The check catches a broken unit.
            File.WriteAllText(unit, File.ReadAllText(unit).Replace("Type=notify", "Type=notifyy", StringComparison.Ordinal));
            var (_, broken) = DotnetTool.Run(analyze, folder, TimeSpan.FromMinutes(1), "verify", "--man=no", unit);
            StringAssert.Contains(broken, "syncconfig.service", broken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
