namespace SyncConfig.Runtime.Tests.Infrastructure;

/// <summary>Fails when any secret value appears in the given text or in any file under the given folder.</summary>
public static class SecretScan
{
    public static void AssertNone(IEnumerable<string> secrets, string text, string folder)
    {
        var values = secrets.ToList();
        Assert.IsNotEmpty(values, "nothing to scan for");
        foreach (var secret in values)
        {
            Assert.DoesNotContain(secret, text, "a secret appeared in the output");
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (file.EndsWith("secrets.json", StringComparison.Ordinal))
                    continue;
                Assert.DoesNotContain(secret, File.ReadAllText(file), $"a secret appeared in {file}");
            }
        }
    }
}
