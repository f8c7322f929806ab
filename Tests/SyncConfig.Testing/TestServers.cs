namespace SyncConfig.Testing;

/// <summary>
/// The real servers scripts/servers/start runs on 127.0.0.1, as the servers.env it writes describes them (ports,
/// the test account, certificate fingerprints). A missing file fails the test: scripts/test.sh starts the servers
/// first, and a test that quietly skipped would prove nothing.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Values = new(() =>
    {
        var state = Environment.GetEnvironmentVariable("SYNCCONFIG_SERVERS_STATE") ?? "/tmp/syncconfig-servers";
        var file = Path.Combine(state, "servers.env");
        if (!File.Exists(file))
            throw new InvalidOperationException($"{file} is missing: start the test servers with scripts/servers/start.");
        return File.ReadAllLines(file)
            .Where(l => l.Contains('=') && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
    });

    public static string Value(string name) =>
        Values.Value.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"{name} is not in servers.env.");
}
