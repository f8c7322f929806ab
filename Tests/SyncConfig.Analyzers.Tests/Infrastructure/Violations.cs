using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Infrastructure;

internal static class Violations
{
    /// <summary>Exactly one violation, with this ID, severity and setting; returns it for further checks.</summary>
    public static RuleViolation Single(IReadOnlyList<RuleViolation> violations, string id, RuleSeverity severity, string setting)
    {
        Assert.HasCount(1, violations, string.Join("; ", violations));
        var violation = violations[0];
        Assert.AreEqual(id, violation.Id, violation.ToString());
        Assert.AreEqual(severity, violation.Severity, violation.ToString());
        Assert.AreEqual(setting, violation.Setting, violation.ToString());
        return violation;
    }

    public static void None(IReadOnlyList<RuleViolation> violations, string input) =>
        Assert.IsEmpty(violations, input + ": " + string.Join("; ", violations));
}
