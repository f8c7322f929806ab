using System.Runtime.CompilerServices;
using Renci.SshNet;
using Renci.SshNet.Common;
using SyncConfig.Transports.Sftp.Connections;
using SyncConfig.Transports.Sftp.Reading;
using SyncConfig.Transports.Sftp.Writing;

namespace SyncConfig.Transports.Sftp;

/// <summary>
/// A folder on an SSH server, through its SFTP subsystem (SSH.NET). Uploads are pipelined; a new file is created
/// exclusively with SSH_FXF_EXCL; a replacing rename is atomic where the server offers <c>posix-rename@openssh.com</c>.
/// Not durable: SSH.NET cannot send <c>fsync@openssh.com</c>, so a written file reaches the server's disk when its
/// operating system flushes it (docs/transports/sftp.md).
/// </summary>
public sealed class SftpTransport : IRemoteTransport, IServerIdentity
{
    /// <summary>What OpenSSH offers; <see cref="ConnectAsync"/> learns whether this server renames atomically.</summary>
    private static readonly TransportCapabilities WithPosixRename = new()
    {
        Rename = true, AtomicRenameReplace = true, ExclusiveCreate = true, ResumableWrites = true, Folders = true,
    };

    private readonly SftpTarget _target;
    private readonly ConnectionPool _pool;
    private bool _posixRename = true;

    public SftpTransport(SftpTarget target)
    {
        _target = target;
        _pool = new ConnectionPool(target);
    }

    public TransportCapabilities Capabilities { get; private set; } = WithPosixRename;

    public string DisplayName => _target.ToString();

    public string? ServerIdentity => _pool.HostKey.Describe();

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        using var lease = await _pool.AcquireAsync(cancellationToken);
        var client = lease.Client;
        try
        {
            var root = await client.GetAttributesAsync(_target.Path, cancellationToken);
            if (!root.IsDirectory)
                throw new RemoteException(RemoteErrorKind.NotFound, $"The target path '{_target.Path}' on {Server} is a file, not a folder.");
        }
        catch (SftpPathNotFoundException e)
        {
            throw new RemoteException(RemoteErrorKind.NotFound,
                $"The target path '{_target.Path}' does not exist on {Server}. Create it (the sync's folder is created inside it), or correct the path in the server string.", e);
        }
        catch (Exception e) when (e is not (RemoteException or OperationCanceledException))
        {
            throw Classify(lease, e, _target.Path);
        }
        _posixRename = await OffersPosixRenameAsync(lease, cancellationToken);
        Capabilities = WithPosixRename with { AtomicRenameReplace = _posixRename };
    }

    /// <summary>
    /// SSH.NET does not show the server's extension list, but refuses a posix-rename the server did not offer before
    /// sending it; renaming a name that does not exist tells the two apart without touching anything.
    /// </summary>
    private async Task<bool> OffersPosixRenameAsync(ConnectionPool.Lease lease, CancellationToken cancellationToken)
    {
        var absent = Full(".syncconfig-rename-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Task.Run(() => lease.Client.RenameFile(absent, absent + "-to", isPosix: true), cancellationToken);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
        catch (SftpPathNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Classify(lease, e, _target.Path);
        }
    }

    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken cancellationToken) =>
        RunAsync(path, async (client, full, c) =>
        {
            try
            {
                var attributes = await client.GetAttributesAsync(full, c);
                return attributes.IsRegularFile ? new RemoteFileInfo(path, attributes.Size) : (RemoteFileInfo?)null;
            }
            catch (SftpPathNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public Task<bool> FolderExistsAsync(string path, CancellationToken cancellationToken) =>
        RunAsync(path, async (client, full, c) =>
        {
            try
            {
                return (await client.GetAttributesAsync(full, c)).IsDirectory;
            }
            catch (SftpPathNotFoundException)
            {
                return false;
            }
        }, cancellationToken);

    public async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            var entries = await ListFolderAsync(current, cancellationToken);
            foreach (var (name, isFolder, length) in entries)
            {
                var path = current.Length == 0 ? name : current + "/" + name;
                if (isFolder)
                    pending.Push(path);
                else
                    yield return new RemoteFileInfo(path, length);
            }
        }
    }

    /// <summary>The folder's files and subfolders (links and other kinds are not part of a mirror); empty when it does not exist.</summary>
    private Task<List<(string Name, bool IsFolder, long Length)>> ListFolderAsync(string folder, CancellationToken cancellationToken) =>
        RunAsync(folder, async (client, full, c) =>
        {
            var entries = new List<(string, bool, long)>();
            try
            {
                await foreach (var entry in client.ListDirectoryAsync(full, c))
                {
                    if (entry.Name is "." or "..")
                        continue;
                    if (entry.IsDirectory)
                        entries.Add((entry.Name, true, 0));
                    else if (entry.IsRegularFile)
                        entries.Add((entry.Name, false, entry.Length));
                }
            }
            catch (SftpPathNotFoundException)
            {
                entries.Clear();
            }
            return entries;
        }, cancellationToken);

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) =>
        RunAsync(path, async (client, full, c) =>
        {
            var file = await client.OpenAsync(full, FileMode.Open, FileAccess.Read, c);
            // The stream outlives the lease: a later failure is classified the same way, and the dead connection is
            // found and replaced by whichever operation uses it next.
            return (Stream)new RemoteReadStream(file, e => SftpErrors.Operation(e, _target, full));
        }, cancellationToken);

    public Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken cancellationToken) =>
        RunAsync(path, async (client, full, c) =>
        {
            try
            {
                await WriteFileAsync(client, full, content, mode, c);
            }
            // The open fails before any byte is read, so the content can still be sent once the folder exists.
            catch (SftpPathNotFoundException) when (mode != WriteMode.Append)
            {
                await CreateFoldersAsync(client, Parent(path), c);
                await WriteFileAsync(client, full, content, mode, c);
            }
            return true;
        }, cancellationToken);

    private static async Task WriteFileAsync(SftpClient client, string full, Stream content, WriteMode mode, CancellationToken cancellationToken)
    {
        switch (mode)
        {
            case WriteMode.Append:
                var length = (await client.GetAttributesAsync(full, cancellationToken)).Size;
                await ContinuedWrite.WriteAsync(client, full, length, content, cancellationToken);
                break;
            case WriteMode.CreateNew:
                try
                {
                    // canOverride: false opens with SSH_FXF_CREAT | SSH_FXF_EXCL: the server decides the race.
                    await client.UploadFileAsync(content, full, canOverride: false, uploadProgress: null, cancellationToken);
                }
                catch (SftpException e) when (e.StatusCode == Renci.SshNet.Sftp.StatusCode.Failure)
                {
                    await ThrowIfExistsAsync(client, full, e, cancellationToken);
                    throw;
                }
                break;
            default:
                await client.UploadFileAsync(content, full, canOverride: true, uploadProgress: null, cancellationToken);
                break;
        }
    }

    public Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken cancellationToken) =>
        RunAsync(path, async (client, full, c) =>
        {
            long remoteLength;
            try
            {
                var attributes = await client.GetAttributesAsync(full, c);
                if (!attributes.IsRegularFile)
                    return 0L;
                remoteLength = attributes.Size;
            }
            catch (SftpPathNotFoundException)
            {
                return 0L;
            }
            long verified;
            await using (var remote = await client.OpenAsync(full, FileMode.Open, FileAccess.Read, c))
                verified = await ResumePrefix.MatchingLengthAsync(remote, remoteLength, length, openLocalRange, c);
            if (verified != remoteLength)
            {
                await using var cut = await client.OpenAsync(full, FileMode.Open, FileAccess.Write, c);
                cut.SetLength(verified);
            }
            return verified;
        }, cancellationToken);

    public Task RenameAsync(string source, string destination, bool replace, CancellationToken cancellationToken) =>
        RunAsync(destination, async (client, full, c) =>
        {
            var from = Full(source);
            try
            {
                await RenameFileAsync(client, from, full, replace, c);
            }
            catch (SftpPathNotFoundException e)
            {
                // Either the source is gone (a repeated rename that already happened) or the destination's folder is new.
                if (!await client.ExistsAsync(from, c))
                    throw new RemoteException(RemoteErrorKind.NotFound, $"'{from}' does not exist on {Server}; it cannot be moved to '{full}'.", e);
                await CreateFoldersAsync(client, Parent(destination), c);
                await RenameFileAsync(client, from, full, replace, c);
            }
            return true;
        }, cancellationToken);

    private async Task RenameFileAsync(SftpClient client, string from, string to, bool replace, CancellationToken cancellationToken)
    {
        if (replace && _posixRename)
        {
            await Task.Run(() => client.RenameFile(from, to, isPosix: true), cancellationToken);
            return;
        }
        if (replace)
        {
            // No atomic replace on this server (Capabilities says so): the destination goes first.
            await DeleteIfPresentAsync(client, to, cancellationToken);
        }
        try
        {
            // The plain SFTP rename refuses an existing destination, and says only "Failure".
            await client.RenameFileAsync(from, to, cancellationToken);
        }
        catch (SftpException e) when (e.StatusCode == Renci.SshNet.Sftp.StatusCode.Failure)
        {
            await ThrowIfExistsAsync(client, to, e, cancellationToken);
            throw;
        }
    }

    /// <summary>SFTP answers an exclusive create or a plain rename onto an existing name with the generic "Failure".</summary>
    private static async Task ThrowIfExistsAsync(SftpClient client, string full, SftpException failure, CancellationToken cancellationToken)
    {
        if (await client.ExistsAsync(full, cancellationToken))
            throw new RemoteException(RemoteErrorKind.AlreadyExists, $"'{full}' already exists.", failure);
    }

    public Task CopyAsync(string source, string destination, CancellationToken cancellationToken) =>
        throw new NotSupportedException("SFTP has no server-side copy (Capabilities.ServerSideCopy is false).");

    public Task DeleteFileAsync(string path, CancellationToken cancellationToken) =>
        RunAsync(path, async (client, full, c) =>
        {
            await DeleteIfPresentAsync(client, full, c);
            return true;
        }, cancellationToken);

    private static async Task DeleteIfPresentAsync(SftpClient client, string full, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteFileAsync(full, cancellationToken);
        }
        catch (SftpPathNotFoundException)
        {
        }
    }

    public Task DeleteFolderAsync(string path, CancellationToken cancellationToken) =>
        RunAsync(path, async (client, full, c) =>
        {
            await DeleteTreeAsync(client, full, c);
            return true;
        }, cancellationToken);

    private static async Task DeleteTreeAsync(SftpClient client, string full, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var folders = new List<string>();
        try
        {
            await foreach (var entry in client.ListDirectoryAsync(full, cancellationToken))
            {
                if (entry.Name is not ("." or ".."))
                    (entry.IsDirectory ? folders : files).Add(entry.FullName);
            }
        }
        catch (SftpPathNotFoundException)
        {
            return;
        }
        foreach (var folder in folders)
            await DeleteTreeAsync(client, folder, cancellationToken);
        // Requests on one connection are pipelined: deleting side by side costs one round trip, not one per file.
        await Task.WhenAll(files.Select(f => DeleteIfPresentAsync(client, f, cancellationToken)));
        try
        {
            await client.DeleteDirectoryAsync(full, cancellationToken);
        }
        catch (SftpPathNotFoundException)
        {
        }
    }

    public Task RemoveEmptyFolderAsync(string path, CancellationToken cancellationToken) =>
        RunAsync(path, async (client, full, c) =>
        {
            try
            {
                await foreach (var entry in client.ListDirectoryAsync(full, c))
                {
                    if (entry.Name is not ("." or ".."))
                        return true;
                }
                await client.DeleteDirectoryAsync(full, c);
            }
            catch (SftpPathNotFoundException)
            {
            }
            return true;
        }, cancellationToken);

    /// <summary>
    /// Creates the folder and any missing parents below the target path. An existing folder answers only "Failure"
    /// (as does a race with another upload creating it), so that answer is taken as "already there"; if it meant
    /// something else, the write that follows says what.
    /// </summary>
    private async Task CreateFoldersAsync(SftpClient client, string folder, CancellationToken cancellationToken)
    {
        var path = "";
        foreach (var segment in folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = path.Length == 0 ? segment : path + "/" + segment;
            try
            {
                await client.CreateDirectoryAsync(Full(path), cancellationToken);
            }
            catch (SftpException e) when (e.StatusCode == Renci.SshNet.Sftp.StatusCode.Failure)
            {
            }
            catch (SftpPathNotFoundException e)
            {
                throw new RemoteException(RemoteErrorKind.NotFound,
                    $"The target path '{_target.Path}' no longer exists on {Server}; it must exist for the sync's folder to be created in it.", e);
            }
        }
    }

    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    private string Server => SftpErrors.Server(_target);

    private string Full(string path)
    {
        if (path.Length == 0)
            return _target.Path;
        RemotePath.Require(path);
        return _target.Path == "/" ? "/" + path : _target.Path + "/" + path;
    }

    private static string Parent(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "";

    /// <summary>One operation on a leased connection, its failures classified; a dropped connection is replaced.</summary>
    private async Task<T> RunAsync<T>(string path, Func<SftpClient, string, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var full = Full(path);
        using var lease = await _pool.AcquireAsync(cancellationToken);
        try
        {
            return await operation(lease.Client, full, cancellationToken);
        }
        catch (Exception e) when (e is not (RemoteException or OperationCanceledException))
        {
            throw await ClassifyAsync(lease, e, full);
        }
    }

    private RemoteException Classify(ConnectionPool.Lease lease, Exception e, string full)
    {
        if (SftpErrors.IsDrop(e))
            lease.Break();
        return SftpErrors.Operation(e, _target, full);
    }

    /// <summary>A full disk is only "Failure" in SFTP; statvfs@openssh.com tells whether the disk has room left.</summary>
    private async Task<RemoteException> ClassifyAsync(ConnectionPool.Lease lease, Exception e, string full)
    {
        if (!SftpErrors.MayBeDiskFull(e))
            return Classify(lease, e, full);
        try
        {
            // The file's own folder: another disk may be mounted anywhere below the target path.
            var folder = full.LastIndexOf('/') is var slash and > 0 ? full[..slash] : _target.Path;
            var disk = await lease.Client.GetStatusAsync(folder, CancellationToken.None);
            const ulong Room = 1 << 20;
            return SftpErrors.Operation(e, _target, full, diskFull: disk.AvailableBlocks * disk.BlockSize < Room);
        }
        catch (Exception statusFailure) when (statusFailure is SshException or NotSupportedException)
        {
            return Classify(lease, e, full);
        }
    }
}
