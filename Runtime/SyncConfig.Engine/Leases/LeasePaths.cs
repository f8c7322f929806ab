using SyncConfig.Engine.Repository;

namespace SyncConfig.Engine.Leases;

/// <summary>Where the lock files live: <c>&lt;repository&gt;/.syncconfig/leases/</c>.</summary>
internal static class LeasePaths
{
    public static string Root(string repositoryRoot) => Path.Combine(repositoryRoot, RepositoryPaths.MetadataFolder, "leases");

    /// <summary>Held shared by a writer for a moment while it takes its folder lock; a starting sync holds it exclusively.</summary>
    public static string Gate(string repositoryRoot) => Path.Combine(Root(repositoryRoot), "gate.lock");

    public static string FoldersRoot(string repositoryRoot) => Path.Combine(Root(repositoryRoot), "folders");

    /// <summary>Held shared by each writer of the folder; a sync holds it exclusively while the folder is closed.</summary>
    public static string Folder(string repositoryRoot, string folder) =>
        Path.Combine(FoldersRoot(repositoryRoot), folder.Replace('/', Path.DirectorySeparatorChar) + ".lock");
}
