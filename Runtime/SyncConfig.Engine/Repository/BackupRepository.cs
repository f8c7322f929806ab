namespace SyncConfig.Engine.Repository;

/// <summary>A backup repository on this machine and its unique ID.</summary>
public sealed class BackupRepository
{
    private BackupRepository(string root, string id)
    {
        Root = root;
        Id = id;
    }

    public string Root { get; }

    /// <summary>The unique ID the remote folder is claimed with. A deleted ID file means a new ID, on purpose:
    /// the remote then refuses this repository instead of being overwritten by a damaged one.</summary>
    public string Id { get; }

    public string MetadataPath => Path.Combine(Root, RepositoryPaths.MetadataFolder);

    public string IdFilePath => Path.Combine(MetadataPath, "id");

    public static BackupRepository Open(string root)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
            throw new SyncException(SyncErrorKind.Other, $"The repository folder '{full}' does not exist.");
        var metadata = Path.Combine(full, RepositoryPaths.MetadataFolder);
        Directory.CreateDirectory(metadata);
        var idFile = Path.Combine(metadata, "id");
        if (TryReadId(idFile) is { } existing)
            return new BackupRepository(full, existing);

        var id = Guid.NewGuid().ToString("D");
        var temporary = idFile + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, id);
        try
        {
            // Two processes opening a new repository at once must agree on one ID: the first link wins.
            File.Move(temporary, idFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(idFile))
        {
            File.Delete(temporary);
        }
        return new BackupRepository(full, TryReadId(idFile) ?? throw new SyncException(SyncErrorKind.Other, $"The repository ID file '{idFile}' is unreadable."));
    }

    /// <summary>
    /// A repository that a sync (or <c>test</c>) has already given its ID; never creates anything. The backup side
    /// uses it: a mistyped path must not become a fresh repository whose lease nobody else looks at.
    /// </summary>
    public static BackupRepository OpenExisting(string root)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
            throw new SyncException(SyncErrorKind.Other, $"The repository folder '{full}' does not exist. Check the path.");
        var idFile = Path.Combine(full, RepositoryPaths.MetadataFolder, "id");
        var id = TryReadId(idFile) ?? throw new SyncException(SyncErrorKind.Other,
            $"'{full}' is not a SyncConfig repository yet (it has no {RepositoryPaths.MetadataFolder}/id). Check the path; " +
            "a repository gets its ID from its first sync or from 'syncconfig test NAME'.");
        return new BackupRepository(full, id);
    }

    private static string? TryReadId(string idFile)
    {
        if (!File.Exists(idFile))
            return null;
        var text = File.ReadAllText(idFile).Trim();
        return Guid.TryParse(text, out _) ? text : null;
    }
}
