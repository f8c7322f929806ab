using System;
using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>
/// One destination's settings as plain values, one per row of its kind's table: what the analyzers read
/// from an attribute, what the generator registers, what the runtime resolves and the transports read.
/// A row without a value has its default.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class DestinationValues
{
    private readonly object?[] _values;
    private readonly bool[] _given;

    public DestinationValues(DestinationKind kind, IEnumerable<SettingValue> values)
    {
        Kind = kind;
        _values = kind.Settings.Select(setting => setting.DefaultValue).ToArray();
        _given = new bool[_values.Length];
        foreach (var value in values.Where(v => v.Value != null))
        {
            _values[IndexOf(value.Setting)] = value.Value;
            _given[value.Setting.Index] = true;
        }
    }

    public DestinationKind Kind { get; }

    /// <summary>The rows the definition gives a value, with their values, in table order.</summary>
    public IEnumerable<SettingValue> Given => Kind.Settings.Where(IsGiven).Select(setting => new SettingValue(setting, _values[setting.Index]));

    public object? this[DestinationSetting setting] => _values[IndexOf(setting)];

    public T Get<T>(DestinationSetting<T> setting) => (T)this[setting]!;

    public bool IsGiven(DestinationSetting setting) => _given[IndexOf(setting)];

    private int IndexOf(DestinationSetting setting) =>
        setting.Kind == Kind ? setting.Index : throw new ArgumentException(setting + " is not a setting of " + Kind.Name + ".", nameof(setting));
}
