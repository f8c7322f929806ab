using System.Runtime.InteropServices;

namespace SyncConfig.Transports.Smb.Native;

/// <summary>
/// Makes libsmbclient safe for several threads, each with its own context. Samba keeps its per-call scratch memory
/// (talloc stack frames) and a few locks through a table of thread functions; with none installed they are process-wide,
/// and two threads in the library at once abort the process ("Freed frame …, expected …"). libsmbclient used to install
/// pthread ones with <c>smbc_thread_posix</c>, which this build no longer exports, so the table is installed here,
/// through <c>smb_thread_set_functions</c> of libsamba-util (the library libsmbclient's stack frames live in): mutexes
/// are monitors, thread-local values live in a [ThreadStatic] map. It must happen before the first libsmbclient call,
/// which sets the frames up.
/// </summary>
internal static unsafe class SambaThreads
{
    private const string UtilLibrary = "libsamba-util.so.0";
    private const int LockType = 1;

    [ThreadStatic]
    private static Dictionary<nint, nint>? _values;

    private static long _nextKey;

    [DllImport(UtilLibrary)]
    private static extern int smb_thread_set_functions(nint functions);

    /// <summary>Installs the table once; false when libsamba-util does not offer the call (then callers take turns).</summary>
    public static bool Install() => Installed.Value;

    private static readonly Lazy<bool> Installed = new(() =>
    {
        try
        {
            // The table stays for the life of the process: Samba keeps the pointer.
            var table = (nint*)NativeMemory.AllocZeroed((nuint)(7 * sizeof(nint)));
            table[0] = (nint)(delegate* unmanaged<byte*, nint*, byte*, int>)&CreateMutex;
            table[1] = (nint)(delegate* unmanaged<nint, byte*, void>)&DestroyMutex;
            table[2] = (nint)(delegate* unmanaged<nint, int, byte*, int>)&LockMutex;
            table[3] = (nint)(delegate* unmanaged<byte*, nint*, byte*, int>)&CreateTls;
            table[4] = (nint)(delegate* unmanaged<nint*, byte*, void>)&DestroyTls;
            table[5] = (nint)(delegate* unmanaged<nint, nint, byte*, int>)&SetTls;
            table[6] = (nint)(delegate* unmanaged<nint, byte*, nint>)&GetTls;
            return smb_thread_set_functions((nint)table) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    });

    [UnmanagedCallersOnly]
    private static int CreateMutex(byte* name, nint* mutex, byte* location)
    {
        *mutex = GCHandle.ToIntPtr(GCHandle.Alloc(new object()));
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void DestroyMutex(nint mutex, byte* location)
    {
        if (mutex != 0)
            GCHandle.FromIntPtr(mutex).Free();
    }

    [UnmanagedCallersOnly]
    private static int LockMutex(nint mutex, int type, byte* location)
    {
        var monitor = GCHandle.FromIntPtr(mutex).Target!;
        if (type == LockType)
            Monitor.Enter(monitor);
        else
            Monitor.Exit(monitor);
        return 0;
    }

    [UnmanagedCallersOnly]
    private static int CreateTls(byte* name, nint* key, byte* location)
    {
        *key = (nint)Interlocked.Increment(ref _nextKey);
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void DestroyTls(nint* key, byte* location) => *key = 0;

    [UnmanagedCallersOnly]
    private static int SetTls(nint key, nint value, byte* location)
    {
        (_values ??= [])[key] = value;
        return 0;
    }

    [UnmanagedCallersOnly]
    private static nint GetTls(nint key, byte* location) =>
        _values is { } values && values.TryGetValue(key, out var value) ? value : 0;
}
