using System;

namespace SyncConfig;

/// <summary>Sync to a path local to the host: a folder, a USB disk.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LocalPathSyncAttribute : SyncDestinationAttribute
{
    public LocalPathSyncAttribute(string path) => Path = path;

    public string Path { get; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? Domain { get; set; }
}
