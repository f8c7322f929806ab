using System.Linq;
using System.Text;

namespace SyncConfig.Rules;

/// <summary>The S3 general-purpose bucket naming rules.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class S3BucketName
{
    public static RuleResult<string> Check(string? bucket, string setting = Setting.Bucket)
    {
        if (string.IsNullOrEmpty(bucket))
        {
            return Invalid(setting, "", "is required", "acme-offsite");
        }

        var problem = Problem(bucket!);
        return problem == null ? RuleResult<string>.Valid(bucket!) : Invalid(setting, bucket!, problem, Corrected(bucket!));
    }

    private static string? Problem(string bucket)
    {
        if (bucket.Length < 3 || bucket.Length > 63)
        {
            return "has " + bucket.Length + " characters, not 3 to 63";
        }

        // Every offending character at once, in order: a person fixes the name once, not once per character.
        var bad = bucket.Where(c => !IsAllowed(c)).Distinct().Select(c => "'" + c + "'").ToList();
        if (bad.Count > 0)
        {
            var listed = bad.Count == 1 ? bad[0] : string.Join(", ", bad.Take(bad.Count - 1)) + " and " + bad[bad.Count - 1];
            return "contains " + listed + "; only lowercase letters, digits, dots and hyphens are allowed";
        }

        if (!HostName.IsAsciiLetterOrDigit(bucket[0]) || !HostName.IsAsciiLetterOrDigit(bucket[bucket.Length - 1]))
        {
            return "must start and end with a letter or digit";
        }

        if (bucket.Contains(".."))
        {
            return "contains '..'";
        }

        if (HostName.IsIpAddress(bucket))
        {
            return "is formatted as an IP address";
        }

        if (bucket.StartsWith("xn--", System.StringComparison.Ordinal) || bucket.StartsWith("sthree-", System.StringComparison.Ordinal))
        {
            return "starts with a prefix S3 reserves";
        }

        if (bucket.EndsWith("-s3alias", System.StringComparison.Ordinal) || bucket.EndsWith("--ol-s3", System.StringComparison.Ordinal))
        {
            return "ends with a suffix S3 reserves";
        }

        return null;
    }

    private static string Corrected(string bucket)
    {
        var text = new StringBuilder();
        foreach (var c in bucket.ToLowerInvariant())
        {
            text.Append(IsAllowed(c) ? c : '-');
        }

        var corrected = text.ToString();
        while (corrected.Contains(".."))
        {
            corrected = corrected.Replace("..", ".");
        }

        if (corrected.StartsWith("xn--", System.StringComparison.Ordinal) || corrected.StartsWith("sthree-", System.StringComparison.Ordinal))
        {
            corrected = "b-" + corrected;
        }

        foreach (var suffix in new[] { "-s3alias", "--ol-s3" })
        {
            if (corrected.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                corrected = corrected.Substring(0, corrected.Length - suffix.Length);
            }
        }

        corrected = corrected.Trim('-', '.');
        if (HostName.IsIpAddress(corrected))
        {
            corrected = "bucket-" + corrected.Replace('.', '-');
        }

        if (corrected.Length > 63)
        {
            corrected = corrected.Substring(0, 63).TrimEnd('-', '.');
        }

        return corrected.Length < 3 ? (corrected + "-offsite").TrimStart('-') : corrected;
    }

    private static bool IsAllowed(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';

    private static RuleResult<string> Invalid(string setting, string bucket, string problem, string corrected) =>
        RuleResult<string>.Invalid(RuleCatalog.InvalidBucketName.Violation(setting, null, bucket, problem, corrected));
}
