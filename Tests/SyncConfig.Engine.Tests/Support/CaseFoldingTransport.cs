using System.Runtime.CompilerServices;
using System.Text;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Tests.Support;

/// <summary>
/// A case-insensitive, case-preserving target (SMB, NTFS, exFAT) on this machine's case-sensitive disk: every path is
/// resolved, folder by folder, to the entry already there whose name matches ignoring case and Unicode normalization,
/// as such a target would; a new name keeps the case it was created with.
/// </summary>
public sealed class CaseFoldingTransport(IRemoteTransport inner, string targetPath) : DelegatingTransport(inner)
{
    public override TransportCapabilities Capabilities => base.Capabilities with { CaseInsensitiveNames = true };

    private string Map(string path)
    {
        if (path.Length == 0)
            return path;
        var physical = targetPath;
        var mapped = new List<string>();
        foreach (var part in path.Split('/'))
        {
            var existing = Directory.Exists(physical)
                ? Directory.EnumerateFileSystemEntries(physical).Select(System.IO.Path.GetFileName).FirstOrDefault(n => Fold(n!) == Fold(part))
                : null;
            var name = existing ?? part;
            mapped.Add(name);
            physical = System.IO.Path.Combine(physical, name);
        }
        return string.Join('/', mapped);
    }

    private static string Fold(string name) => name.Normalize(NormalizationForm.FormC).ToUpperInvariant();

    public override Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken ct) => base.GetFileAsync(Map(path), ct);
    public override Task<bool> FolderExistsAsync(string path, CancellationToken ct) => base.FolderExistsAsync(Map(path), ct);
    public override IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, CancellationToken ct) => Listed(folder, ct);
    public override Task<Stream> OpenReadAsync(string path, CancellationToken ct) => base.OpenReadAsync(Map(path), ct);
    public override Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct) => base.WriteAsync(Map(path), content, mode, ct);

    public override Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken ct) =>
        base.VerifiedResumeOffsetAsync(Map(path), length, openLocalRange, ct);

    public override Task RenameAsync(string source, string destination, bool replace, CancellationToken ct) =>
        base.RenameAsync(Map(source), Map(destination), replace, ct);

    public override Task CopyAsync(string source, string destination, CancellationToken ct) => base.CopyAsync(Map(source), Map(destination), ct);
    public override Task DeleteFileAsync(string path, CancellationToken ct) => base.DeleteFileAsync(Map(path), ct);
    public override Task DeleteFolderAsync(string path, CancellationToken ct) => base.DeleteFolderAsync(Map(path), ct);
    public override Task RemoveEmptyFolderAsync(string path, CancellationToken ct) => base.RemoveEmptyFolderAsync(Map(path), ct);

    /// <summary>The listing names entries as they are stored, relative to the folder as the caller spelled it.</summary>
    private async IAsyncEnumerable<RemoteFileInfo> Listed(string folder, [EnumeratorCancellation] CancellationToken ct)
    {
        var mapped = Map(folder);
        await foreach (var file in base.ListFilesAsync(mapped, ct))
            yield return mapped == folder ? file : file with { Path = folder + file.Path[mapped.Length..] };
    }
}
