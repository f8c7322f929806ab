using System.Text;

namespace SyncConfig.Engine.Protocol;

/// <summary>
/// How the target tells names apart. Exact on most targets; where it ignores case (SMB, NTFS, exFAT, Windows FTP) two
/// paths are the same file when their NFC forms are equal ignoring case, so the plan compares such keys and a case-only
/// rename becomes a replacement of the file instead of an upload followed by a delete of the same file.
/// </summary>
internal sealed class NameKeys(bool fold)
{
    public static readonly NameKeys Exact = new(false);

    public bool Folds => fold;

    public string Key(string path) => fold ? path.Normalize(NormalizationForm.FormC).ToUpperInvariant() : path;

    public StringComparer Comparer => fold ? FoldedComparer.Instance : StringComparer.Ordinal;

    private sealed class FoldedComparer : StringComparer
    {
        public static readonly FoldedComparer Instance = new();

        public override int Compare(string? x, string? y) =>
            string.CompareOrdinal(x?.Normalize(NormalizationForm.FormC).ToUpperInvariant(), y?.Normalize(NormalizationForm.FormC).ToUpperInvariant());

        public override bool Equals(string? x, string? y) => Compare(x, y) == 0;

        public override int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(obj.Normalize(NormalizationForm.FormC).ToUpperInvariant());
    }
}
