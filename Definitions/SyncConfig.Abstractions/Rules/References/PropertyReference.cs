using System.Collections.Generic;
using System.Text;

namespace SyncConfig.Rules;

/// <summary>
/// An MSBuild-style <c>$(NAME)</c> reference inside a setting. The build checks only the syntax and skips
/// the value rules of a setting that holds one; the runtime resolves the references and then applies the
/// value rules to the result.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class PropertyReference
{
    private PropertyReference(string name, int index, int length)
    {
        Name = name;
        Index = index;
        Length = length;
    }

    public string Name { get; }

    /// <summary>Offset of <c>$(</c> in the setting's text.</summary>
    public int Index { get; }
    public int Length { get; }

    public override string ToString() => "$(" + Name + ")";

    /// <summary>True when the text holds anything that starts like a reference, valid or not.</summary>
    public static bool ContainsReference(string? text) =>
        text != null && (text.Contains("$(") || text.Contains("${"));

    /// <summary>The well-formed references in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<PropertyReference> FindAll(string? text)
    {
        var found = new List<PropertyReference>();
        Scan(text, found, null, Setting.Definition);
        return found;
    }

    /// <summary>Every malformed reference in <paramref name="text"/>, each with a corrected form.</summary>
    public static IReadOnlyList<RuleViolation> Check(string? text, string setting)
    {
        var violations = new List<RuleViolation>();
        Scan(text, null, violations, setting);
        return violations;
    }

    /// <summary>Replaces every reference by <paramref name="resolve"/>'s value; null when a name is unknown.</summary>
    public static string? Resolve(string text, System.Func<string, string?> resolve, ICollection<string>? unresolved = null)
    {
        var result = new StringBuilder();
        var position = 0;
        var complete = true;
        foreach (var reference in FindAll(text))
        {
            result.Append(text, position, reference.Index - position);
            var value = resolve(reference.Name);
            if (value == null)
            {
                complete = false;
                unresolved?.Add(reference.Name);
            }
            else
            {
                result.Append(value);
            }

            position = reference.Index + reference.Length;
        }

        result.Append(text, position, text.Length - position);
        return complete ? result.ToString() : null;
    }

    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || !(IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsLetter(c) || IsDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static void Scan(string? text, List<PropertyReference>? found, List<RuleViolation>? violations, string setting)
    {
        if (text == null)
        {
            return;
        }

        var i = 0;
        while (i < text.Length - 1)
        {
            if (text[i] != '$' || (text[i + 1] != '(' && text[i + 1] != '{'))
            {
                i++;
                continue;
            }

            var close = text.IndexOf(text[i + 1] == '(' ? ')' : '}', i + 2);
            var nextStart = text.IndexOf("$", i + 2, System.StringComparison.Ordinal);
            var terminated = close >= 0 && (nextStart < 0 || close < nextStart);
            var end = terminated ? close : (nextStart < 0 ? text.Length : nextStart) - 1;
            var name = text.Substring(i + 2, (terminated ? close : end + 1) - (i + 2));
            var written = text.Substring(i, end - i + 1);
            if (terminated && text[i + 1] == '(' && IsValidName(name))
            {
                found?.Add(new PropertyReference(name, i, written.Length));
            }
            else
            {
                violations?.Add(RuleCatalog.MalformedReference.Violation(
                    setting, null, written, setting, "$(" + CorrectedName(name) + ")"));
            }

            i = end + 1;
        }
    }

    private static string CorrectedName(string name)
    {
        var corrected = new StringBuilder();
        foreach (var c in name.Trim())
        {
            corrected.Append(IsLetter(c) || IsDigit(c) ? c : '_');
        }

        if (corrected.Length == 0 || IsDigit(corrected[0]))
        {
            corrected.Insert(0, corrected.Length == 0 ? "NAME" : "_");
        }

        return corrected.ToString();
    }

    private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
