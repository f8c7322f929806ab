using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary><c>[S3Sync]</c>.</summary>
public sealed class S3Definition : DestinationDefinition
{
    public S3Service Service { get; set; }
    public string? Endpoint { get; set; }
    public bool UseHttps { get; set; } = true;
    public string? Bucket { get; set; }
    public string? Region { get; set; }
    public string? RootPath { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }

    public override IEnumerable<KeyValuePair<string, string?>> StringSettings => new[]
    {
        new KeyValuePair<string, string?>(Setting.Endpoint, Endpoint),
        new KeyValuePair<string, string?>(Setting.Bucket, Bucket),
        new KeyValuePair<string, string?>(Setting.Region, Region),
        new KeyValuePair<string, string?>(Setting.RootPath, RootPath),
        new KeyValuePair<string, string?>(Setting.AccessKey, AccessKey),
        new KeyValuePair<string, string?>(Setting.SecretKey, SecretKey),
        new KeyValuePair<string, string?>(Setting.FolderName, FolderName),
    };

    /// <summary>Bucket names are unique per store, so the store, bucket and root path locate the folder.</summary>
    public override string TargetLocation =>
        "s3:" + (Service == S3Service.Custom ? Endpoint : Service.ToString()) + "/" + Bucket + "/"
        + (IsDeferred(RootPath, DefinitionStage.AsWritten) ? RootPath : string.Join("/", S3RootPath.Parse(RootPath).Value ?? new[] { RootPath ?? "" }));

    protected override IEnumerable<RuleViolation> ValidateDestination(DefinitionStage stage)
    {
        var violations = new List<RuleViolation>();
        if (!IsDeferred(Endpoint, stage))
        {
            violations.AddRange(S3Endpoint.Parse(Service, Endpoint, UseHttps).Violations);
        }

        if (!IsDeferred(Bucket, stage))
        {
            violations.AddRange(S3BucketName.Check(Bucket).Violations);
        }

        if (!IsDeferred(Region, stage))
        {
            violations.AddRange(S3Regions.Check(Service, Region).Violations);
        }

        if (!IsDeferred(RootPath, stage))
        {
            violations.AddRange(S3RootPath.Parse(RootPath).Violations);
        }

        foreach (var key in new[] { new KeyValuePair<string, string?>(Setting.AccessKey, AccessKey), new KeyValuePair<string, string?>(Setting.SecretKey, SecretKey) })
        {
            if (string.IsNullOrEmpty(key.Value))
            {
                violations.Add(RuleCatalog.AccessKeyRequired.Violation(key.Key, null, key.Key, CredentialRules.SuggestedReference(DefinitionName, key.Key)));
            }
        }

        violations.AddRange(Secrets(stage, Setting.AccessKey, Setting.SecretKey));
        return violations;
    }
}
