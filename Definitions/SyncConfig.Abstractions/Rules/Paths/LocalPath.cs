using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

#if SYNCCONFIG_ABSTRACTIONS
public
#endif
enum LocalPathStyle
{
    /// <summary><c>E:\Offsite</c></summary>
    Windows,

    /// <summary><c>/mnt/offsite</c></summary>
    Posix,
}

/// <summary>An absolute local path, Windows (<c>E:\x</c>) or POSIX (<c>/x</c>), normalized.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class LocalPath : System.IEquatable<LocalPath>
{
    public const string WindowsExample = @"E:\Offsite";

    public LocalPath(LocalPathStyle style, string drive, IReadOnlyList<string> segments)
    {
        Style = style;
        Drive = drive;
        Segments = segments;
    }

    public LocalPathStyle Style { get; }

    /// <summary><c>E:</c> on Windows (upper case), empty on POSIX.</summary>
    public string Drive { get; }
    public IReadOnlyList<string> Segments { get; }

    public override string ToString() => Style == LocalPathStyle.Windows
        ? Drive + @"\" + string.Join(@"\", Segments)
        : "/" + string.Join("/", Segments);

    /// <summary>Windows paths compare without case, POSIX paths with it.</summary>
    public bool Equals(LocalPath? other) =>
        other != null && Style == other.Style && string.Equals(ToString(), other.ToString(), Comparison);

    public override bool Equals(object? obj) => Equals(obj as LocalPath);

    public override int GetHashCode() =>
        (Style == LocalPathStyle.Windows ? System.StringComparer.OrdinalIgnoreCase : System.StringComparer.Ordinal).GetHashCode(ToString());

    private System.StringComparison Comparison =>
        Style == LocalPathStyle.Windows ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal;

    /// <summary>A <c>[LocalPathSync]</c> target path.</summary>
    public static RuleResult<LocalPath> Parse(string? text, string setting = Setting.Path) =>
        Parse(text, setting, RuleCatalog.InvalidLocalPath, "Local path", WindowsExample);

    /// <summary>
    /// The parser behind both local targets and repository paths; <paramref name="invalid"/> is the
    /// descriptor the caller reports malformed paths with, <paramref name="example"/> what an empty one is told to write.
    /// </summary>
    internal static RuleResult<LocalPath> Parse(string? text, string setting, RuleDescriptor invalid, string label, string example)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid(invalid, setting, text ?? "", "is empty", example);
        }

        var path = text!;
        if (NetworkSharePath.LooksLikeNetworkShare(path))
        {
            return RuleResult<LocalPath>.Invalid(RuleCatalog.NetworkShareInLocalPath.Violation(
                setting, null, path, path.Replace('/', '\\')));
        }

        if (path.Length >= 2 && IsDriveLetter(path[0]) && path[1] == ':')
        {
            if (path.Length == 2 || (path[2] != '\\' && path[2] != '/'))
            {
                var rooted = path.Substring(0, 2).ToUpperInvariant() + @"\" + path.Substring(2);
                return Invalid(invalid, setting, path, "is relative to the current folder of drive " + path.Substring(0, 2), rooted);
            }

            var windows = new LocalPath(LocalPathStyle.Windows, path.Substring(0, 2).ToUpperInvariant(), PathText.Segments(path.Substring(3).Replace('/', '\\'), '\\'));
            if (path.IndexOf('/') >= 0)
            {
                var corrected = path.Replace('/', '\\');
                return new RuleResult<LocalPath>(windows, new[]
                {
                    RuleCatalog.WrongPathSeparator.Violation(setting, corrected, label, path, "backslash", corrected),
                });
            }

            var forbidden = PathText.FirstForbidden(windows.Segments, PathText.ForbiddenOnWindows);
            if (forbidden != null)
            {
                return Invalid(invalid, setting, path, "contains '" + forbidden + "', which Windows does not allow in a path",
                    PathText.Replace(windows.ToString().Substring(3), PathText.ForbiddenOnWindows, '-').Insert(0, windows.Drive + @"\"));
            }

            return RuleResult<LocalPath>.Valid(windows);
        }

        if (path[0] == '/')
        {
            return RuleResult<LocalPath>.Valid(new LocalPath(LocalPathStyle.Posix, "", PathText.Segments(path, '/')));
        }

        var relative = path.TrimStart('.', '\\', '/');
        var suggestion = path.IndexOf('\\') >= 0 ? @"C:\" + relative : "/" + relative;
        return Invalid(invalid, setting, path, "is relative", suggestion);
    }

    private static bool IsDriveLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static RuleResult<LocalPath> Invalid(RuleDescriptor invalid, string setting, string text, string problem, string corrected) =>
        RuleResult<LocalPath>.Invalid(invalid.Violation(setting, null, text, problem, corrected));
}
