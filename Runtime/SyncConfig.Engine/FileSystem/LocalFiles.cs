using Microsoft.Win32.SafeHandles;

namespace SyncConfig.Engine.FileSystem;

/// <summary>What a directory entry is, told without following a link at its end.</summary>
public enum LocalFileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A FIFO, socket or device: nothing a backup writes, and opening one for reading can block forever.</summary>
    Special,
}

/// <summary>
/// The file itself, whatever path leads to it (zero where the platform gives no identity): a later open proves by it
/// that it reached the file that was checked, not whatever a rename or a link put at that path since.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode);

/// <summary>One <c>lstat</c> of a path.</summary>
public readonly record struct LocalFileStatus(LocalFileKind Kind, long Length, long ModifiedTicks, FileIdentity Identity, uint? Owner)
{
    public static readonly LocalFileStatus Missing = new(LocalFileKind.Missing, 0, 0, default, null);
}

/// <summary>
/// Local file access that a hostile folder cannot steer: status without following links, the real path of a path
/// (every link on the way resolved, <c>..</c> applied after the link before it, as the kernel does), and opening the
/// very regular file that was checked without blocking on a FIFO. On Linux through the C library; elsewhere through
/// .NET, which gives no file identity and cannot tell special files apart.
/// </summary>
public static class LocalFiles
{
    /// <summary>Links followed while resolving one path before it is taken for a loop (Linux's own limit).</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = OperatingSystem.IsWindows() ? ['\\', '/'] : ['/'];

    public static LocalFileStatus Status(string path) =>
        OperatingSystem.IsLinux() ? LinuxFiles.Status(path) : ManagedStatus(path);

    /// <summary>
    /// Opens <paramref name="path"/> for reading only if it is still the regular file <paramref name="expected"/>
    /// names; null otherwise. Never blocks: a FIFO put there is opened non-blocking and refused.
    /// </summary>
    public static SafeFileHandle? OpenChecked(string path, FileIdentity expected, bool sequential)
    {
        if (OperatingSystem.IsLinux())
            return LinuxFiles.OpenChecked(path, expected, sequential);
        if (ManagedStatus(path).Kind != LocalFileKind.Regular)
            return null;
        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, sequential ? FileOptions.SequentialScan : FileOptions.None);
    }

    /// <summary>The size and modification time of an open file, read from the handle (not the path).</summary>
    public static LocalFileStatus Status(SafeFileHandle handle) =>
        OperatingSystem.IsLinux()
            ? LinuxFiles.Status(handle)
            : new(LocalFileKind.Regular, RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle).Ticks, default, null);

    /// <summary>
    /// The path with every symbolic link (or junction) resolved, component by component. Components that do not exist
    /// are kept as written, so a folder that a sync will create still has a real path to compare.
    /// </summary>
    /// <exception cref="IOException">More than 40 links on the way (a loop).</exception>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Segments(full, current).Reverse());
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment == ".")
                continue;
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, segment);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
                throw new IOException($"Too many levels of symbolic links under '{path}'.");
            // The target's own segments come first, then what was left; '..' in a relative target applies to the
            // link's folder, not to the text of the link's path.
            var root = Path.IsPathRooted(target) ? Path.GetPathRoot(target)! : "";
            foreach (var part in Segments(target, root).Reverse())
                pending.Push(part);
            if (root.Length > 0)
                current = root;
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies under it (both real, full paths).</summary>
    public static bool IsInside(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative == "." || (relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    /// <summary>
    /// True when opening a file failed only because another process holds a conflicting lock on it ("would block"):
    /// EWOULDBLOCK from flock on Unix, a sharing or lock violation on Windows. Every other failure is a real error.
    /// </summary>
    public static bool IsLockConflict(IOException e) =>
        e.GetType() == typeof(IOException) && e.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    /// <summary>
    /// Lets the next child process inherit <paramref name="handle"/>: a lock held through it then lasts as long as
    /// the child does, even when this process is killed first.
    /// </summary>
    public static void AllowInheritance(SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows())
            WindowsFiles.AllowInheritance(handle);
        else
            LinuxFiles.AllowInheritance(handle);
    }

    /// <summary>The user this process runs as (Unix); null where files have no numeric owner.</summary>
    public static uint? EffectiveUser => OperatingSystem.IsWindows() ? null : LinuxFiles.EffectiveUser();

    private static IEnumerable<string> Segments(string full, string root) =>
        full[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private static LocalFileStatus ManagedStatus(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
            return LocalFileStatus.Missing;
        var attributes = info.Attributes;
        if ((attributes & FileAttributes.ReparsePoint) != 0)
            return new(LocalFileKind.SymbolicLink, 0, 0, default, null);
        if ((attributes & FileAttributes.Directory) != 0)
            return new(LocalFileKind.Directory, 0, 0, default, null);
        return new(LocalFileKind.Regular, info.Length, info.LastWriteTimeUtc.Ticks, default, null);
    }
}
