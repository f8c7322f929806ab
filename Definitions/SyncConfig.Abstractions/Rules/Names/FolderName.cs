using System.Linq;

namespace SyncConfig.Rules;

/// <summary>A single folder name that every target accepts (the strictest, Windows, decides).</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class FolderName
{
    public const int MaxLength = 255;
    private const string Forbidden = "\\/:*?\"<>|";
    private static readonly string[] ReservedDeviceNames =
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static RuleResult<string> Check(string? name, string setting = Setting.FolderName)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Invalid(setting, "", "is required: it is the folder created on the target for this repository", "SiteManager1");
        }

        var problem = Problem(name!);
        return problem == null ? RuleResult<string>.Valid(name!) : Invalid(setting, name!, problem, Corrected(name!));
    }

    private static string? Problem(string name)
    {
        var bad = name.FirstOrDefault(c => c < ' ' || Forbidden.IndexOf(c) >= 0);
        if (bad != default(char))
        {
            return bad < ' ' ? "contains a control character" : "contains '" + bad + "'";
        }

        if (name.EndsWith(".", System.StringComparison.Ordinal) || name.EndsWith(" ", System.StringComparison.Ordinal))
        {
            return "ends with a dot or a space";
        }

        if (IsReserved(name))
        {
            return "is a name Windows reserves for a device";
        }

        return name.Length > MaxLength ? "has " + name.Length + " characters, more than " + MaxLength : null;
    }

    /// <summary>CON, NUL.txt, com1…: Windows reserves the device names with any extension.</summary>
    private static bool IsReserved(string name)
    {
        var dot = name.IndexOf('.');
        var stem = (dot < 0 ? name : name.Substring(0, dot)).TrimEnd(' ');
        return ReservedDeviceNames.Any(r => string.Equals(r, stem, System.StringComparison.OrdinalIgnoreCase));
    }

    private static string Corrected(string name)
    {
        var corrected = new string(name.Select(c => c < ' ' || Forbidden.IndexOf(c) >= 0 ? '-' : c).ToArray()).TrimEnd('.', ' ');
        if (corrected.Length > MaxLength)
        {
            corrected = corrected.Substring(0, MaxLength).TrimEnd('.', ' ');
        }

        if (corrected.Length == 0)
        {
            return "SiteManager1";
        }

        return IsReserved(corrected) ? corrected + "-Sync" : corrected;
    }

    private static RuleResult<string> Invalid(string setting, string name, string problem, string corrected) =>
        RuleResult<string>.Invalid(RuleCatalog.InvalidFolderName.Violation(setting, null, name, problem, corrected));
}
