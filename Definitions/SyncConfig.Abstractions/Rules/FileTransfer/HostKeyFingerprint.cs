using System;

namespace SyncConfig.Rules;

/// <summary>An SSH host key fingerprint as OpenSSH prints it: <c>SHA256:</c> and the base64 of a 32-byte hash.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class HostKeyFingerprint
{
    public const string Prefix = "SHA256:";
    public const string Example = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";

    /// <summary>The 32 hash bytes, or null with a violation.</summary>
    public static RuleResult<byte[]> Parse(string? text, string setting = Setting.HostKeyFingerprint)
    {
        var written = text ?? "";
        if (!written.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var corrected = written.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                ? Prefix + written.Substring(Prefix.Length)
                : Example;
            var problem = written.IndexOf(':') > 0 && written.Split(':').Length > 8
                ? "looks like an MD5 fingerprint, which is not accepted"
                : "does not start with '" + Prefix + "'";
            return Invalid(setting, written, problem, corrected);
        }

        var hash = Decode(written.Substring(Prefix.Length));
        if (hash == null || hash.Length != 32)
        {
            return Invalid(setting, written, "is not the base64 of a 32-byte SHA-256 hash", Example);
        }

        return RuleResult<byte[]>.Valid(hash);
    }

    private static byte[]? Decode(string base64)
    {
        // OpenSSH drops the padding; Convert wants it.
        var padded = base64.TrimEnd('=');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static RuleResult<byte[]> Invalid(string setting, string text, string problem, string corrected) =>
        RuleResult<byte[]>.Invalid(RuleCatalog.InvalidHostKeyFingerprint.Violation(setting, null, text, problem, corrected));
}
