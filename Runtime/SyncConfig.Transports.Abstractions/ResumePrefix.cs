namespace SyncConfig.Transports;

/// <summary>
/// Verifies an interrupted write by reading the remote prefix back and comparing it with the local bytes, chunk by
/// chunk: the way for targets that cannot hash on the server (Local Path, SFTP, SMB, FTP without HASH).
/// </summary>
public static class ResumePrefix
{
    /// <summary>The unit of verification: a resume continues at a chunk boundary or at the end of a matching tail.</summary>
    public const int ChunkSize = 1 << 20;

    /// <summary>
    /// The length of the longest run of leading chunks of <paramref name="remote"/> that equal the local file's bytes
    /// (a shorter last chunk counts when it matches in full); 0 when the remote is longer than the local file.
    /// </summary>
    /// <param name="remote">The remote file, read from its start.</param>
    public static async Task<long> MatchingLengthAsync(
        Stream remote, long remoteLength, long localLength, Func<long, long, Stream> openLocalRange, CancellationToken cancellationToken)
    {
        if (remoteLength > localLength || remoteLength <= 0)
            return 0;
        var theirs = new byte[ChunkSize];
        var ours = new byte[ChunkSize];
        await using var local = openLocalRange(0, remoteLength);
        long verified = 0;
        while (verified < remoteLength)
        {
            var count = (int)Math.Min(ChunkSize, remoteLength - verified);
            var read = await remote.ReadAtLeastAsync(theirs.AsMemory(0, count), count, throwOnEndOfStream: false, cancellationToken);
            var readLocal = await local.ReadAtLeastAsync(ours.AsMemory(0, count), count, throwOnEndOfStream: false, cancellationToken);
            if (read != count || readLocal != count || !theirs.AsSpan(0, count).SequenceEqual(ours.AsSpan(0, count)))
                break;
            verified += count;
        }
        return verified;
    }
}
