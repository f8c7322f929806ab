using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SyncConfig.Runtime.Scheduling;
using SyncConfig.Runtime.Status;

namespace SyncConfig.Runtime.Storage;

/// <summary>The one JSON shape every file SyncConfig writes uses: camelCase, indented, enums as names.</summary>
public static class JsonFiles
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The files every sync writes and reads are serialized by code generated at build time: each process start
        // would otherwise first build that code by reflection. Anything else still works by reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(StatusFilesJson.Default, new DefaultJsonTypeInfoResolver()),
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

/// <summary>The status and state files' types, for <see cref="JsonFiles.Options"/>.</summary>
[JsonSerializable(typeof(SyncStatusReport))]
[JsonSerializable(typeof(List<SyncStatusReport>))]
[JsonSerializable(typeof(List<AttemptReport>))]
[JsonSerializable(typeof(AttemptFiles))]
[JsonSerializable(typeof(ActiveProgress))]
[JsonSerializable(typeof(WindowAttempt))]
internal sealed partial class StatusFilesJson : JsonSerializerContext;
