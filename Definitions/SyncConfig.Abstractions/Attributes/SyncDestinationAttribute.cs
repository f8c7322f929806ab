using System;

namespace SyncConfig;

/// <summary>The named arguments every sync destination shares.</summary>
public abstract class SyncDestinationAttribute : Attribute
{
    /// <summary><c>typeof</c> a class marked <see cref="SyncRepositoryAttribute"/>.</summary>
    public Type? Repository { get; set; }

    /// <summary>The folder created under the target path to hold this repository's copy.</summary>
    public string? FolderName { get; set; }

    /// <summary>Display name; defaults to the server or local path.</summary>
    public string? CustomName { get; set; }
}
