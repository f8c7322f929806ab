using System;

namespace SyncConfig;

/// <summary>Sync to a Windows network share, <c>\\server\share\folder</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkShareSyncAttribute : SyncDestinationAttribute
{
    public NetworkShareSyncAttribute(string path) => Path = path;

    public string Path { get; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? Domain { get; set; }

    /// <summary>The server's SMB port when it is not the standard 445 (a UNC path cannot name one); 0 means 445.</summary>
    public int Port { get; set; }
}
