using System.Text.Json;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// The secrets file: a flat JSON object <c>{ "NAS_PASSWORD": "…" }</c> readable by its owner only.
/// Like ssh with a private key, the runtime refuses a secrets file that others can read or that
/// another user owns (its values override the configuration, the target path included).
/// </summary>
public static class SecretsFile
{
    public static IReadOnlyDictionary<string, string> Read(string path, List<string> problems)
    {
        if (Directory.Exists(path))
        {
            problems.Add($"Secrets file '{path}' is a folder; SyncConfig:SecretsFile must name a file.");
            return new Dictionary<string, string>();
        }
        if (!File.Exists(path))
            return new Dictionary<string, string>();

        if (SecretsFileAccess.Problem(path) is { } access)
        {
            problems.Add(access);
            return new Dictionary<string, string>();
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"Secrets file '{path}' cannot be read ({e.Message}); it must be readable by the user running SyncConfig.");
            return new Dictionary<string, string>();
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                    values[property.Name] = property.Value.GetString()!;
                else
                    problems.Add($"Secrets file '{path}': '{property.Name}' must be a string.");
            }

            return values;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The parser's message may quote the file's text, which is secret: say where, not what.
            problems.Add($"Secrets file '{path}' is not a JSON object of names to string values.");
            return new Dictionary<string, string>();
        }
    }
}
