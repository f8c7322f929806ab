namespace SyncConfig.Transports.S3;

/// <summary>How the transport splits and parallelizes transfers; the defaults suit a backup of large image files.</summary>
public sealed record S3TransportOptions
{
    /// <summary>S3's smallest part (all but the last of an upload); and its largest single PUT or copy.</summary>
    public const long MinPartSize = 5L << 20;
    public const long SingleRequestLimit = 5L << 30;

    /// <summary>S3 completes an upload of at most this many parts; larger files get larger parts.</summary>
    public const int MaxParts = 10_000;

    /// <summary>Files up to this size go up in one PUT; larger ones in parts of this size (more for files over 10,000 parts).</summary>
    public long PartSize { get; init; } = 8L << 20;

    /// <summary>Parts of one file uploaded at the same time.</summary>
    public int ParallelParts { get; init; } = 4;

    /// <summary>
    /// Part buffers held at once across every file the engine uploads in parallel: the transport's memory bound
    /// (<see cref="PartSize"/> times this). A file waits for a free buffer rather than allocate another.
    /// </summary>
    public int BufferedParts { get; init; } = 6;

    /// <summary>
    /// A server-side copy of a larger object is done in parts (<c>UploadPartCopy</c>): S3 refuses a single copy above
    /// 5 GiB. Lowered in tests to exercise the multipart copy on small objects.
    /// </summary>
    public long SingleCopyLimit { get; init; } = SingleRequestLimit;

    /// <summary>Part size of a multipart copy; the data never crosses the network, so parts are large.</summary>
    public long CopyPartSize { get; init; } = 512L << 20;

    /// <summary>Keys per listing request: S3's maximum, so a mirror of 20,000 files is listed in 20 requests.</summary>
    public int ListPageSize { get; init; } = 1000;

    /// <summary>How long one request may take before it counts as a dropped connection.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public static S3TransportOptions Default { get; } = new();

    /// <summary>The part size for an upload of <paramref name="length"/> bytes: whole MiB, at least S3's minimum, at most 10,000 parts.</summary>
    public long PartSizeFor(long length) => PartSizeFor(length, PartSize);

    public long CopyPartSizeFor(long length) => PartSizeFor(length, CopyPartSize);

    private static long PartSizeFor(long length, long preferred)
    {
        var size = Math.Max(Math.Max(preferred, MinPartSize), (length + MaxParts - 1) / MaxParts);
        const long MiB = 1 << 20;
        return (size + MiB - 1) / MiB * MiB;
    }
}
