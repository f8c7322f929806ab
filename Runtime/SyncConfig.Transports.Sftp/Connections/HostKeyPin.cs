using Renci.SshNet.Common;

namespace SyncConfig.Transports.Sftp.Connections;

/// <summary>
/// Holds the server to the pinned host key during the key exchange, before any credential is sent. Remembers the key
/// it saw, so a mismatch names both fingerprints and an unpinned target can show the user what to pin.
/// </summary>
internal sealed class HostKeyPin(string? pinned)
{
    private const string Prefix = "SHA256:";

    /// <summary>The fingerprint the server last presented (<c>SHA256:…</c>), or null before the first key exchange.</summary>
    public string? Seen { get; private set; }

    /// <summary>The key's algorithm, for example <c>ssh-ed25519</c>.</summary>
    public string? Algorithm { get; private set; }

    public string? Pinned => pinned;

    public bool Mismatched => pinned is not null && Seen is not null && !Same(pinned, Seen);

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        Seen = Prefix + e.FingerPrintSHA256.TrimEnd('=');
        Algorithm = e.HostKeyName;
        e.CanTrust = pinned is null || Same(pinned, Seen);
    }

    /// <summary>A line for the connection test: the key seen, and whether it is pinned.</summary>
    public string? Describe() => Seen is null
        ? null
        : pinned is null
            ? $"The server's host key is {Seen} ({Algorithm}); nothing pins it. Add HostKeyFingerprint = \"{Seen}\" to the definition once you have checked it with the server's administrator (ssh-keygen -l -f <host key>.pub on the server), so that a different server is refused."
            : $"The server's host key {Seen} ({Algorithm}) matches HostKeyFingerprint.";

    public string MismatchMessage(string server) =>
        $"The server at {server} presented the host key {Seen} ({Algorithm}), but HostKeyFingerprint pins {pinned}. Nothing was sent to it. "
        + "If the server's key was changed on purpose, put the new fingerprint into HostKeyFingerprint; otherwise something else answers at that address.";

    /// <summary>OpenSSH prints the base64 without padding; people may paste it with.</summary>
    private static bool Same(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string fingerprint) =>
        (fingerprint.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? fingerprint[Prefix.Length..] : fingerprint).Trim().TrimEnd('=');
}
