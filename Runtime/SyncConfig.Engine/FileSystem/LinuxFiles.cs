using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SyncConfig.Engine.FileSystem;

/// <summary>
/// The C library calls .NET does not expose: <c>statx</c> (whose buffer has one layout on every Linux architecture,
/// unlike <c>struct stat</c>) for a file's type, identity and owner, and <c>open</c> with <c>O_NONBLOCK</c>.
/// </summary>
internal static class LinuxFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int ENAMETOOLONG = 36;
    private const int ELOOP = 40;

    // The same values on every architecture .NET runs on (x64, arm64, arm, riscv64, s390x, ppc64le, loongarch64).
    private const int OpenReadOnly = 0;
    private const int OpenNonBlocking = 0x800;
    private const int OpenCloseOnExec = 0x80000;
    private const int AdviseSequential = 2;
    private const int SetDescriptorFlags = 2;

    private const int TypeMask = 0xF000;
    private const int TypeRegular = 0x8000;
    private const int TypeDirectory = 0x4000;
    private const int TypeLink = 0xA000;

    public static LocalFileStatus Status(string path)
    {
        if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, out var buffer) == 0)
            return From(buffer);
        var error = Marshal.GetLastPInvokeError();
        // A name that is not valid UTF-8 decodes with U+FFFD and so names nothing: as absent as a file deleted meanwhile.
        if (error is ENOENT or ENOTDIR)
            return LocalFileStatus.Missing;
        throw Failure(error, path);
    }

    public static LocalFileStatus Status(SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxBasicStats, out var buffer) != 0)
                throw Failure(Marshal.GetLastPInvokeError(), "an open file");
            return From(buffer);
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }
    }

    public static SafeFileHandle? OpenChecked(string path, FileIdentity expected, bool sequential)
    {
        var descriptor = open(path, OpenReadOnly | OpenNonBlocking | OpenCloseOnExec, 0);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error is ENOENT or ENOTDIR or ELOOP ? null : throw Failure(error, path);
        }
        var handle = new SafeFileHandle((IntPtr)descriptor, ownsHandle: true);
        var opened = Status(handle);
        // lstat before, fstat after: a link, a FIFO or another file swapped in between has another identity.
        if (opened.Kind != LocalFileKind.Regular || opened.Identity != expected)
        {
            handle.Dispose();
            return null;
        }
        if (sequential)
            _ = posix_fadvise(descriptor, 0, 0, AdviseSequential);
        return handle;
    }

    public static uint EffectiveUser() => geteuid();

    /// <summary>Clears close-on-exec, which .NET sets on every file it opens, so a child started next inherits the descriptor.</summary>
    public static void AllowInheritance(SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (fcntl((int)handle.DangerousGetHandle(), SetDescriptorFlags, 0) != 0)
                throw Failure(Marshal.GetLastPInvokeError(), "a lock file");
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }
    }

    private static LocalFileStatus From(in Statx buffer)
    {
        var kind = (buffer.Mode & TypeMask) switch
        {
            TypeRegular => LocalFileKind.Regular,
            TypeDirectory => LocalFileKind.Directory,
            TypeLink => LocalFileKind.SymbolicLink,
            _ => LocalFileKind.Special,
        };
        // The ticks .NET's FileInfo.LastWriteTimeUtc gives, so manifests written before keep matching.
        var modified = DateTime.UnixEpoch.Ticks + buffer.ModifiedSeconds * TimeSpan.TicksPerSecond + buffer.ModifiedNanoseconds / 100;
        var device = ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor;
        return new(kind, (long)buffer.Size, modified, new FileIdentity(device, buffer.Inode), buffer.Owner);
    }

    private static IOException Failure(int error, string path) => error switch
    {
        ENAMETOOLONG => new PathTooLongException($"The path '{path}' is too long."),
        _ => new IOException($"'{path}': {Marshal.GetPInvokeErrorMessage(error)}", error),
    };

    /// <summary>The fields of <c>struct statx</c> that are read; 256 bytes on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(20)] public uint Owner;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long ModifiedSeconds;
        [FieldOffset(120)] public uint ModifiedNanoseconds;
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out Statx buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc")]
    private static extern int posix_fadvise(int descriptor, long offset, long length, int advice);

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int descriptor, int command, int argument);
}
