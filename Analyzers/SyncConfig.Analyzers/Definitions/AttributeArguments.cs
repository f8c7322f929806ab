using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SyncConfig.Analyzers.Definitions;

/// <summary>
/// One applied attribute: its argument values by name (constructor parameters and named properties alike,
/// matched without case to the rules' setting names) and where each argument is written.
/// </summary>
internal sealed class AttributeArguments
{
    private readonly Dictionary<string, TypedConstant> _values = new Dictionary<string, TypedConstant>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Location> _locations = new Dictionary<string, Location>(StringComparer.OrdinalIgnoreCase);

    public AttributeArguments(AttributeData attribute, Location fallback, System.Threading.CancellationToken cancellationToken)
    {
        Attribute = attribute;
        AttributeLocation = fallback;
        var parameters = attribute.AttributeConstructor?.Parameters ?? default;
        if (!parameters.IsDefault)
        {
            for (var i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
            {
                _values[parameters[i].Name] = attribute.ConstructorArguments[i];
            }
        }

        foreach (var named in attribute.NamedArguments)
        {
            _values[named.Key] = named.Value;
        }

        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return;
        }

        AttributeLocation = syntax.Name.GetLocation();
        var position = 0;
        foreach (var argument in syntax.ArgumentList?.Arguments ?? default(SeparatedSyntaxList<AttributeArgumentSyntax>))
        {
            string? name = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
            if (name == null && !parameters.IsDefault && position < parameters.Length)
            {
                name = parameters[position++].Name;
            }

            if (name != null)
            {
                _locations[name] = argument.Expression.GetLocation();
            }
        }
    }

    public AttributeData Attribute { get; }

    /// <summary>The attribute's name: where rules about a missing argument are reported.</summary>
    public Location AttributeLocation { get; }

    public bool IsComplete => Attribute.AttributeConstructor != null && !Attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error);

    public string? String(string name) => _values.TryGetValue(name, out var value) ? value.Value as string : null;

    public int Int(string name, int missing = 0) => _values.TryGetValue(name, out var value) && value.Value is int number ? number : missing;

    public ITypeSymbol? Type(string name) => _values.TryGetValue(name, out var value) ? value.Value as ITypeSymbol : null;

    /// <summary>Where the argument named <paramref name="name"/> is written, else the attribute's name.</summary>
    public Location LocationOf(string name) => _locations.TryGetValue(name, out var location) ? location : AttributeLocation;
}
