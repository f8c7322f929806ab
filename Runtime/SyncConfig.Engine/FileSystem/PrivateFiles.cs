using System.Runtime.Versioning;

namespace SyncConfig.Engine.FileSystem;

/// <summary>
/// Files and folders only their owner may read: SyncConfig's state, status and lock files name hosts, paths and
/// users. On Unix a file is created with mode 600 and a folder with 700 (the process's umask can only narrow them);
/// Windows keeps the folder's inherited access list. A folder its owner has opened to its group (r-x for the group,
/// say the status folder for a web server's group) gets files that group may read (640); others never read them.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder and any missing parent (each 700 on Unix); an existing folder keeps its mode.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, OwnerOnlyFolder);
    }

    /// <summary>Opens <paramref name="path"/> as <see cref="FileStream"/> would; a file it creates is 600 on Unix.</summary>
    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize = 4096, FileOptions options = FileOptions.None)
    {
        var settings = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize, Options = options };
        if (!OperatingSystem.IsWindows() && mode is not (FileMode.Open or FileMode.Truncate))
            settings.UnixCreateMode = FileModeIn(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new FileStream(path, settings);
    }

    [UnsupportedOSPlatform("windows")]
    private static UnixFileMode FileModeIn(string folder)
    {
        const UnixFileMode groupOpened = UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        try
        {
            return (File.GetUnixFileMode(folder) & groupOpened) == groupOpened ? OwnerOnlyFile | UnixFileMode.GroupRead : OwnerOnlyFile;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OwnerOnlyFile; // no such folder: the open that follows says so
        }
    }
}
