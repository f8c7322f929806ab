using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SyncConfig.Runtime.Scheduling;
using SyncConfig.Runtime.Status;

namespace SyncConfig.Runtime.Storage;

/// <summary>The one JSON shape every file SyncConfig writes uses: camelCase, indented, enums as names.</summary>
public static class JsonFiles
{
    /// <summary>The files' types, serialized by code generated at build time (no reflection: the program may be compiled ahead of time).</summary>
    public static StatusFilesJson Types => StatusFilesJson.Default;

    public static T? Read<T>(string path, JsonTypeInfo<T> type) where T : class
    {
        if (!File.Exists(path))
            return null;
        try
        {
            // From the stream, not a string of the whole file: a property the type does not have (the file lists of
            // reports written by earlier versions) is skipped without being held in memory.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 16384);
            return JsonSerializer.Deserialize(stream, type);
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

    public static void Write<T>(string path, T value, JsonTypeInfo<T> type) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, type));
}

/// <summary>The status and state files' types, in the one JSON shape: camelCase, indented, enums as names, nulls left out.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SyncStatusReport))]
[JsonSerializable(typeof(List<SyncStatusReport>))]
[JsonSerializable(typeof(List<AttemptReport>))]
[JsonSerializable(typeof(AttemptFiles))]
[JsonSerializable(typeof(ActiveProgress))]
[JsonSerializable(typeof(WindowAttempt))]
public sealed partial class StatusFilesJson : JsonSerializerContext;
