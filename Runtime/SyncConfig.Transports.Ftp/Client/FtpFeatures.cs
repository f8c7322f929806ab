namespace SyncConfig.Transports.Ftp.Client;

/// <summary>What a server's FEAT reply (RFC 2389) offers: one feature per line, a name and optional parameters.</summary>
public sealed class FtpFeatures
{
    private readonly Dictionary<string, string> _features;

    private FtpFeatures(Dictionary<string, string> features) => _features = features;

    public static FtpFeatures None { get; } = new(new Dictionary<string, string>());

    /// <summary>The features of a 211 reply; anything else (500/502: FEAT unknown) offers none.</summary>
    public static FtpFeatures Parse(FtpReply reply)
    {
        var features = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (reply.Code != 211)
            return new FtpFeatures(features);
        // The first and last lines are the reply's own text ("Features:", "End"); the features lie between.
        foreach (var line in reply.Lines.Skip(1).Take(reply.Lines.Count - 2))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
                continue;
            var space = trimmed.IndexOf(' ');
            var name = space < 0 ? trimmed : trimmed[..space];
            features.TryAdd(name, space < 0 ? "" : trimmed[(space + 1)..].Trim());
        }
        return new FtpFeatures(features);
    }

    public bool Has(string name) => _features.ContainsKey(name);

    /// <summary>The feature's parameters ("HASH SHA-256*;SHA-1" → "SHA-256*;SHA-1"), or null when it is not offered.</summary>
    public string? Parameters(string name) => _features.GetValueOrDefault(name);

    public IEnumerable<string> Names => _features.Keys;
}
