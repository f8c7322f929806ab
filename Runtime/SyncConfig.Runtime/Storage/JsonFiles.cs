using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncConfig.Runtime.Storage;

/// <summary>The one JSON shape every file SyncConfig writes uses: camelCase, indented, enums as names.</summary>
public static class JsonFiles
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path))
            return null;
        try
        {
            // From the stream, not a string of the whole file: a property the type does not have (the file lists of
            // reports written by earlier versions) is skipped without being held in memory.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 16384);
            return JsonSerializer.Deserialize<T>(stream, Options);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            // A file from an older or damaged install is treated as absent rather than stopping the scheduler.
            return null;
        }
    }

    public static void Write<T>(string path, T value) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Options));
}
