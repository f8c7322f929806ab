namespace SyncConfig.Transports;

/// <summary>
/// What a target can do safely, declared as data (as rclone's <c>fs.Features</c>): the commit protocol
/// picks its steps from these flags instead of asking which transport it is talking to. Each transport declares
/// its own set; the conformance suite holds it to every flag it claims.
/// </summary>
public sealed record TransportCapabilities
{
    /// <summary>A file can be moved within the target without copying its data.</summary>
    public bool Rename { get; init; }

    /// <summary>Renaming onto an existing file replaces it in one atomic step (POSIX rename, SFTP posix-rename).</summary>
    public bool AtomicRenameReplace { get; init; }

    /// <summary>Creating a file fails when it already exists, atomically (O_EXCL, S3 If-None-Match).</summary>
    public bool ExclusiveCreate { get; init; }

    /// <summary>
    /// An interrupted write leaves its partial file visible, and <see cref="WriteMode.Append"/> continues it at its
    /// length (SFTP/FTP/SMB offsets). Never together with <see cref="AtomicWrites"/>: a store that shows no partial
    /// file resumes inside its own repeated write (S3 multipart parts) and the engine need not know.
    /// </summary>
    public bool ResumableWrites { get; init; }

    /// <summary>The target copies a file into a new name itself, without the data crossing the network.</summary>
    public bool ServerSideCopy { get; init; }

    /// <summary>A written file becomes visible only once complete (object stores); otherwise a partial file can be seen.</summary>
    public bool AtomicWrites { get; init; }

    /// <summary>Folders exist on their own and are left behind empty when their files go.</summary>
    public bool Folders { get; init; }
}
