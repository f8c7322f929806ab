using System.Globalization;

namespace SyncConfig.Rules;

/// <summary>
/// One diagnostic as data: the analyzers turn it into a Roslyn descriptor and the runtime prints it,
/// so a build and a start-up say the same thing about the same value.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class RuleDescriptor
{
    /// <summary>Where the help pages live; the analyzers append <c>SYNCnnnn.md</c>.</summary>
    public const string HelpLinkBase = "docs/diagnostics/";

    public RuleDescriptor(string id, RuleSeverity severity, string title, string messageFormat)
    {
        Id = id;
        Severity = severity;
        Title = title;
        MessageFormat = messageFormat;
    }

    /// <summary><c>SYNC0001</c>…</summary>
    public string Id { get; }
    public RuleSeverity Severity { get; }
    public string Title { get; }

    /// <summary>A composite format: the violation's arguments quote the bad value and a corrected one.</summary>
    public string MessageFormat { get; }
    public string HelpLink => HelpLinkBase + Id + ".md";

    public RuleViolation Violation(string setting, string? suggestion, params string[] arguments) =>
        new RuleViolation(this, setting, suggestion, arguments);

    public string Format(string[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

    public override string ToString() => Id + " " + Title;
}
