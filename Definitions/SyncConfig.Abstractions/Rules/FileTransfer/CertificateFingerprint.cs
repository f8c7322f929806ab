using System.Text;

namespace SyncConfig.Rules;

/// <summary>
/// A TLS server certificate pin (FTPS, S3 over HTTPS): the SHA-256 fingerprint as 64 hex digits, optionally in
/// colon-separated pairs as <c>openssl x509 -fingerprint -sha256</c> prints it.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class CertificateFingerprint
{
    public const string Example = "9F:86:D0:81:88:4C:7D:65:9A:2F:EA:A0:C5:5A:D0:15:A3:BF:4F:1B:2B:0B:82:2C:D1:5D:6C:15:B0:F0:0A:08";

    /// <summary>The 32 hash bytes, or null with a violation.</summary>
    public static RuleResult<byte[]> Parse(string? text, string setting = Setting.CertificateFingerprint)
    {
        var written = text ?? "";
        var digits = new StringBuilder();
        foreach (var c in written)
        {
            if (c == ':' || c == ' ')
            {
                continue;
            }

            if (!IsHex(c))
            {
                return Invalid(setting, written, "contains '" + c + "', which is not a hex digit");
            }

            digits.Append(c);
        }

        if (digits.Length != 64)
        {
            var problem = digits.Length == 40 ? "is a SHA-1 fingerprint, which is not accepted" : "has " + digits.Length + " hex digits, not 64";
            return Invalid(setting, written, problem);
        }

        var hash = new byte[32];
        for (var i = 0; i < hash.Length; i++)
        {
            hash[i] = (byte)((Value(digits[2 * i]) << 4) | Value(digits[2 * i + 1]));
        }

        return RuleResult<byte[]>.Valid(hash);
    }

    /// <summary>The fingerprint as messages show it and <c>openssl</c> prints it: colon-separated upper-case pairs.</summary>
    public static string Format(byte[] hash)
    {
        var text = new StringBuilder(hash.Length * 3);
        foreach (var b in hash)
        {
            text.Append(text.Length == 0 ? "" : ":").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int Value(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static RuleResult<byte[]> Invalid(string setting, string text, string problem) =>
        RuleResult<byte[]>.Invalid(RuleCatalog.InvalidCertificateFingerprint.Violation(setting, null, text, problem, Example));
}
