using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>A part of a literal value as its rule normalizes it (<c>Host</c>, <c>PathSegments</c>…): the generator adds each to the definition class.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class NormalizedPart
{
    private NormalizedPart(string name, object value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    /// <summary>A string, an int or an <see cref="IReadOnlyList{T}"/> of strings.</summary>
    public object Value { get; }

    public static NormalizedPart Text(string name, string value) => new NormalizedPart(name, value);

    public static NormalizedPart Number(string name, int value) => new NormalizedPart(name, value);

    public static NormalizedPart List(string name, IReadOnlyList<string> value) => new NormalizedPart(name, value);
}
