namespace SyncConfig.Testing.Servers;

/// <summary>
/// The real test servers that scripts/servers/start runs on 127.0.0.1, as its servers.env describes them
/// (state folder: $SYNCCONFIG_SERVERS_STATE, default /tmp/syncconfig-servers).
/// </summary>
public static class TestServers
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Values = new(Read);

    /// <summary>A value of servers.env; throws, naming the script to run, when the servers are not started.</summary>
    public static string Get(string key) =>
        Values.Value.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"servers.env has no {key}: run scripts/servers/start first.");

    public static int Port(string key) => int.Parse(Get(key), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A fresh, empty folder in the test account's home for one test, writable by that account (it lands there
    /// through SFTP/FTP as that user, while the test reads it back as this one).
    /// </summary>
    public static string NewHomeFolder(string prefix)
    {
        var folder = Path.Combine(Get("SYNCTEST_HOME"), prefix + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        return folder;
    }

    /// <summary>
    /// A fresh, empty folder in the writable SMB share (<c>SYNCTEST_SMB_SHARE</c>) for one test, writable by the test
    /// account smbd acts as; its name is the folder's path below the share.
    /// </summary>
    public static string NewSmbFolder(string prefix)
    {
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(Get("SYNCTEST_SMB_SHARE_PATH"), name);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        return name;
    }

    private static IReadOnlyDictionary<string, string> Read()
    {
        var state = Environment.GetEnvironmentVariable("SYNCCONFIG_SERVERS_STATE") is { Length: > 0 } given ? given : "/tmp/syncconfig-servers";
        var file = Path.Combine(state, "servers.env");
        if (!File.Exists(file))
            throw new InvalidOperationException($"{file} does not exist: run scripts/servers/start (scripts/test.sh does).");
        return File.ReadLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }
}
