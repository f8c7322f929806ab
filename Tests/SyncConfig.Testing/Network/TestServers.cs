namespace SyncConfig.Testing.Network;

/// <summary>
/// The real test servers' coordinates: the servers.env that scripts/servers/start writes (ports, accounts, endpoints)
/// in the state folder, SYNCCONFIG_SERVERS_STATE or /tmp/syncconfig-servers.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Env = new(Read);

    /// <summary>A value of servers.env; a missing one fails with how to start the servers.</summary>
    public static string Value(string name) =>
        Env.Value.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"{name} is missing from servers.env: run scripts/servers/start.");

    private static IReadOnlyDictionary<string, string> Read()
    {
        var state = Environment.GetEnvironmentVariable("SYNCCONFIG_SERVERS_STATE") is { Length: > 0 } s ? s : "/tmp/syncconfig-servers";
        var file = Path.Combine(state, "servers.env");
        if (!File.Exists(file))
            throw new InvalidOperationException($"No {file}: start the test servers with scripts/servers/start (scripts/test.sh does).");
        return File.ReadLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
    }
}
