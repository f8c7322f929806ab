using System.Runtime.CompilerServices;
using System.Text;
using SyncConfig.Transports;

namespace SyncConfig.Testing;

/// <summary>
/// A case-insensitive, case-preserving target (SMB, NTFS, exFAT) over any case-sensitive one: every path is resolved,
/// level by level, to the spelling already there that matches ignoring case and Unicode normalization, as such a
/// target would; a new name keeps the spelling it was created with.
/// </summary>
public sealed class CaseFoldingTransport(IRemoteTransport inner) : DelegatingTransport(inner)
{
    private readonly IRemoteTransport _inner = inner;

    public override TransportCapabilities Capabilities => base.Capabilities with { CaseInsensitiveNames = true };

    private async Task<string> MapAsync(string path, CancellationToken ct)
    {
        if (path.Length == 0)
            return path;
        var existing = new List<string>();
        await foreach (var file in _inner.ListFilesAsync("", ct))
            existing.Add(file.Path);
        var mapped = "";
        foreach (var part in path.Split('/'))
        {
            var prefix = mapped.Length == 0 ? "" : mapped + "/";
            var spelled = existing
                .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
                .Select(p => p[prefix.Length..].Split('/')[0])
                .FirstOrDefault(n => Fold(n) == Fold(part));
            mapped = prefix + (spelled ?? part);
        }
        return mapped;
    }

    private static string Fold(string name) => name.Normalize(NormalizationForm.FormC).ToUpperInvariant();

    public override async Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken ct) =>
        await base.GetFileAsync(await MapAsync(path, ct), ct) is { } file ? file with { Path = path } : null;

    public override async Task<bool> FolderExistsAsync(string path, CancellationToken ct) => await base.FolderExistsAsync(await MapAsync(path, ct), ct);
    public override IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, CancellationToken ct) => ListedAsync(folder, ct);
    public override async Task<Stream> OpenReadAsync(string path, CancellationToken ct) => await base.OpenReadAsync(await MapAsync(path, ct), ct);
    public override async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken ct) => await base.WriteAsync(await MapAsync(path, ct), content, mode, ct);

    public override async Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken ct) =>
        await base.VerifiedResumeOffsetAsync(await MapAsync(path, ct), length, openLocalRange, ct);

    public override async Task RenameAsync(string source, string destination, bool replace, CancellationToken ct) =>
        await base.RenameAsync(await MapAsync(source, ct), await MapAsync(destination, ct), replace, ct);

    public override async Task CopyAsync(string source, string destination, CancellationToken ct) =>
        await base.CopyAsync(await MapAsync(source, ct), await MapAsync(destination, ct), ct);

    public override async Task DeleteFileAsync(string path, CancellationToken ct) => await base.DeleteFileAsync(await MapAsync(path, ct), ct);
    public override async Task DeleteFolderAsync(string path, CancellationToken ct) => await base.DeleteFolderAsync(await MapAsync(path, ct), ct);
    public override async Task RemoveEmptyFolderAsync(string path, CancellationToken ct) => await base.RemoveEmptyFolderAsync(await MapAsync(path, ct), ct);

    /// <summary>The listing names entries as they are stored, under the folder as the caller spelled it.</summary>
    private async IAsyncEnumerable<RemoteFileInfo> ListedAsync(string folder, [EnumeratorCancellation] CancellationToken ct)
    {
        var mapped = await MapAsync(folder, ct);
        await foreach (var file in base.ListFilesAsync(mapped, ct))
            yield return mapped == folder ? file : file with { Path = folder + file.Path[mapped.Length..] };
    }
}
