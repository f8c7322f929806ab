using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>The regions each S3 service offers, as data in this one place.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class S3Regions
{
    private static readonly string[] Amazon =
    {
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "us-gov-east-1", "us-gov-west-1",
        "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
        "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1",
        "il-central-1", "me-south-1", "me-central-1", "af-south-1",
        "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
        "cn-north-1", "cn-northwest-1",
    };

    private static readonly string[] Wasabi =
    {
        "us-east-1", "us-east-2", "us-central-1", "us-west-1", "us-west-2", "ca-central-1",
        "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1",
        "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2",
    };

    private static readonly string[] Backblaze =
    {
        "us-west-000", "us-west-001", "us-west-002", "us-west-004", "us-east-005", "eu-central-003", "ca-east-006",
    };

    /// <summary>The service's regions; empty for <see cref="S3Service.Custom"/>, which takes any region.</summary>
    public static IReadOnlyList<string> Of(S3Service service)
    {
        switch (service)
        {
            case S3Service.Amazon: return Amazon;
            case S3Service.Wasabi: return Wasabi;
            case S3Service.Backblaze: return Backblaze;
            default: return new string[0];
        }
    }

    public static RuleResult<string> Check(S3Service service, string? region, string setting = Setting.Region)
    {
        var regions = Of(service);
        var example = regions.Count > 0 ? regions[0] : "us-east-1";
        if (string.IsNullOrWhiteSpace(region))
        {
            return Invalid(setting, region ?? "", "is required", example);
        }

        if (service == S3Service.Custom || regions.Contains(region))
        {
            return RuleResult<string>.Valid(region!);
        }

        var closest = regions.OrderBy(r => Distance(r, region!.Trim().ToLowerInvariant())).ThenBy(r => r, System.StringComparer.Ordinal).First();
        return Invalid(setting, region!, "is not a " + service + " region", closest);
    }

    private static RuleResult<string> Invalid(string setting, string region, string problem, string corrected) =>
        RuleResult<string>.Invalid(RuleCatalog.UnknownRegion.Violation(setting, null, region, problem, corrected));

    /// <summary>Levenshtein distance, to suggest the region the writer most likely meant.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = System.Math.Min(System.Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
