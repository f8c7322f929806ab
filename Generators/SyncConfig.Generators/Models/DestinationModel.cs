namespace SyncConfig.Generators.Models;

/// <summary>
/// A destination attribute's values as written, by the rows of its kind's table, and what the shared
/// rules normalize the literal ones to. Plain values only, so the model compares equal between runs.
/// </summary>
/// <param name="Kind">The kind's <c>Name</c>, <c>FileTransfer</c>.</param>
internal sealed record DestinationModel(string Kind, EquatableArray<SettingModel> Settings, EquatableArray<PartModel> Parts)
{
    public bool HasLiteralSecret => System.Linq.Enumerable.Any(Settings, setting => setting.IsLiteralSecret);
}

/// <summary>One setting the definition gives.</summary>
/// <param name="Value">A string, int, bool or enum value; null for a literal secret, whose value never enters the model.</param>
/// <param name="IsLiteralSecret">A password or key written as text: generated code reads it from the attribute, never copies it.</param>
internal sealed record SettingModel(string Name, object? Value, bool IsLiteralSecret);

/// <summary>A typed member the class gets (<c>Host</c>, <c>PathSegments</c>…).</summary>
/// <param name="Value">A string, an int or an <see cref="EquatableArray{T}"/> of strings.</param>
internal sealed record PartModel(string Name, object Value);
