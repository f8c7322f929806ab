using SyncConfig.Catalog;
using SyncConfig.Transports;
using SyncConfig.Transports.LocalPath;

namespace SyncConfig.Runtime.Execution;

/// <summary>The destination kind exists in the definition language but its transport is not in this build.</summary>
public sealed class TransportNotAvailableException(string message) : Exception(message);

/// <summary>Builds the engine's transport for a resolved destination.</summary>
public static class Transports
{
    public static IRemoteTransport Create(DestinationSettings destination) => destination switch
    {
        LocalPathSettings local => new LocalPathTransport(local.Path),
        _ => throw new TransportNotAvailableException(Unavailable(destination)!),
    };

    /// <summary>Why this build cannot reach the destination, or null when it can.</summary>
    public static string? Unavailable(DestinationSettings destination)
    {
        var kind = destination switch
        {
            LocalPathSettings => null,
            NetworkShareSettings => "Windows network share",
            FileTransferSettings transfer => transfer.Protocol.ToString().ToUpperInvariant(),
            S3Settings => "S3",
            _ => destination.GetType().Name,
        };
        return kind is null ? null : $"The {kind} transport is not available in this build yet; only Local Path syncs can run.";
    }
}
