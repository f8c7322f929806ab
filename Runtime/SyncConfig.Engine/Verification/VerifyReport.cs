using SyncConfig.Engine.Results;

namespace SyncConfig.Engine.Verification;

/// <summary>The remote mirror held against the committed manifest.</summary>
public sealed record VerifyReport
{
    public long ManifestGeneration { get; init; }
    public int FilesChecked { get; init; }
    public IReadOnlyList<string> Missing { get; init; } = [];
    public IReadOnlyList<string> Extra { get; init; } = [];
    public IReadOnlyList<string> SizeMismatches { get; init; } = [];
    public IReadOnlyList<string> HashMismatches { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>With repair: the sync that uploaded the damaged files again (the lists above are what it found).</summary>
    public SyncResult? Repair { get; init; }

    public bool IsIntact => Missing.Count == 0 && Extra.Count == 0 && SizeMismatches.Count == 0
        && HashMismatches.Count == 0 && Errors.Count == 0;
}
