using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SyncConfig.Rules;

namespace SyncConfig.Roslyn;

/// <summary>
/// Reads a destination attribute through its kind's table, so the analyzers and the generator see the same
/// values: each row from the constructor argument of that name (matched without case) or the named argument.
/// </summary>
internal static class DestinationAttribute
{
    /// <summary>The kind of a destination attribute, or null for any other attribute.</summary>
    public static DestinationKind? KindOf(AttributeData attribute) =>
        attribute.AttributeClass is { } type ? DestinationKinds.ForAttribute(type.ToDisplayString()) : null;

    /// <summary>The values written; an argument the compiler could not bind leaves its row at the default.</summary>
    public static DestinationValues Read(AttributeData attribute, DestinationKind kind)
    {
        var values = new List<SettingValue>();
        foreach (var setting in kind.Settings)
        {
            if (Argument(attribute, setting.Name) is { } constant && setting.FromConstant(constant) is { } value)
            {
                values.Add(new SettingValue(setting, value));
            }
        }

        return new DestinationValues(kind, values);
    }

    private static object? Argument(AttributeData attribute, string name)
    {
        var parameters = attribute.AttributeConstructor?.Parameters ?? default;
        for (var i = 0; !parameters.IsDefault && i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
        {
            if (string.Equals(parameters[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Value(attribute.ConstructorArguments[i]);
            }
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return Value(argument.Value);
            }
        }

        return null;
    }

    private static object? Value(TypedConstant constant) => constant.Kind == TypedConstantKind.Error ? null : constant.Value;
}
