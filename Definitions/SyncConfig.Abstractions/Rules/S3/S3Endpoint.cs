using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary>Where an S3 store is reached: host, optional port and whether HTTPS is used.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class S3Endpoint : System.IEquatable<S3Endpoint>
{
    public S3Endpoint(string host, int? port, bool useHttps)
    {
        Host = host;
        Port = port;
        UseHttps = useHttps;
    }

    /// <summary>Lower case.</summary>
    public string Host { get; }
    public int? Port { get; }
    public bool UseHttps { get; }

    /// <summary>The endpoint without protocol, as a definition writes it: <c>host[:port]</c>.</summary>
    public string Authority => Port == null ? Host : Host + ":" + Port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Url => (UseHttps ? "https://" : "http://") + Authority;

    public override string ToString() => Url;

    public bool Equals(S3Endpoint? other) => other != null && Url == other.Url;

    public override bool Equals(object? obj) => Equals(obj as S3Endpoint);

    public override int GetHashCode() => Url.GetHashCode();

    /// <summary>The fixed endpoint of a known service in a region; null for <see cref="S3Service.Custom"/>.</summary>
    public static S3Endpoint? OfService(S3Service service, string region)
    {
        switch (service)
        {
            case S3Service.Amazon: return new S3Endpoint("s3." + region + ".amazonaws.com", null, true);
            case S3Service.Wasabi: return new S3Endpoint("s3." + region + ".wasabisys.com", null, true);
            case S3Service.Backblaze: return new S3Endpoint("s3." + region + ".backblazeb2.com", null, true);
            default: return null;
        }
    }

    /// <summary>
    /// Checks a written endpoint: required for Custom, not allowed for the others (their endpoint follows
    /// from the region), no protocol prefix (that is <paramref name="useHttps"/>'s job).
    /// </summary>
    public static RuleResult<S3Endpoint> Parse(S3Service service, string? endpoint, bool useHttps, string setting = Setting.Endpoint)
    {
        if (service != S3Service.Custom)
        {
            return string.IsNullOrEmpty(endpoint)
                ? new RuleResult<S3Endpoint>(null)
                : Invalid(setting, endpoint!, "is set, but " + service + " has a fixed endpoint", "remove Endpoint (it follows from the Region)");
        }

        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return Invalid(setting, endpoint ?? "", "is required for a Custom service", "add Endpoint = 's3.example.com'");
        }

        var violations = new List<RuleViolation>();
        var text = endpoint!;
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (text.StartsWith(scheme, System.StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(scheme.Length).TrimEnd('/');
                useHttps = scheme == "https://";
                violations.Add(RuleCatalog.ProtocolInEndpoint.Violation(setting, text, endpoint!, scheme, text, useHttps ? "true" : "false"));
            }
        }

        var colon = text.LastIndexOf(':');
        var hasPort = colon > 0 && text.IndexOf(']') < colon && (text.IndexOf(':') == colon || text.StartsWith("[", System.StringComparison.Ordinal));
        var host = (hasPort ? text.Substring(0, colon) : text).ToLowerInvariant();
        int? port = null;
        if (hasPort)
        {
            if (!int.TryParse(text.Substring(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1 || number > 65535)
            {
                violations.Add(RuleCatalog.InvalidEndpoint.Violation(setting, null, endpoint!, "has port '" + text.Substring(colon + 1) + "', not a number from 1 to 65535", "write 'host:port', e.g. '" + host + ":9000'"));
                return new RuleResult<S3Endpoint>(null, violations);
            }

            port = number;
        }

        var problem = host.IndexOf('/') >= 0 ? "has a path; an endpoint is a host and an optional port" : HostName.Problem(host, allowNetBiosName: false);
        if (problem != null)
        {
            violations.Add(RuleCatalog.InvalidEndpoint.Violation(setting, null, endpoint!, problem, "write e.g. 's3.example.com' or '127.0.0.1:9000'"));
            return new RuleResult<S3Endpoint>(null, violations);
        }

        return new RuleResult<S3Endpoint>(new S3Endpoint(host, port, useHttps), violations);
    }

    private static RuleResult<S3Endpoint> Invalid(string setting, string endpoint, string problem, string advice) =>
        RuleResult<S3Endpoint>.Invalid(RuleCatalog.InvalidEndpoint.Violation(setting, null, endpoint, problem, advice));
}
