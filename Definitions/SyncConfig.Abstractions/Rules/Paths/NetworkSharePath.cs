using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>A UNC path <c>\\server\share[\folder…]</c>, parsed and normalized (no trailing or doubled separators).</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class NetworkSharePath : System.IEquatable<NetworkSharePath>
{
    public const string Example = @"\\server\share\folder";

    public NetworkSharePath(string server, string share, IReadOnlyList<string> folders)
    {
        Server = server;
        Share = share;
        Folders = folders;
    }

    public string Server { get; }
    public string Share { get; }
    public IReadOnlyList<string> Folders { get; }

    public override string ToString() => @"\\" + Server + @"\" + Share + string.Concat(Folders.Select(f => @"\" + f));

    public bool Equals(NetworkSharePath? other) =>
        other != null && string.Equals(ToString(), other.ToString(), System.StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as NetworkSharePath);

    public override int GetHashCode() => System.StringComparer.OrdinalIgnoreCase.GetHashCode(ToString());

    public static bool LooksLikeNetworkShare(string text) =>
        text.StartsWith(@"\\", System.StringComparison.Ordinal) || text.StartsWith("//", System.StringComparison.Ordinal);

    public static RuleResult<NetworkSharePath> Parse(string? text, string setting = Setting.Path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid(setting, text ?? "", "is empty", Example);
        }

        if (text!.IndexOf('/') >= 0)
        {
            var corrected = text.Replace('/', '\\');
            var parsed = Parse(corrected, setting);
            var separator = RuleCatalog.WrongPathSeparator.Violation(
                setting, corrected, "Network share path", text, "backslash", corrected);
            return new RuleResult<NetworkSharePath>(parsed.Value, new[] { separator }.Concat(parsed.Violations).ToList());
        }

        if (!text.StartsWith(@"\\", System.StringComparison.Ordinal))
        {
            return Invalid(setting, text, @"does not start with \\", @"\\" + text.TrimStart('\\'));
        }

        var parts = PathText.Segments(text.Substring(2), '\\');
        if (parts.Count == 0)
        {
            return Invalid(setting, text, "has no server name", Example);
        }

        var hostProblem = HostName.Problem(parts[0], allowNetBiosName: true);
        if (hostProblem != null)
        {
            return Invalid(setting, text, hostProblem, Example);
        }

        if (parts.Count == 1)
        {
            return Invalid(setting, text, "has no share name", @"\\" + parts[0] + @"\share");
        }

        var normalized = new NetworkSharePath(parts[0], parts[1], parts.Skip(2).ToList());
        var forbidden = PathText.FirstForbidden(parts.Skip(1), PathText.ForbiddenOnWindows);
        if (forbidden != null)
        {
            return Invalid(setting, text, "contains '" + forbidden + "', which a share or folder name cannot hold",
                PathText.Replace(normalized.ToString().Substring(2), PathText.ForbiddenOnWindows, '-').Insert(0, @"\\"));
        }

        return RuleResult<NetworkSharePath>.Valid(normalized);
    }

    private static RuleResult<NetworkSharePath> Invalid(string setting, string text, string problem, string corrected) =>
        RuleResult<NetworkSharePath>.Invalid(RuleCatalog.InvalidNetworkSharePath.Violation(setting, null, text, problem, corrected));
}
