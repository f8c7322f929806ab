namespace SyncConfig.Analyzers.Tests.Infrastructure;

internal static class Repository
{
    /// <summary>The checkout this test assembly was built from (the folder holding SyncConfig.sln).</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SyncConfig.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: no SyncConfig.sln above " + AppContext.BaseDirectory);
    }
}
