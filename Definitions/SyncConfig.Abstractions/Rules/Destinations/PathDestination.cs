using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>
/// A destination named by one path and reached with optional Windows-style credentials:
/// <c>[NetworkShareSync]</c> and <c>[LocalPathSync]</c> differ only in how the path is parsed.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#else
internal
#endif
abstract class PathDestination<TPath> : DestinationKind
    where TPath : class
{
    private readonly string _locationPrefix;

    private protected PathDestination(string name, string locationPrefix)
        : base(name)
    {
        _locationPrefix = locationPrefix;
        Path = Text(nameof(Path), required: true, rule: c => c.IsDeferred ? None : Parse(c.Value, c.Name).Violations);
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
        return _locationPrefix + (IsReference(path) ? path : Parse(path, Path.Name).Value?.ToString() ?? path);
    }

    public override IEnumerable<NormalizedPart> Normalize(DestinationValues values) =>
        Literal(values.Get(Path), text => Parse(text, Path.Name)) is { } path ? Parts(path) : new NormalizedPart[0];

    /// <summary>The user with the password and domain that go with it.</summary>
    private IEnumerable<RuleViolation> CheckUser(SettingCheck<string?> check) =>
        CredentialRules.CheckUser(check.Value, check.Get(Password), check.Get(Domain));

    /// <summary>The kind's path rule.</summary>
    private protected abstract RuleResult<TPath> Parse(string? path, string setting);

    /// <summary>The typed members of a parsed path.</summary>
    private protected abstract IEnumerable<NormalizedPart> Parts(TPath path);
}
