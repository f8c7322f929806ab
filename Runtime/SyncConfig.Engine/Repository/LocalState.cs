using System.Text.Json;
using SyncConfig.Engine.FileSystem;
using SyncConfig.Engine.Protocol;

namespace SyncConfig.Engine.Repository;

/// <summary>
/// This repository's copy of the last manifest a sync committed, kept in <c>.syncconfig/state/&lt;sync&gt;.json</c>.
/// It is trusted only while the remote's newest manifest carries the same generation and commit ID, so a
/// no-change sync does not read the remote manifest at all. It lists every file of the mirror and the folder name on the
/// target, so the folder and the file are their owner's alone (<see cref="PrivateFiles"/>).
/// </summary>
public sealed record LocalState(string FolderName, Manifest Manifest)
{
    public static string PathFor(BackupRepository repository, string syncName) =>
        Path.Combine(repository.MetadataPath, "state", syncName + ".json");

    public static LocalState? Load(BackupRepository repository, string syncName)
    {
        var path = PathFor(repository, syncName);
        if (!File.Exists(path))
            return null;
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, ProtocolJson.Default.LocalState);
        }
        catch (JsonException)
        {
            return null; // only a cache: the remote manifest is read instead
        }
    }

    public void Save(BackupRepository repository, string syncName)
    {
        var path = PathFor(repository, syncName);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var stream = PrivateFiles.Open(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            JsonSerializer.Serialize(stream, this, ProtocolJson.Default.LocalState);
        File.Move(temporary, path, overwrite: true);
    }

    public static void Forget(BackupRepository repository, string syncName)
    {
        var path = PathFor(repository, syncName);
        if (File.Exists(path))
            File.Delete(path);
    }
}
