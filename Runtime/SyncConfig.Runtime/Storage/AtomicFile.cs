using System.Text;
using SyncConfig.Engine.FileSystem;

namespace SyncConfig.Runtime.Storage;

/// <summary>
/// Whole-file writes that a reader (a browser, a monitoring script, the next start) never sees half
/// done: write a temporary file in the same folder, flush it to disk, then rename over the target. The file is its
/// owner's alone (<see cref="PrivateFiles"/>): status and state files name hosts and paths.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        PrivateFiles.CreateFolder(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = PrivateFiles.Open(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = Encoding.UTF8.GetBytes(contents);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
