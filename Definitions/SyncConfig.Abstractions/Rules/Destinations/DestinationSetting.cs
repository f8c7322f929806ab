using System;
using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>
/// One row of a destination kind's table: an argument of its attribute (a named property, or a
/// constructor parameter of the same name), its type and default, whether it is a secret, and the rule
/// its value keeps. The analyzers, the generator and the runtime read every destination through its rows.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
abstract class DestinationSetting(DestinationKind kind, int index, string name, bool isRequired, bool isSecret)
{
    public DestinationKind Kind { get; } = kind;

    /// <summary>The attribute argument's name, which is also what violations and configuration problems name.</summary>
    public string Name { get; } = name;

    /// <summary>The catalog cannot register the sync without a value (the analyzers report why).</summary>
    public bool IsRequired { get; } = isRequired;

    /// <summary>A password or key: never copied into generated code, scrubbed from whatever the runtime writes, a literal one warned of.</summary>
    public bool IsSecret { get; } = isSecret;

    public abstract Type ValueType { get; }

    public abstract object? DefaultValue { get; }

    internal int Index { get; } = index;

    /// <summary>An attribute argument's constant as this row's value (an enum arrives as its number); null when it is not one.</summary>
    public abstract object? FromConstant(object? constant);

    internal abstract IEnumerable<RuleViolation> Check(DestinationValues values, string definitionName, DefinitionStage stage);

    public override string ToString() => Kind.Name + "." + Name;
}

/// <summary>A row whose values are <typeparamref name="T"/>: text, a number, a flag or an enum.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class DestinationSetting<T> : DestinationSetting
{
    private readonly T _defaultValue;
    private readonly Func<SettingCheck<T>, IEnumerable<RuleViolation>>? _rule;

    internal DestinationSetting(
        DestinationKind kind, int index, string name, T defaultValue, bool isRequired, bool isSecret, Func<SettingCheck<T>, IEnumerable<RuleViolation>>? rule)
        : base(kind, index, name, isRequired, isSecret)
    {
        _defaultValue = defaultValue;
        _rule = rule;
    }

    public override Type ValueType => typeof(T);

    public override object? DefaultValue => _defaultValue;

    /// <summary>This row given <paramref name="value"/>: how a catalog lists a destination's settings.</summary>
    public SettingValue Of(T value) => new SettingValue(this, value);

    public override object? FromConstant(object? constant)
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (type.IsEnum)
        {
            return constant is int number ? Enum.ToObject(type, number) : null;
        }

        return constant is T ? constant : null;
    }

    internal override IEnumerable<RuleViolation> Check(DestinationValues values, string definitionName, DefinitionStage stage) =>
        _rule?.Invoke(new SettingCheck<T>(this, values, definitionName, stage)) ?? DestinationKind.None;
}

/// <summary>A row with its value.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
readonly struct SettingValue
{
    /// <param name="value">Of the row's <see cref="DestinationSetting.ValueType"/>; null leaves the row at its default.</param>
    public SettingValue(DestinationSetting setting, object? value)
    {
        if (value != null && !setting.ValueType.IsInstanceOfType(value))
        {
            throw new ArgumentException(setting + " takes " + setting.ValueType.Name + ", not " + value.GetType().Name + ".", nameof(value));
        }

        Setting = setting;
        Value = value;
    }

    public DestinationSetting Setting { get; }

    public object? Value { get; }
}

/// <summary>What a row's rule sees: its own value, the other rows' values, the stage and the definition's name.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
readonly struct SettingCheck<T>
{
    private readonly DestinationSetting<T> _setting;

    internal SettingCheck(DestinationSetting<T> setting, DestinationValues values, string definitionName, DefinitionStage stage)
    {
        _setting = setting;
        Values = values;
        DefinitionName = definitionName;
        Stage = stage;
    }

    /// <summary>The row's name, which the violations it finds name.</summary>
    public string Name => _setting.Name;

    public T Value => Values.Get(_setting);

    /// <summary>The definition writes this argument (even if it writes the default value).</summary>
    public bool IsGiven => Values.IsGiven(_setting);

    /// <summary>
    /// A setting written in the definition that <paramref name="appliesTo"/> alone reads: a warning as written (the
    /// runtime's registrations list every row, so the check belongs to the build).
    /// </summary>
    public IEnumerable<RuleViolation> Ignored(bool applies, string chosen, string appliesTo) =>
        Stage == DefinitionStage.AsWritten && IsGiven && !applies
            ? new[] { RuleCatalog.IgnoredSetting.Violation(Name, null, Name, chosen, appliesTo) }
            : DestinationKind.None;

    public DestinationValues Values { get; }

    /// <summary>The definition's class name (used in suggested <c>$(NAME)</c> references).</summary>
    public string DefinitionName { get; }

    public DefinitionStage Stage { get; }

    /// <summary>
    /// True while the value holds a <c>$(NAME)</c> reference at build time: then only the reference's syntax
    /// is checked, and the value rules wait for the resolved value at start-up.
    /// </summary>
    public bool IsDeferred => IsDeferredText(Value as string);

    public TOther Get<TOther>(DestinationSetting<TOther> other) => Values.Get(other);

    /// <summary>Another text row's value when its rules apply at this stage; null while it holds a reference.</summary>
    public string? Known(DestinationSetting<string?> other)
    {
        var text = Values.Get(other);
        return IsDeferredText(text) ? null : text;
    }

    private bool IsDeferredText(string? text) => Stage == DefinitionStage.AsWritten && PropertyReference.ContainsReference(text);
}
