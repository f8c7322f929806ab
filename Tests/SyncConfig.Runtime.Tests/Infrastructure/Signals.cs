using System.Runtime.InteropServices;

namespace SyncConfig.Runtime.Tests.Infrastructure;

/// <summary>Sends a POSIX signal (.NET can only send SIGKILL); no dependence on a kill binary being installed.</summary>
public static class Signals
{
    public const int SIGTERM = 15;

    public static int Kill(int processId, int signal) => NativeKill(processId, signal);

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int NativeKill(int processId, int signal);
}
