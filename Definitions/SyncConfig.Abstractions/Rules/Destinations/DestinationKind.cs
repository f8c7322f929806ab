using System;
using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>
/// One destination kind, described once: the table of its settings (name, type, secret or not, rule),
/// how its target is located and shown, and what its literal values normalize to. The analyzers validate
/// an attribute with it, the generator registers one, the runtime resolves and re-validates the values,
/// and the transports read them; none of them lists a kind's settings again.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
abstract class DestinationKind
{
    internal static readonly RuleViolation[] None = new RuleViolation[0];

    /// <summary>Two rules' violations of one setting, in order.</summary>
    protected static IEnumerable<RuleViolation> Concat(IEnumerable<RuleViolation> first, IEnumerable<RuleViolation> second)
    {
        var all = new List<RuleViolation>(first);
        all.AddRange(second);
        return all;
    }

    private readonly List<DestinationSetting> _settings = new List<DestinationSetting>();

    private protected DestinationKind(string name) => Name = name;

    /// <summary>
    /// <c>FileTransfer</c>: the attribute is <c>[FileTransferSync]</c>, the table <c>DestinationKinds.FileTransfer</c>,
    /// the catalog's settings <c>FileTransferSettings</c>.
    /// </summary>
    public string Name { get; }

    /// <summary>The attribute's metadata name.</summary>
    public string AttributeName => "SyncConfig." + Name + "SyncAttribute";

    /// <summary>The table, in the order its rows are declared.</summary>
    public IReadOnlyList<DestinationSetting> Settings => _settings;

    /// <summary>The server or local path as the definition gives it, for lists and reports.</summary>
    public abstract string DisplayPath(DestinationValues values);

    /// <summary>
    /// Where the sync writes, normalized and prefixed by the kind (<c>smb:</c>, <c>local:</c>, <c>ftp:</c>,
    /// <c>s3:</c>); as written where it holds a reference or does not parse.
    /// </summary>
    public abstract string TargetLocation(DestinationValues values);

    /// <summary>What the literal values parse into, for the generator's typed members; a value holding a reference or breaking a rule gives nothing.</summary>
    public abstract IEnumerable<NormalizedPart> Normalize(DestinationValues values);

    /// <summary>Every rule of the kind: reference syntax (as written), each row's rule, then literal secrets.</summary>
    public IReadOnlyList<RuleViolation> Validate(DestinationValues values, string definitionName, DefinitionStage stage)
    {
        if (values.Kind != this)
        {
            throw new ArgumentException("The values are of " + values.Kind.Name + ", not " + Name + ".", nameof(values));
        }

        var violations = new List<RuleViolation>();
        if (stage == DefinitionStage.AsWritten)
        {
            foreach (var setting in _settings)
            {
                violations.AddRange(PropertyReference.Check(values[setting] as string, setting.Name));
            }
        }

        foreach (var setting in _settings)
        {
            violations.AddRange(setting.Check(values, definitionName, stage));
        }

        foreach (var setting in _settings)
        {
            if (setting.IsSecret)
            {
                violations.AddRange(CredentialRules.CheckSecret(values[setting] as string, setting.Name, definitionName, stage));
            }
        }

        return violations;
    }

    public override string ToString() => Name;

    /// <summary>Adds a row to the table; rows are declared in the order the analyzers report them.</summary>
    private protected DestinationSetting<T> Add<T>(
        string name, T defaultValue, bool required = false, bool secret = false, Func<SettingCheck<T>, IEnumerable<RuleViolation>>? rule = null)
    {
        var setting = new DestinationSetting<T>(this, _settings.Count, name, defaultValue, required, secret, rule);
        _settings.Add(setting);
        return setting;
    }

    private protected DestinationSetting<string?> Text(
        string name, bool required = false, bool secret = false, Func<SettingCheck<string?>, IEnumerable<RuleViolation>>? rule = null) =>
        Add(name, null, required, secret, rule);

    /// <summary>The rule's value when <paramref name="text"/> is a literal without errors; a reference is known only at run time.</summary>
    private protected static T? Literal<T>(string? text, Func<string, RuleResult<T>> parse)
        where T : class =>
        text == null || PropertyReference.ContainsReference(text) || parse(text) is not { HasErrors: false, Value: { } value } ? null : value;

    /// <summary>True when <paramref name="text"/> holds a reference, so its value is known only at run time.</summary>
    private protected static bool IsReference(string? text) => PropertyReference.ContainsReference(text);
}
