using System.Buffers;
using System.Runtime.CompilerServices;
using SyncConfig.Transports.Smb.Native;

namespace SyncConfig.Transports.Smb;

/// <summary>
/// A folder on a Windows network share, through Samba's libsmbclient (Linux). What SMB through libsmbclient cannot promise
/// is declared, not imitated: names ignore letter case, a rename onto an existing file is not one step, and nothing
/// reaches the server's disk on request (libsmbclient has no flush call), so it is not durable. A new file is created
/// with O_EXCL, which the server checks (SMB2 CREATE with FILE_CREATE): exclusive against any other client.
/// </summary>
public sealed class SmbTransport : IRemoteTransport
{
    /// <summary>What the server keeps; the conformance suite holds the transport to each flag.</summary>
    public static readonly TransportCapabilities Declared = new()
    {
        Rename = true, ExclusiveCreate = true, ResumableWrites = true, Folders = true, CaseInsensitiveNames = true,
    };

    /// <summary>One write request's size (smbd and Windows take up to 8 MiB in one SMB2 WRITE).</summary>
    private const int ChunkSize = 4 << 20;

    private readonly SmbTarget _target;
    private readonly SmbSessionPool _pool;

    public SmbTransport(SmbTarget target)
    {
        _target = target;
        _pool = new SmbSessionPool(target);
    }

    public TransportCapabilities Capabilities => Declared;

    public string DisplayName => _target.ToString();

    public Task ConnectAsync(CancellationToken cancellationToken) => RunAsync("", cancellationToken, context =>
    {
        switch (context.Stat(_target.Url("")))
        {
            case null:
                throw new RemoteException(RemoteErrorKind.NotFound,
                    $"The target path {DisplayName} does not exist. Create the folder on the share (the sync's folder is created inside it), or correct the path.");
            case { IsFolder: false }:
                throw new RemoteException(RemoteErrorKind.NotFound, $"The target path {DisplayName} is a file, not a folder.");
        }
        return true;
    });

    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken cancellationToken) => RunAsync(path, cancellationToken, context =>
        context.Stat(Url(path)) is { IsFolder: false } file ? new RemoteFileInfo(path, file.Length) : (RemoteFileInfo?)null);

    public Task<bool> FolderExistsAsync(string path, CancellationToken cancellationToken) => RunAsync(path, cancellationToken, context =>
        context.Stat(Url(path)) is { IsFolder: true });

    public async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Read whole before the first file is handed out: the caller may use the transport while it goes through them.
        var files = await RunAsync(folder, cancellationToken, context =>
        {
            var found = new List<RemoteFileInfo>();
            var pending = new Stack<string>([folder]);
            while (pending.TryPop(out var current))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var (name, isFolder, length) in context.List(Url(current)) ?? [])
                {
                    var path = current.Length == 0 ? name : current + "/" + name;
                    if (isFolder)
                        pending.Push(path);
                    else
                        found.Add(new RemoteFileInfo(path, length));
                }
            }
            return found;
        });
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
            var file = await Task.Run(() => session.Context.Open(Url(path), SmbContext.ReadOnly), cancellationToken);
            return new SmbReadStream(this, session, file, path);
        }
        catch (SmbNativeException e)
        {
            var failure = Classify(e, path, session.Context);
            session.Dispose();
            throw failure;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken cancellationToken)
    {
        using var session = await RentAsync(path, cancellationToken);
        var context = session.Context;
        var flags = mode switch
        {
            WriteMode.Replace => SmbContext.WriteOnly | SmbContext.Create | SmbContext.TruncateExisting,
            WriteMode.CreateNew => SmbContext.WriteOnly | SmbContext.Create | SmbContext.Exclusive,
            _ => SmbContext.WriteOnly,
        };
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var file = await Task.Run(() => OpenForWriting(context, path, flags, mode), cancellationToken);
            try
            {
                if (mode == WriteMode.Append)
                    await Task.Run(() => context.Seek(file, context.Stat(Url(path))?.Length ?? 0), cancellationToken);
                int read;
                while ((read = await content.ReadAtLeastAsync(buffer.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken)) > 0)
                {
                    var count = read;
                    await Task.Run(() => context.Write(file, buffer.AsSpan(0, count)), cancellationToken);
                }
            }
            catch
            {
                CloseQuietly(context, file);
                throw;
            }
            await Task.Run(() => context.Close(file), cancellationToken);
        }
        catch (SmbNativeException e)
        {
            throw Classify(e, path, context, writing: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Most files go into a folder an earlier file made: the folders are made only when the open finds none.</summary>
    private nint OpenForWriting(SmbContext context, string path, int flags, WriteMode mode)
    {
        try
        {
            return context.Open(Url(path), flags);
        }
        catch (SmbNativeException e) when (e.Errno == Errno.NoEntry && mode != WriteMode.Append && path.Contains('/'))
        {
            MakeFolders(context, path[..path.LastIndexOf('/')]);
            return context.Open(Url(path), flags);
        }
    }

    private static void CloseQuietly(SmbContext context, nint file)
    {
        try
        {
            context.Close(file);
        }
        catch (SmbNativeException)
        {
            context.IsBroken = true;
        }
    }

    public async Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken cancellationToken)
    {
        var remote = await GetFileAsync(path, cancellationToken);
        if (remote is not { Length: > 0 } partial || partial.Length > length)
            return 0;
        long verified;
        await using (var stream = await OpenReadAsync(path, cancellationToken))
            verified = await ResumePrefix.MatchingLengthAsync(stream, partial.Length, length, openLocalRange, cancellationToken);
        if (verified < partial.Length)
        {
            await RunAsync(path, cancellationToken, context =>
            {
                var file = context.Open(Url(path), SmbContext.WriteOnly);
                try
                {
                    context.Truncate(file, verified);
                }
                finally
                {
                    CloseQuietly(context, file);
                }
                return true;
            });
        }
        return verified;
    }

    public Task RenameAsync(string source, string destination, bool replace, CancellationToken cancellationToken) => RunAsync(destination, cancellationToken, context =>
    {
        var from = Url(source);
        var to = Url(destination);
        // libsmbclient's rename replaces an existing destination itself (it deletes it and renames again), so a rename
        // that must not replace looks first. That check and the rename are two requests: the engine asks for it only
        // under its lock, where no other writer races it.
        if (!replace && context.Stat(to) is not null)
        {
            // A rename repeated after its reply was lost finds the source gone and the destination there: "not found",
            // which the engine knows to mean "already done", not "already exists".
            if (context.Stat(from) is not { IsFolder: false })
                throw new RemoteException(RemoteErrorKind.NotFound, $"'{source}' does not exist in {DisplayName}.");
            throw new RemoteException(RemoteErrorKind.AlreadyExists, $"'{destination}' already exists in {DisplayName}.");
        }
        try
        {
            context.Rename(from, to);
        }
        catch (SmbNativeException e) when (e.Errno == Errno.NoEntry && destination.Contains('/'))
        {
            MakeFolders(context, destination[..destination.LastIndexOf('/')]);
            context.Rename(from, to);
        }
        catch (SmbNativeException e) when (e.Errno == Errno.Exists && replace)
        {
            context.Unlink(to);
            context.Rename(from, to);
        }
        return true;
    });

    public Task CopyAsync(string source, string destination, CancellationToken cancellationToken) =>
        throw new NotSupportedException("libsmbclient has no server-side copy (the transport does not declare ServerSideCopy).");

    public Task DeleteFileAsync(string path, CancellationToken cancellationToken) =>
        RunAsync(path, cancellationToken, context => context.Unlink(Url(path)));

    public Task DeleteFolderAsync(string path, CancellationToken cancellationToken) => RunAsync(path, cancellationToken, context =>
    {
        DeleteTree(context, path);
        return true;
    });

    private void DeleteTree(SmbContext context, string folder)
    {
        if (context.List(Url(folder)) is not { } entries)
            return;
        foreach (var (name, isFolder, _) in entries)
        {
            var path = folder.Length == 0 ? name : folder + "/" + name;
            if (isFolder)
                DeleteTree(context, path);
            else
                context.Unlink(Url(path));
        }
        context.Rmdir(Url(folder));
    }

    public Task RemoveEmptyFolderAsync(string path, CancellationToken cancellationToken) => RunAsync(path, cancellationToken, context =>
    {
        try
        {
            context.Rmdir(Url(path));
        }
        catch (SmbNativeException e) when (e.Errno is Errno.NotEmpty or Errno.Exists)
        {
            // Something is still in it: nothing to do.
        }
        return true;
    });

    public ValueTask DisposeAsync()
    {
        _pool.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Makes the folder and each missing parent below the target path.</summary>
    private void MakeFolders(SmbContext context, string folder)
    {
        var segments = folder.Split('/');
        for (var depth = 1; depth <= segments.Length; depth++)
            context.Mkdir(Url(string.Join('/', segments[..depth])));
    }

    private string Url(string path)
    {
        RemotePath.Require(path);
        return _target.Url(path);
    }

    private async Task<SmbSessionPool.Session> RentAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await _pool.RentAsync(cancellationToken);
        }
        catch (SmbLibraryMissingException e)
        {
            throw new RemoteException(RemoteErrorKind.Other, e.Message, e);
        }
        catch (SmbNativeException e)
        {
            throw Classify(e, path, null);
        }
    }

    private async Task<T> RunAsync<T>(string path, CancellationToken cancellationToken, Func<SmbContext, T> operation)
    {
        using var session = await RentAsync(path, cancellationToken);
        try
        {
            return await Task.Run(() => operation(session.Context), cancellationToken);
        }
        catch (SmbNativeException e)
        {
            throw Classify(e, path, session.Context);
        }
    }

    /// <summary>
    /// Turns libsmbclient's errno into the engine's terms, with a message a person can act on. A failure that leaves the
    /// connection in doubt retires the context.
    /// </summary>
    internal RemoteException Classify(SmbNativeException e, string path, SmbContext? context, bool writing = false)
    {
        var where = path.Length == 0 ? DisplayName : $"'{path}' in {DisplayName}";
        var (kind, message) = e.Errno switch
        {
            Errno.ConnectionRefused or Errno.HostUnreachable or Errno.NetworkUnreachable or Errno.HostDown or Errno.NetworkDown =>
                (RemoteErrorKind.Unreachable, $"The server {_target.Server} does not answer on port {Port} ({e.Message}). Check that it is on and reachable."),
            // libsmbclient also answers ENOMEM when its connection to the server has just been reset (seen on a stat after a cut).
            Errno.TimedOut or Errno.ConnectionReset or Errno.NetworkReset or Errno.BrokenPipe or Errno.NotConnected or Errno.ConnectionAborted or Errno.InputOutput or Errno.Again
                or Errno.BadFile or Errno.NoMemory =>
                (RemoteErrorKind.ConnectionDropped, $"The connection to {_target.Server} failed during {e.Operation} of {where} ({e.Message})."),
            Errno.AccessDenied or Errno.NotPermitted when LoginRefused(context) =>
                (RemoteErrorKind.AuthenticationFailed,
                    $"{_target.Server} refused the login of '{_target.UserName}' to the share '{_target.Share}': check the user name, the password and the domain, and that the user may use the share."),
            Errno.AccessDenied or Errno.NotPermitted or Errno.ReadOnlyFileSystem when writing || e.Operation is not ("stat" or "opendir") =>
                (RemoteErrorKind.PermissionDenied, $"{_target.Server} refused {e.Operation} of {where}: the share or folder is read-only for '{_target.UserName}', or the user may not write there."),
            Errno.AccessDenied or Errno.NotPermitted =>
                (RemoteErrorKind.PermissionDenied, $"'{_target.UserName}' may not read {where}: give the user access to the share '{_target.Share}'."),
            Errno.NoDevice or Errno.NoEntry when path.Length == 0 =>
                (RemoteErrorKind.NotFound, $"{_target.Server} has no share '{_target.Share}', or not the folder of {DisplayName} ({e.Message}). Check the path's share and folder names."),
            Errno.NoDevice =>
                (RemoteErrorKind.NotFound, $"{_target.Server} has no share '{_target.Share}' ({e.Message}). Check the share name in the path."),
            Errno.NoEntry or Errno.NotFolder => (RemoteErrorKind.NotFound, $"{where} does not exist ({e.Operation})."),
            Errno.Exists => (RemoteErrorKind.AlreadyExists, $"{where} already exists."),
            Errno.NoSpace or Errno.Quota => (RemoteErrorKind.DiskFull, $"The share {DisplayName} is full (or the user's quota is used up) writing {where}."),
            _ => (RemoteErrorKind.Other, $"{e.Operation} of {where} failed: {e.Message}."),
        };
        if (kind is RemoteErrorKind.ConnectionDropped or RemoteErrorKind.Unreachable && context is not null)
            context.IsBroken = true;
        return new RemoteException(kind, message, e);
    }

    /// <summary>
    /// libsmbclient reports a refused login and a refused file alike (EACCES). On a context that has not been answered
    /// yet, the share's root is asked: refused there too, it is the login.
    /// </summary>
    private bool LoginRefused(SmbContext? context)
    {
        if (context is null)
            return true;
        if (context.HasAnswered)
            return false;
        try
        {
            context.Stat(_target.ShareUrl());
            return false;
        }
        catch (SmbNativeException e)
        {
            return e.Errno is Errno.AccessDenied or Errno.NotPermitted;
        }
    }

    private int Port => _target.Port is 0 ? SmbTarget.DefaultPort : _target.Port;

    /// <summary>
    /// A download holding its session; disposing it closes the file and hands the session back. Reads go to the server in
    /// blocks of <see cref="ReadBlock"/> whatever the caller asks for (Stream.CopyTo asks for 80 KB), so a large file
    /// is read in few requests, which libsmbclient pipelines.
    /// </summary>
    private sealed class SmbReadStream(SmbTransport transport, SmbSessionPool.Session session, nint file, string path) : Stream
    {
        private const int ReadBlock = 4 << 20;

        private byte[]? _block;
        private int _start;
        private int _end;
        private bool _closed;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (buffer.Length == 0)
                return 0;
            if (_start == _end)
            {
                // A caller asking for a whole block or more is served directly.
                if (buffer.Length >= ReadBlock)
                    return Fill(buffer);
                _block ??= ArrayPool<byte>.Shared.Rent(ReadBlock);
                _start = 0;
                _end = Fill(_block.AsSpan(0, ReadBlock));
                if (_end == 0)
                    return 0;
            }
            var count = Math.Min(buffer.Length, _end - _start);
            _block.AsSpan(_start, count).CopyTo(buffer);
            _start += count;
            return count;
        }

        private int Fill(Span<byte> buffer)
        {
            try
            {
                return session.Context.Read(file, buffer);
            }
            catch (SmbNativeException e)
            {
                throw transport.Classify(e, path, session.Context);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _start < _end ? Read(buffer.Span) : await Task.Run(() => Read(buffer.Span), cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_closed)
            {
                _closed = true;
                CloseQuietly(session.Context, file);
                session.Dispose();
                if (_block is not null)
                    ArrayPool<byte>.Shared.Return(_block);
                _block = null;
            }
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
