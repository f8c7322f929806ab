using System;

namespace SyncConfig;

/// <summary>Declares a backup repository: a folder laid out as <c>&lt;computer&gt;/&lt;backup definition&gt;/&lt;image files&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SyncRepositoryAttribute : Attribute
{
    /// <param name="path">Absolute local path of the repository, or a <c>$(NAME)</c> reference.</param>
    public SyncRepositoryAttribute(string path) => Path = path;

    public string Path { get; }
}
