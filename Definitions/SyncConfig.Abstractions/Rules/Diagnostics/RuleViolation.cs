using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>
/// A broken rule, reported as data. <see cref="Setting"/> names the attribute argument at fault
/// (<c>Path</c>, <c>Server</c>, <c>Bucket</c>…) so the analyzer can put the squiggle on that literal.
/// Messages never quote a password or key.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class RuleViolation
{
    public RuleViolation(RuleDescriptor rule, string setting, string? suggestion, IReadOnlyList<string> arguments)
    {
        Rule = rule;
        Setting = setting;
        Suggestion = suggestion;
        Arguments = arguments;
    }

    public RuleDescriptor Rule { get; }
    public string Id => Rule.Id;
    public RuleSeverity Severity => Rule.Severity;
    public string Setting { get; }

    /// <summary>The corrected value, when one can be computed mechanically (code fixes use it).</summary>
    public string? Suggestion { get; }

    /// <summary>The arguments of <see cref="RuleDescriptor.MessageFormat"/>.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public string Message
    {
        get
        {
            var arguments = new string[Arguments.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = Arguments[i];
            }

            return Rule.Format(arguments);
        }
    }

    public override string ToString() => Id + ": " + Message;
}
