using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>A parsed, normalized value and what was wrong with the text it came from.</summary>
/// <remarks><see cref="Value"/> is set whenever the text could be understood, even with warnings.</remarks>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class RuleResult<T>
    where T : class
{
    private static readonly RuleViolation[] None = new RuleViolation[0];

    public RuleResult(T? value, IReadOnlyList<RuleViolation>? violations = null)
    {
        Value = value;
        Violations = violations ?? None;
    }

    public T? Value { get; }
    public IReadOnlyList<RuleViolation> Violations { get; }
    public bool HasErrors => Violations.Any(v => v.Severity == RuleSeverity.Error);

    public static RuleResult<T> Valid(T value) => new RuleResult<T>(value);

    public static RuleResult<T> Invalid(RuleViolation violation) => new RuleResult<T>(null, new[] { violation });
}
