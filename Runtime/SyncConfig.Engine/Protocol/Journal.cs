namespace SyncConfig.Engine.Protocol;

/// <summary>
/// The record of a sync in flight, written before its first upload. It names the manifest the sync will commit and
/// every file it stages or removes, so the next sync can roll it back (no such manifest) or forward (manifest there).
/// </summary>
public sealed record Journal
{
    public int Format { get; init; } = Manifest.CurrentFormat;
    public required long Generation { get; init; }
    public required string CommitId { get; init; }

    /// <summary>Mirror paths uploaded under <c>.syncconfig/staging/</c>, moved into place after the commit: their
    /// committed version is still needed until then.</summary>
    public required IReadOnlyList<string> Staged { get; init; }

    /// <summary>New mirror paths (the committed manifest does not list them) uploaded straight into place;
    /// a rollback deletes them.</summary>
    public IReadOnlyList<string> Placed { get; init; } = [];

    /// <summary>Mirror paths the commit stops listing; deleted only after it.</summary>
    public required IReadOnlyList<string> Deleted { get; init; }

    public ManifestName Commits => new(Generation, CommitId);
}
