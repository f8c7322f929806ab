using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>Every destination kind of the definition language; generated code names a kind's rows through these fields.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class DestinationKinds
{
    /// <summary><c>[NetworkShareSync]</c>: a Windows network share, <c>\\server\share\folder</c>.</summary>
    public static readonly NetworkShareDestination NetworkShare = new NetworkShareDestination();

    /// <summary><c>[LocalPathSync]</c>: a folder or USB disk of the host; its <c>PathRoot</c> is <c>E:\</c> or <c>/</c>.</summary>
    public static readonly PathDestination<LocalPath> LocalPath = new PathDestination<LocalPath>(
        nameof(LocalPath), "local:", Rules.LocalPath.Parse,
        local => new[] { NormalizedPart.Text("PathRoot", local.Style == LocalPathStyle.Windows ? local.Drive + @"\" : "/"), NormalizedPart.List("PathSegments", local.Segments) });

    public static readonly FileTransferDestination FileTransfer = new FileTransferDestination();

    public static readonly S3Destination S3 = new S3Destination();

    public static IReadOnlyList<DestinationKind> All { get; } = new DestinationKind[] { NetworkShare, LocalPath, FileTransfer, S3 };

    /// <summary>The kind whose attribute has this metadata name (<c>SyncConfig.FileTransferSyncAttribute</c>), or null.</summary>
    public static DestinationKind? ForAttribute(string attributeName) => All.FirstOrDefault(kind => kind.AttributeName == attributeName);

    /// <summary>The kind of this <see cref="DestinationKind.Name"/> (<c>FileTransfer</c>).</summary>
    public static DestinationKind Named(string name) => All.First(kind => kind.Name == name);
}
