using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>Every destination kind of the definition language.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#else
internal
#endif
static class DestinationKinds
{
    public static IReadOnlyList<DestinationKind> All { get; } = new DestinationKind[]
    {
        NetworkShareDestination.Kind, LocalPathDestination.Kind, FileTransferDestination.Kind, S3Destination.Kind,
    };

    /// <summary>The kind whose attribute has this metadata name (<c>SyncConfig.FileTransferSyncAttribute</c>), or null.</summary>
    public static DestinationKind? ForAttribute(string attributeName) => All.FirstOrDefault(kind => kind.AttributeName == attributeName);

    /// <summary>The kind of this <see cref="DestinationKind.Name"/> (<c>FileTransfer</c>).</summary>
    public static DestinationKind Named(string name) => All.First(kind => kind.Name == name);
}
