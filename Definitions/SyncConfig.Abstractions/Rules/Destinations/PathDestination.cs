using System;
using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>
/// A destination named by one path and reached with optional Windows-style credentials:
/// <c>[NetworkShareSync]</c> and <c>[LocalPathSync]</c> differ only in how the path is parsed.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
abstract class PathDestination : DestinationKind
{
    private readonly string _locationPrefix;

    private protected PathDestination(string name, string locationPrefix)
        : base(name)
    {
        _locationPrefix = locationPrefix;
        Path = Text(nameof(Path), required: true, rule: c => c.IsDeferred ? None : CheckPath(c.Value, c.Name));
        UserName = Text(nameof(UserName), rule: CheckUser);
        Password = Text(nameof(Password), secret: true);
        Domain = Text(nameof(Domain));
    }

    public DestinationSetting<string?> Path { get; }

    /// <summary>May carry the domain (<c>ACME\backup</c>); then Domain stays empty.</summary>
    public DestinationSetting<string?> UserName { get; }

    public DestinationSetting<string?> Password { get; }

    public DestinationSetting<string?> Domain { get; }

    public override string DisplayPath(DestinationValues values) => values.Get(Path) ?? "";

    public override string TargetLocation(DestinationValues values)
    {
        var path = values.Get(Path);
        return _locationPrefix + (IsReference(path) ? path : NormalizedPath(path) ?? path);
    }

    private protected abstract IReadOnlyList<RuleViolation> CheckPath(string? path, string setting);

    /// <summary>The path as its rule normalizes it, or null when it does not parse.</summary>
    private protected abstract string? NormalizedPath(string? path);

    /// <summary>The user with the password and domain that go with it.</summary>
    private IEnumerable<RuleViolation> CheckUser(SettingCheck<string?> check) =>
        CredentialRules.CheckUser(check.Value, check.Get(Password), check.Get(Domain));
}

/// <summary>A path destination whose rule parses the path into a <typeparamref name="TPath"/>.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
class PathDestination<TPath> : PathDestination
    where TPath : class
{
    private readonly Func<string?, string, RuleResult<TPath>> _parse;
    private readonly Func<TPath, IEnumerable<NormalizedPart>> _parts;

    /// <param name="parse">The kind's path rule.</param>
    /// <param name="parts">The typed members of a parsed path.</param>
    internal PathDestination(string name, string locationPrefix, Func<string?, string, RuleResult<TPath>> parse, Func<TPath, IEnumerable<NormalizedPart>> parts)
        : base(name, locationPrefix)
    {
        _parse = parse;
        _parts = parts;
    }

    public override IEnumerable<NormalizedPart> Normalize(DestinationValues values) =>
        Literal(values.Get(Path), text => _parse(text, Path.Name)) is { } path ? _parts(path) : new NormalizedPart[0];

    private protected override IReadOnlyList<RuleViolation> CheckPath(string? path, string setting) => _parse(path, setting).Violations;

    private protected override string? NormalizedPath(string? path) => _parse(path, Path.Name).Value?.ToString();
}
