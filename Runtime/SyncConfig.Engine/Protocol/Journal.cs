using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// The record of a sync in flight, written before its first upload. It names the manifest the sync will commit, the
/// lock of the sync that wrote it, and every file it stages or removes, so the next sync can roll it back (no such
/// manifest) or forward (manifest there).
/// </summary>
public sealed record Journal
{
    public int Format { get; init; } = Manifest.CurrentFormat;
    public required long Generation { get; init; }
    public required string CommitId { get; init; }

    /// <summary>The token of the lock its sync held; only that sync, or one that found the lock stale, may settle it.</summary>
    public string LockToken { get; init; } = "";

    /// <summary>
    /// Uploads under <c>.syncconfig/staging/&lt;path&gt;</c>, moved into place after the commit, with the size and
    /// modification time of their local source: a rollback keeps the staged bytes of a source that has not changed since,
    /// and the next sync continues them.
    /// </summary>
    public required IReadOnlyList<StagedFile> Staged { get; init; }

    /// <summary>New mirror paths uploaded straight into place, only on targets that cannot rename (S3); a rollback deletes them.</summary>
    public IReadOnlyList<string> Placed { get; init; } = [];

    /// <summary>Mirror paths the commit stops listing; deleted only after it.</summary>
    public required IReadOnlyList<string> Deleted { get; init; }

    public ManifestName Commits => new(Generation, CommitId);
}

/// <summary>A staged upload and the local source it came from.</summary>
/// <param name="Length">The source's size: also the size the staged file has once complete.</param>
[JsonConverter(typeof(StagedFileConverter))]
public sealed record StagedFile(string Path, long Length, long ModifiedTicks);

/// <summary>Reads format 1's bare paths too (size unknown: -1), so a journal left by an older version still settles.</summary>
internal sealed class StagedFileConverter : JsonConverter<StagedFile>
{
    public override StagedFile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return new StagedFile(reader.GetString()!, -1, 0);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("a staged file is a path or an object");
        string? path = null;
        long length = -1, modified = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "path": path = reader.GetString(); break;
                case "length": length = reader.GetInt64(); break;
                case "modifiedTicks": modified = reader.GetInt64(); break;
                default: reader.Skip(); break;
            }
        }
        return new StagedFile(path ?? throw new JsonException("a staged file without a path"), length, modified);
    }

    public override void Write(Utf8JsonWriter writer, StagedFile value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("path", value.Path);
        writer.WriteNumber("length", value.Length);
        writer.WriteNumber("modifiedTicks", value.ModifiedTicks);
        writer.WriteEndObject();
    }
}
