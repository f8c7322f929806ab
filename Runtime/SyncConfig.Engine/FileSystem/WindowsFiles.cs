using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SyncConfig.Engine.FileSystem;

/// <summary>The Win32 call .NET does not expose: marking an open handle inheritable by a child process.</summary>
internal static class WindowsFiles
{
    private const int HandleFlagInherit = 1;

    public static void AllowInheritance(SafeFileHandle handle)
    {
        if (!SetHandleInformation(handle, HandleFlagInherit, HandleFlagInherit))
            throw new IOException("The lock file handle could not be made inheritable.", Marshal.GetLastPInvokeError());
    }

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool SetHandleInformation(SafeFileHandle handle, int mask, int flags);
}
