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

    /// <summary>
    /// <see cref="WriteMode.CreateNew"/> fails with <see cref="RemoteErrorKind.AlreadyExists"/> when the file exists, atomically
    /// even against a writer racing from another machine (O_EXCL, SSH_FXF_EXCL, SMB FILE_CREATE, S3 <c>If-None-Match: *</c>).
    /// The engine takes its lock and claims the ID with it; without it, it falls back to uniquely named files and a listing.
    /// A reader may see a file made this way empty or partial for a moment unless <see cref="AtomicWrites"/> is also set.
    /// </summary>
    public bool ExclusiveCreate { get; init; }

    /// <summary>
    /// An interrupted write leaves its partial file visible, <see cref="IRemoteTransport.VerifiedResumeOffsetAsync"/> says
    /// how much of it holds the local bytes, and <see cref="WriteMode.Append"/> continues there (SFTP/FTP/SMB offsets).
    /// Never together with <see cref="AtomicWrites"/>: a store that shows no partial file resumes inside its own repeated
    /// write (S3: the pending multipart upload's parts, each kept only when its ETag equals the MD5 of the same local
    /// bytes) and the engine need not know.
    /// </summary>
    public bool ResumableWrites { get; init; }

    /// <summary>The target copies a file into a new name itself, without the data crossing the network.</summary>
    public bool ServerSideCopy { get; init; }

    /// <summary>A written file becomes visible only once complete (object stores); otherwise a partial file can be seen.</summary>
    public bool AtomicWrites { get; init; }

    /// <summary>Folders exist on their own and are left behind empty when their files go.</summary>
    public bool Folders { get; init; }

    /// <summary>
    /// Names that differ only in letter case (and, on some targets, only in Unicode normalization) are the same file:
    /// SMB, NTFS/exFAT/FAT disks, Windows FTP servers. The engine then compares names folded and NFC-normalized, so
    /// renaming <c>pc01</c> to <c>PC01</c> replaces files instead of uploading them and deleting the same files after.
    /// </summary>
    public bool CaseInsensitiveNames { get; init; }

    /// <summary>
    /// When <see cref="IRemoteTransport.WriteAsync"/>, <see cref="IRemoteTransport.RenameAsync"/>,
    /// <see cref="IRemoteTransport.CopyAsync"/> or a delete returns, the data and the name are on stable storage: a power
    /// cut afterwards loses neither (Local Path: fsync of the file and of its parent folder; S3: an acknowledged PUT).
    /// Without it (SFTP has no fsync in SSH.NET, FTP has none at all) the engine's write order still holds, but a crash
    /// of the server itself may lose the newest writes; the documentation says so per target.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>
    /// Connecting signs in with the destination's credentials (SFTP, FTP, S3 keys). A Local Path is reached with the
    /// rights of the user running SyncConfig, so its connection test has no sign-in step to report.
    /// </summary>
    public bool SignsIn { get; init; } = true;
}
