namespace SyncConfig.Engine.Transports;

/// <summary>
/// What a target can do safely, declared as data (as rclone's <c>fs.Features</c>): the commit protocol
/// picks its steps from these flags instead of asking which transport it is talking to.
/// </summary>
public sealed record TransportCapabilities
{
    /// <summary>A file can be moved within the target without copying its data.</summary>
    public bool Rename { get; init; }

    /// <summary>Renaming onto an existing file replaces it in one atomic step (POSIX rename, SFTP posix-rename).</summary>
    public bool AtomicRenameReplace { get; init; }

    /// <summary>Creating a file fails when it already exists, atomically (O_EXCL, S3 If-None-Match).</summary>
    public bool ExclusiveCreate { get; init; }

    /// <summary>An interrupted write can continue at the remote length (SFTP/FTP/SMB offsets, S3 multipart parts).</summary>
    public bool ResumableWrites { get; init; }

    /// <summary>The target copies a file into a new name itself, without the data crossing the network.</summary>
    public bool ServerSideCopy { get; init; }

    /// <summary>Large files go up in parts that become one object on completion.</summary>
    public bool Multipart { get; init; }

    /// <summary>A written file becomes visible only once complete (object stores); otherwise a partial file can be seen.</summary>
    public bool AtomicWrites { get; init; }

    /// <summary>Folders exist on their own and are left behind empty when their files go.</summary>
    public bool Folders { get; init; }

    /// <summary>A local or mounted file system.</summary>
    public static TransportCapabilities LocalPath { get; } = new()
    {
        Rename = true, AtomicRenameReplace = true, ExclusiveCreate = true, ResumableWrites = true, Folders = true,
    };

    /// <summary>SMB through libsmbclient: rename onto an existing file deletes it first.</summary>
    public static TransportCapabilities NetworkShare { get; } = new()
    {
        Rename = true, ExclusiveCreate = true, ResumableWrites = true, Folders = true,
    };

    /// <summary>SFTP with the OpenSSH posix-rename extension.</summary>
    public static TransportCapabilities Sftp { get; } = new()
    {
        Rename = true, AtomicRenameReplace = true, ExclusiveCreate = true, ResumableWrites = true, Folders = true,
    };

    /// <summary>FTP/FTPS: no exclusive create, and RNTO onto an existing file is server-specific.</summary>
    public static TransportCapabilities FileTransfer { get; } = new()
    {
        Rename = true, ResumableWrites = true, Folders = true,
    };

    /// <summary>S3 and compatible stores: no rename at all; objects appear whole.</summary>
    public static TransportCapabilities S3 { get; } = new()
    {
        ServerSideCopy = true, Multipart = true, AtomicWrites = true, ResumableWrites = true,
    };
}
