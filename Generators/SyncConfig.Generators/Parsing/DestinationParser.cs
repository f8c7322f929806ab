using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SyncConfig.Generators.Models;
using SyncConfig.Roslyn;
using SyncConfig.Rules;

namespace SyncConfig.Generators.Parsing;

/// <summary>
/// Reads a destination attribute into its model through the kind's table, normalizing literal values with
/// the shared rules (the same code the analyzers and the runtime run), so the generator never parses on its own.
/// </summary>
internal static class DestinationParser
{
    /// <summary>Null when a row the catalog requires has no value (the analyzers report it).</summary>
    public static DestinationModel? Parse(AttributeData attribute)
    {
        if (DestinationAttribute.KindOf(attribute) is not { } kind)
        {
            return null;
        }

        var values = DestinationAttribute.Read(attribute, kind);
        if (kind.Settings.Any(setting => setting.IsRequired && !values.IsGiven(setting)))
        {
            return null;
        }

        return new DestinationModel(
            kind.Name,
            values.Given.Select(Setting).ToEquatableArray(),
            kind.Normalize(values).Select(part => new PartModel(part.Name, part.Value is IReadOnlyList<string> items ? items.ToEquatableArray() : part.Value)).ToEquatableArray());
    }

    /// <summary>Of a secret, only a value that is exactly one <c>$(NAME)</c> reference is kept as text; anything else may hold the secret itself.</summary>
    private static SettingModel Setting(SettingValue value) =>
        value.Setting.IsSecret && !IsWholeReference((string)value.Value!)
            ? new SettingModel(value.Setting.Name, null, IsLiteralSecret: true)
            : new SettingModel(value.Setting.Name, value.Value, IsLiteralSecret: false);

    private static bool IsWholeReference(string text)
    {
        var references = PropertyReference.FindAll(text);
        return references.Count == 1 && references[0].Index == 0 && references[0].Length == text.Length;
    }
}
