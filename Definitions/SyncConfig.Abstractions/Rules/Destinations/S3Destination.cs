using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary><c>[S3Sync]</c>: Amazon S3 or a compatible store.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class S3Destination : DestinationKind
{
    internal S3Destination()
        : base("S3")
    {
        Service = Add(nameof(Service), S3Service.Amazon, required: true);
        Endpoint = Text(nameof(Endpoint), rule: CheckEndpoint);
        UseHttps = Add(nameof(UseHttps), true, rule: c => c.Ignored(c.Get(Service) == S3Service.Custom, "S3Service." + c.Get(Service), "S3Service.Custom (its own Endpoint)"));
        Bucket = Text(nameof(Bucket), required: true, rule: c => c.IsDeferred ? None : S3BucketName.Check(c.Value, c.Name).Violations);
        Region = Text(nameof(Region), required: true, rule: c => c.IsDeferred ? None : S3Regions.Check(c.Get(Service), c.Value, c.Name).Violations);
        RootPath = Text(nameof(RootPath), rule: c => c.IsDeferred ? None : S3RootPath.Parse(c.Value, c.Name).Violations);
        CertificateFingerprint = Text(nameof(CertificateFingerprint), rule: c => c.Value == null || c.IsDeferred
            ? OverHttpsOnly(c)
            : Concat(OverHttpsOnly(c), Rules.CertificateFingerprint.Parse(c.Value, c.Name).Violations));
        AccessKey = Text(nameof(AccessKey), required: true, secret: true, rule: KeyRequired);
        SecretKey = Text(nameof(SecretKey), required: true, secret: true, rule: KeyRequired);
    }

    public DestinationSetting<S3Service> Service { get; }

    /// <summary>Host (and optional port) of the store, no protocol; required for <see cref="S3Service.Custom"/> only.</summary>
    public DestinationSetting<string?> Endpoint { get; }

    public DestinationSetting<bool> UseHttps { get; }

    public DestinationSetting<string?> Bucket { get; }

    public DestinationSetting<string?> Region { get; }

    /// <summary>Location inside the bucket, forward slash separated, no leading slash.</summary>
    public DestinationSetting<string?> RootPath { get; }

    /// <summary>HTTPS: the store's certificate pin, SHA-256 (<see cref="Rules.CertificateFingerprint"/>).</summary>
    public DestinationSetting<string?> CertificateFingerprint { get; }

    public DestinationSetting<string?> AccessKey { get; }

    public DestinationSetting<string?> SecretKey { get; }

    public override string DisplayPath(DestinationValues values)
    {
        var rootPath = values.Get(RootPath);
        return "s3://" + values.Get(Bucket) + (string.IsNullOrEmpty(rootPath) ? "" : "/" + rootPath);
    }

    /// <summary>Bucket names are unique per store, so the store, bucket and root path locate the folder.</summary>
    public override string TargetLocation(DestinationValues values)
    {
        var service = values.Get(Service);
        var rootPath = values.Get(RootPath);
        return "s3:" + (service == S3Service.Custom ? values.Get(Endpoint) : service.ToString()) + "/" + values.Get(Bucket) + "/"
            + (IsReference(rootPath) ? rootPath : string.Join("/", S3RootPath.Parse(rootPath).Value ?? new[] { rootPath ?? "" }));
    }

    public override IEnumerable<NormalizedPart> Normalize(DestinationValues values)
    {
        var service = values.Get(Service);
        if (Literal(values.Get(Bucket), text => S3BucketName.Check(text)) is { } bucket)
        {
            yield return NormalizedPart.Text("Bucket", bucket);
        }

        var region = Literal(values.Get(Region), text => S3Regions.Check(service, text));
        if (region != null)
        {
            yield return NormalizedPart.Text("Region", region);
        }

        var endpoint = service == S3Service.Custom
            ? Literal(values.Get(Endpoint), text => S3Endpoint.Parse(service, text, values.Get(UseHttps)))
            : region == null ? null : S3Endpoint.OfService(service, region);
        if (endpoint != null)
        {
            yield return NormalizedPart.Text("Endpoint", endpoint.Url);
        }

        if (Literal(values.Get(RootPath) ?? "", text => S3RootPath.Parse(text)) is { } segments)
        {
            yield return NormalizedPart.List("RootPathSegments", segments);
        }
    }

    private IEnumerable<RuleViolation> CheckEndpoint(SettingCheck<string?> check) =>
        check.IsDeferred ? None : S3Endpoint.Parse(check.Get(Service), check.Value, check.Get(UseHttps), check.Name).Violations;

    /// <summary>A pin means nothing over plain HTTP, which only a custom endpoint can choose.</summary>
    private IEnumerable<RuleViolation> OverHttpsOnly(SettingCheck<string?> check) =>
        check.Ignored(check.Get(Service) != S3Service.Custom || check.Get(UseHttps), "UseHttps = false", "UseHttps = true");

    private static IEnumerable<RuleViolation> KeyRequired(SettingCheck<string?> check) =>
        string.IsNullOrEmpty(check.Value)
            ? new[] { RuleCatalog.AccessKeyRequired.Violation(check.Name, null, check.Name, CredentialRules.SuggestedReference(check.DefinitionName, check.Name)) }
            : None;
}
