using SyncConfig.Catalog;
using SyncConfig.Engine.FileSystem;
using SyncConfig.Rules;

namespace SyncConfig.Runtime.Configuration;

/// <summary>
/// A Local Path target folder and its repository must be apart once every link is resolved: a target inside the
/// repository is copied into itself one level deeper on every run, and a target that is the repository has its
/// source images deleted as "files the commit no longer lists".
/// </summary>
public static class TargetOverlap
{
    /// <summary>The problem, or null when the sync's remote folder and its repository do not overlap.</summary>
    public static ConfigurationProblem? Check(ResolvedSync sync)
    {
        if (sync.Destination is not LocalPathSettings local || local.Path.Length == 0 || sync.RepositoryPath.Length == 0)
            return null;
        string repository, folder;
        try
        {
            repository = LocalFiles.RealPath(sync.RepositoryPath);
            folder = LocalFiles.RealPath(Path.Combine(local.Path, sync.FolderName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new ConfigurationProblem(sync.Name, Setting.Path, $"The target and repository paths cannot be resolved: {e.Message}");
        }
        if (!LocalFiles.IsInside(repository, folder) && !LocalFiles.IsInside(folder, repository))
            return null;
        return new ConfigurationProblem(sync.Name, Setting.Path,
            $"The target folder '{folder}' and the repository '{repository}' overlap (one is inside the other once links are followed). " +
            "A sync would copy the repository into itself or delete its own source files; choose a target outside the repository.");
    }
}
