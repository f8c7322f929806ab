using System.Runtime.InteropServices;

namespace SyncConfig.Transports.Smb.Native;

/// <summary>
/// The entry points of Samba's libsmbclient this transport uses: the context API only (each context is one client with
/// its own connections; the library's global-context calls are never used). The file operations themselves are function
/// pointers a context hands out (<see cref="SmbContext"/>).
/// </summary>
internal static unsafe partial class LibSmbClient
{
    public const string Library = "libsmbclient.so.0";

    /// <summary>The Debian package that installs <see cref="Library"/>.</summary>
    public const string Package = "libsmbclient";

    [DllImport(Library)]
    public static extern nint smbc_new_context();

    [DllImport(Library)]
    public static extern int smbc_free_context(nint context, int shutdownContext);

    [DllImport(Library)]
    public static extern nint smbc_init_context(nint context);

    [DllImport(Library)]
    public static extern void smbc_setDebug(nint context, int debug);

    [DllImport(Library)]
    public static extern void smbc_setTimeout(nint context, int milliseconds);

    [DllImport(Library)]
    public static extern void smbc_setPort(nint context, ushort port);

    [DllImport(Library)]
    public static extern void smbc_setOptionUseKerberos(nint context, int value);

    [DllImport(Library)]
    public static extern void smbc_setOptionFallbackAfterKerberos(nint context, int value);

    [DllImport(Library)]
    public static extern void smbc_setOptionNoAutoAnonymousLogin(nint context, int value);

    [DllImport(Library)]
    public static extern void smbc_setOptionUserData(nint context, nint userData);

    [DllImport(Library)]
    public static extern nint smbc_getOptionUserData(nint context);

    [DllImport(Library)]
    public static extern void smbc_setFunctionAuthDataWithContext(
        nint context, delegate* unmanaged<nint, byte*, byte*, byte*, int, byte*, int, byte*, int, void> callback);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionOpen(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionRead(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionWrite(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionClose(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionLseek(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionFtruncate(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionStat(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionRename(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionUnlink(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionMkdir(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionRmdir(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionOpendir(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionClosedir(nint context);

    [DllImport(Library)]
    public static extern nint smbc_getFunctionReaddirPlus(nint context);

    /// <summary>libsmbclient's <c>struct libsmb_file_info</c>, one directory entry of <c>readdirplus</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FileInfo
    {
        public ulong Size;
        public ushort Attributes;
        public uint Uid;
        public uint Gid;
        public Timespec BirthTime;
        public Timespec ModifiedTime;
        public Timespec AccessTime;
        public Timespec ChangeTime;
        public byte* Name;
        public byte* ShortName;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>The DOS attribute of a folder.</summary>
    public const ushort FileAttributeDirectory = 0x10;
}
