namespace SyncConfig.Transports;

/// <summary>A file on the target; <paramref name="Path"/> is relative to the target path, '/'-separated.</summary>
public readonly record struct RemoteFileInfo(string Path, long Length);
