using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SyncConfig.Transports.Ftp.Client;

namespace SyncConfig.Transports.Ftp;

/// <summary>
/// An FTP or FTPS server. What FTP cannot promise is declared, not imitated: there is no exclusive create (STOR
/// overwrites), RNTO onto an existing file is atomic on some servers and refused or emulated on others, nothing reaches
/// the server's disk on request (no fsync), and a server on Windows ignores letter case. The engine's fallbacks
/// cover each of these.
/// </summary>
public sealed class FtpTransport : IRemoteTransport
{
    /// <summary>Parallel operations: the engine's default parallelism; few servers welcome more per client.</summary>
    public const int DefaultConnections = 4;

    private static readonly TransportCapabilities Declared = new()
    {
        Rename = true, ResumableWrites = true, Folders = true,
    };

    private readonly FtpSessionPool _pool;
    private readonly int _connections;
    private readonly string _root;

    /// <param name="options">The server and its login.</param>
    /// <param name="targetPath">The absolute target path on the server ("/" for its root); it must exist.</param>
    public FtpTransport(FtpClientOptions options, string targetPath, int connections = DefaultConnections)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        _root = "/" + targetPath.Trim('/');
        _connections = connections;
        _pool = new FtpSessionPool(options, connections);
        DisplayName = options.Endpoint + _root;
    }

    /// <summary>The declared set; <see cref="ConnectAsync"/> adds whether the server ignores letter case.</summary>
    public TransportCapabilities Capabilities { get; private set; } = Declared;

    public string DisplayName { get; }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await RunAsync("", cancellationToken, async client =>
        {
            if (!await client.FolderExistsAsync(_root, cancellationToken))
            {
                throw new RemoteException(RemoteErrorKind.NotFound,
                    $"The target path '{_root}' does not exist on {_pool.Options.Endpoint}. Create it on the server, or correct the path in Server.");
            }
            // The login and the target are known to work: the other sessions log in while this one looks at letter case
            // and the engine takes its lock and reads its state.
            _pool.OpenRemaining();
            Capabilities = Declared with { CaseInsensitiveNames = await IgnoresCaseAsync(client, cancellationToken) };
            return true;
        });
    }

    /// <summary>
    /// A probe file named in lower case is looked up in upper case: that catches Windows servers that do not say so in
    /// SYST (FileZilla Server answers "UNIX emulated"). On a target this login cannot write to, SYST decides.
    /// </summary>
    private async Task<bool> IgnoresCaseAsync(FtpClient client, CancellationToken cancellationToken)
    {
        var probe = ".syncconfig-case-" + Guid.NewGuid().ToString("N");
        try
        {
            await client.UploadAsync(Absolute(probe), Stream.Null, append: false, cancellationToken);
        }
        catch (FtpException e) when (e.Failure == FtpFailure.Refused)
        {
            return client.SystemType.Contains("Windows", StringComparison.OrdinalIgnoreCase);
        }
        try
        {
            return await client.SizeAsync(Absolute(probe.ToUpperInvariant()), cancellationToken) is not null;
        }
        finally
        {
            await client.ExecuteAsync("DELE " + Absolute(probe), cancellationToken);
        }
    }

    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken cancellationToken) => RunAsync(path, cancellationToken, async client =>
    {
        if (client.Features.Has("SIZE"))
            return await client.SizeAsync(Absolute(path), cancellationToken) is { } length ? new RemoteFileInfo(path, length) : (RemoteFileInfo?)null;
        // A server without SIZE still lists the parent folder.
        var slash = path.LastIndexOf('/');
        var entries = await client.ListAsync(Absolute(slash < 0 ? "" : path[..slash]), cancellationToken);
        return entries?.FirstOrDefault(e => e.Kind == FtpEntryKind.File && e.Name == path[(slash + 1)..]) is { Name: not null } entry
            ? new RemoteFileInfo(path, entry.Length)
            : null;
    });

    public Task<bool> FolderExistsAsync(string path, CancellationToken cancellationToken) =>
        RunAsync(path, cancellationToken, client => client.FolderExistsAsync(Absolute(path), cancellationToken));

    /// <summary>
    /// Lists one level of folders at a time, the folders of a level side by side on the pool's sessions: a repository's
    /// computers and backup definitions are a few dozen folders, each a round trip and a data connection.
    /// </summary>
    public async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Read whole before the first file is handed out: the caller may use the transport while it goes through them.
        var files = new ConcurrentBag<RemoteFileInfo>();
        IReadOnlyCollection<string> level = [folder];
        while (level.Count > 0)
        {
            var next = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = _connections, CancellationToken = cancellationToken },
                async (current, ct) => await RunAsync(current, ct, async client =>
                {
                    foreach (var entry in await client.ListAsync(Absolute(current), ct) ?? [])
                    {
                        var path = current.Length == 0 ? entry.Name : current + "/" + entry.Name;
                        if (entry.Kind == FtpEntryKind.Folder)
                            next.Add(path);
                        else
                            files.Add(new RemoteFileInfo(path, entry.Length));
                    }
                    return true;
                }));
            level = next;
        }
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file;
        }
    }

    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var session = await RentAsync(path, cancellationToken);
        try
        {
            return new SessionStream(await session.Client.OpenReadAsync(Absolute(path), cancellationToken), session);
        }
        catch (FtpException e)
        {
            await session.DisposeAsync();
            throw Classify(e, path);
        }
    }

    public Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken cancellationToken)
    {
        if (mode == WriteMode.CreateNew)
            throw new NotSupportedException("FTP has no exclusive create (the transport does not declare ExclusiveCreate).");
        return RunAsync(path, cancellationToken, async client =>
        {
            var append = mode == WriteMode.Append;
            try
            {
                await client.UploadAsync(Absolute(path), content, append, cancellationToken);
            }
            catch (FtpException e) when (e is { Failure: FtpFailure.Refused, DuringTransfer: false } && path.Contains('/'))
            {
                // Most files go into a folder an earlier file made: folders are made only when the server refuses the file
                // (vsftpd says 553, others 550 or 451). A refusal for another reason is refused again, and reported then.
                await CreateFoldersAsync(client, path[..path.LastIndexOf('/')], cancellationToken);
                await client.UploadAsync(Absolute(path), content, append, cancellationToken);
            }
            return true;
        });
    }

    /// <summary>
    /// The remote partial file counts only when all of it holds the local bytes: FTP cannot cut a file shorter, so a
    /// partial file that differs anywhere is written again whole (0 is returned). The server's own checksum decides where
    /// it offers one; otherwise the partial file is read back and compared.
    /// </summary>
    public Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken cancellationToken) =>
        RunAsync(path, cancellationToken, async client =>
        {
            var remoteLength = await client.SizeAsync(Absolute(path), cancellationToken) ?? 0;
            if (remoteLength <= 0 || remoteLength > length)
                return 0L;
            if (await client.ChecksumAsync(Absolute(path), cancellationToken) is { } theirs)
            {
                await using var local = openLocalRange(0, remoteLength);
                var ours = await client.Checksum!.ComputeAsync(local, cancellationToken);
                return theirs.AsSpan().SequenceEqual(ours) ? remoteLength : 0L;
            }
            await using var remote = await client.OpenReadAsync(Absolute(path), cancellationToken);
            var verified = await ResumePrefix.MatchingLengthAsync(remote, remoteLength, length, openLocalRange, cancellationToken);
            if (verified != remoteLength)
                return 0L;
            // Reading on to the end completes the transfer, so the session stays usable.
            return await remote.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false, cancellationToken) == 0 ? remoteLength : 0L;
        });

    public Task RenameAsync(string source, string destination, bool replace, CancellationToken cancellationToken) => RunAsync(destination, cancellationToken, async client =>
    {
        var from = Absolute(source);
        var to = Absolute(destination);
        // RNTO must follow RNFR at once, so the check comes before both. A missing source shows in RNFR's refusal below.
        if (!replace && await client.SizeAsync(to, cancellationToken) is not null)
        {
            // A rename repeated after its reply was lost finds the source gone and the destination there: "not found",
            // which the engine knows to mean "already done", not "already exists".
            if (await client.SizeAsync(from, cancellationToken) is null)
                throw new RemoteException(RemoteErrorKind.NotFound, $"'{source}' does not exist in {DisplayName}.");
            throw new RemoteException(RemoteErrorKind.AlreadyExists, $"'{destination}' already exists in {DisplayName}.");
        }
        try
        {
            await client.RenameAsync(from, to, cancellationToken);
        }
        catch (FtpException e) when (e.Failure == FtpFailure.Refused)
        {
            // pure-ftpd answers a missing destination folder with 451, vsftpd with 550: the cause is looked up, not read from the code.
            if (await client.SizeAsync(from, cancellationToken) is null)
                throw new RemoteException(RemoteErrorKind.NotFound, $"'{source}' does not exist in {DisplayName}.", e);
            // Some servers refuse RNTO onto an existing file; the others need the destination's folder made first.
            if (replace && await client.SizeAsync(to, cancellationToken) is not null)
                await client.RequireAsync("DELE " + to, cancellationToken);
            else if (destination.Contains('/'))
                await CreateFoldersAsync(client, destination[..destination.LastIndexOf('/')], cancellationToken);
            await client.RenameAsync(from, to, cancellationToken);
        }
        return true;
    });

    public Task CopyAsync(string source, string destination, CancellationToken cancellationToken) =>
        throw new NotSupportedException("FTP has no server-side copy (the transport does not declare ServerSideCopy).");

    public Task DeleteFileAsync(string path, CancellationToken cancellationToken) => RunAsync(path, cancellationToken, async client =>
    {
        var reply = await client.ExecuteAsync("DELE " + Absolute(path), cancellationToken);
        if (!reply.IsSuccess && await client.SizeAsync(Absolute(path), cancellationToken) is not null)
            throw Classify(new FtpException(FtpFailure.Refused, $"{_pool.Options.Endpoint} refused DELE {Absolute(path)}: {reply.Quoted}", reply), path);
        return true;
    });

    public Task DeleteFolderAsync(string path, CancellationToken cancellationToken) => RunAsync(path, cancellationToken, async client =>
    {
        await DeleteTreeAsync(client, Absolute(path), cancellationToken);
        return true;
    });

    private static async Task DeleteTreeAsync(FtpClient client, string folder, CancellationToken cancellationToken)
    {
        if (await client.ListAsync(folder, cancellationToken) is not { } entries)
            return;
        foreach (var entry in entries)
        {
            var path = folder + "/" + entry.Name;
            if (entry.Kind == FtpEntryKind.Folder)
                await DeleteTreeAsync(client, path, cancellationToken);
            else
                await client.RequireAsync("DELE " + path, cancellationToken);
        }
        var removed = await client.ExecuteAsync("RMD " + folder, cancellationToken);
        if (!removed.IsSuccess && await client.FolderExistsAsync(folder, cancellationToken))
            throw new FtpException(FtpFailure.Refused, $"RMD {folder} was refused: {removed.Quoted}", removed);
    }

    public Task RemoveEmptyFolderAsync(string path, CancellationToken cancellationToken) => RunAsync(path, cancellationToken, async client =>
    {
        // A folder that still holds something (or is gone already) is refused with 550: both mean there is nothing to do.
        await client.ExecuteAsync("RMD " + Absolute(path), cancellationToken);
        return true;
    });

    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    /// <summary>Makes the folder and each missing parent below the target path; a folder that exists answers 550, which is fine.</summary>
    private async Task CreateFoldersAsync(FtpClient client, string folder, CancellationToken cancellationToken)
    {
        var segments = folder.Split('/');
        for (var depth = 1; depth <= segments.Length; depth++)
            await client.ExecuteAsync("MKD " + Absolute(string.Join('/', segments[..depth])), cancellationToken);
    }

    private string Absolute(string path)
    {
        if (path.Length == 0)
            return _root;
        RemotePath.Require(path);
        return _root == "/" ? "/" + path : _root + "/" + path;
    }

    private async Task<FtpSessionPool.Session> RentAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await _pool.RentAsync(cancellationToken);
        }
        catch (FtpException e)
        {
            throw Classify(e, path);
        }
    }

    private async Task<T> RunAsync<T>(string path, CancellationToken cancellationToken, Func<FtpClient, Task<T>> operation)
    {
        await using var session = await RentAsync(path, cancellationToken);
        try
        {
            return await operation(session.Client);
        }
        catch (FtpException e)
        {
            throw Classify(e, path);
        }
    }

    /// <summary>Turns the client's failure into the engine's terms; the client's message already names the server and the command.</summary>
    private RemoteException Classify(FtpException e, string path)
    {
        var kind = e.Failure switch
        {
            FtpFailure.Unreachable => RemoteErrorKind.Unreachable,
            FtpFailure.ConnectionLost => RemoteErrorKind.ConnectionDropped,
            FtpFailure.LoginFailed or FtpFailure.Certificate => RemoteErrorKind.AuthenticationFailed,
            FtpFailure.Refused => e.Reply?.Code switch
            {
                452 or 552 => RemoteErrorKind.DiskFull,
                // pure-ftpd ("Error during write to file") and vsftpd ("Failure writing to local file") answer a write
                // their disk refused with 451: a retry would only meet the same full disk for the whole retry window.
                451 when Mentions(e.Reply, "write", "writing") => RemoteErrorKind.DiskFull,
                530 => RemoteErrorKind.AuthenticationFailed,
                553 => RemoteErrorKind.PermissionDenied,
                550 when Mentions(e.Reply, "denied", "permission", "not allowed") => RemoteErrorKind.PermissionDenied,
                550 => RemoteErrorKind.NotFound,
                // 4xx: the server says "not now" (busy file, transfer aborted, no data connection): worth a retry.
                >= 400 and < 500 => RemoteErrorKind.ConnectionDropped,
                _ => RemoteErrorKind.Other,
            },
            _ => RemoteErrorKind.Other,
        };
        var where = path.Length == 0 ? "" : $" ('{path}' in {DisplayName})";
        var full = kind == RemoteErrorKind.DiskFull ? ": the server's disk, or the account's quota, is full." : "";
        return new RemoteException(kind, e.Message + where + full, e);
    }

    private static bool Mentions(FtpReply reply, params string[] words) =>
        words.Any(w => reply.Quoted.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>A download holding its session; disposing it ends the transfer and hands the session back.</summary>
    private sealed class SessionStream(Stream inner, FtpSessionPool.Session session) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Translate(() => inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (FtpException e)
            {
                throw new RemoteException(RemoteErrorKind.ConnectionDropped, e.Message, e);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private static int Translate(Func<int> read)
        {
            try
            {
                return read();
            }
            catch (FtpException e)
            {
                throw new RemoteException(RemoteErrorKind.ConnectionDropped, e.Message, e);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await session.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                session.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
