using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>The location inside a bucket: forward slash separated, no leading slash, no empty or <c>..</c> segments.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class S3RootPath
{
    /// <summary>The root path's segments (empty for the bucket's top).</summary>
    public static RuleResult<IReadOnlyList<string>> Parse(string? rootPath, string setting = Setting.RootPath)
    {
        if (string.IsNullOrEmpty(rootPath))
        {
            return RuleResult<IReadOnlyList<string>>.Valid(new string[0]);
        }

        var text = rootPath!;
        var violations = new List<RuleViolation>();
        if (text.IndexOf('\\') >= 0)
        {
            text = text.Replace('\\', '/');
            violations.Add(RuleCatalog.WrongPathSeparator.Violation(setting, text, "Root path", rootPath!, "forward slash", text));
        }

        var segments = text.Split('/');
        var cleaned = segments.Where(s => s.Length > 0 && s != "." && s != "..").ToList();
        var corrected = string.Join("/", cleaned);
        string? problem = null;
        if (text.StartsWith("/", System.StringComparison.Ordinal))
        {
            problem = "starts with '/'";
        }
        else if (segments.Any(s => s == ".." || s == "."))
        {
            problem = "has a '.' or '..' segment";
        }
        else if (segments.Take(segments.Length - 1).Any(s => s.Length == 0))
        {
            problem = "has an empty segment";
        }

        if (problem != null)
        {
            violations.Add(RuleCatalog.InvalidRootPath.Violation(setting, corrected, rootPath!, problem, corrected));
            return new RuleResult<IReadOnlyList<string>>(null, violations);
        }

        return new RuleResult<IReadOnlyList<string>>(cleaned, violations);
    }
}
