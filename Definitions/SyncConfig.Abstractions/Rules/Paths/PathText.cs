using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>Splitting and checking path segments, shared by the path parsers.</summary>
internal static class PathText
{
    /// <summary>Characters Windows refuses in a file or folder name (besides the separators).</summary>
    public const string ForbiddenOnWindows = ":*?\"<>|";

    /// <summary>Non-empty segments; trailing and doubled separators carry no meaning.</summary>
    public static List<string> Segments(string path, char separator) =>
        path.Split(separator).Where(s => s.Length > 0).ToList();

    public static char? FirstForbidden(IEnumerable<string> segments, string forbidden)
    {
        foreach (var segment in segments)
        {
            foreach (var c in segment)
            {
                if (c < ' ' || forbidden.IndexOf(c) >= 0)
                {
                    return c;
                }
            }
        }

        return null;
    }

    public static string Replace(string text, string forbidden, char replacement)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] < ' ' || forbidden.IndexOf(chars[i]) >= 0)
            {
                chars[i] = replacement;
            }
        }

        return new string(chars);
    }
}
