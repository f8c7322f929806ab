namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// Replaces every configured secret value in text the runtime is about to print or write. The
/// runtime never formats a secret itself; this catches one that a server echoes back in an error.
/// </summary>
public sealed class SecretScrubber
{
    public const string Mask = "********";

    private readonly string[] _secrets;

    public SecretScrubber(IEnumerable<string> secrets) =>
        // Longest first, so a secret that contains another is masked whole.
        _secrets = secrets.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length).ToArray();

    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }
}
