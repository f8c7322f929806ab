using SyncConfig.Catalog;
using SyncConfig.Rules;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// A secret shorter than <see cref="Minimum"/> characters is refused. Every message is scrubbed of secret values,
/// and a short value is also ordinary text ("2024", "admin"): masking it would garble messages and, by where the
/// masks fall, give the value away. Eight is the least a password may have by NIST SP 800-63B.
/// </summary>
public static class SecretLength
{
    public const int Minimum = 8;

    public static IEnumerable<ConfigurationProblem> Check(ResolvedSync sync)
    {
        foreach (var (setting, value) in Secrets(sync.Destination))
        {
            if (value is { Length: > 0 } && value.Length < Minimum)
                yield return new ConfigurationProblem(sync.Name, setting,
                    $"The value is {value.Length} characters long; a secret must have at least {Minimum} characters.");
        }
    }

    /// <summary>The destination's secret rows, as its kind's table marks them.</summary>
    private static IEnumerable<(string Setting, string? Value)> Secrets(DestinationSettings destination) =>
        destination.Values.Given.Where(given => given.Setting.IsSecret).Select(given => (given.Setting.Name, given.Value as string));
}
