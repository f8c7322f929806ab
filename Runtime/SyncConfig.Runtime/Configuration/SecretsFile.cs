using System.Text.Json;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// The secrets file: a flat JSON object <c>{ "NAS_PASSWORD": "…" }</c> readable by its owner only.
/// Like ssh with a private key, the runtime refuses a secrets file that others can read.
/// </summary>
public static class SecretsFile
{
    private const UnixFileMode OpenToOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static IReadOnlyDictionary<string, string> Read(string path, List<string> problems)
    {
        if (!File.Exists(path))
            return new Dictionary<string, string>();

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OpenToOthers) != 0)
        {
            problems.Add($"Secrets file '{path}' can be read by other users; restrict it with: chmod 600 '{path}'.");
            return new Dictionary<string, string>();
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
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
