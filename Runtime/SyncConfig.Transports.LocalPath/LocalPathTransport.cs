using System.Buffers;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SyncConfig.Transports.LocalPath;

/// <summary>
/// A folder on this machine: a local disk, a USB disk or a mounted share. Durable: every written file is flushed to
/// the disk before the write returns, and every folder whose entries changed (create, rename, delete) is flushed too,
/// so a power cut after a call returns loses neither data nor names.
/// </summary>
public sealed partial class LocalPathTransport : IRemoteTransport
{
    // ENOSPC on Linux/macOS; ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.
    private static readonly int[] DiskFullCodes = [28, unchecked((int)0x80070027), unchecked((int)0x80070070)];
    private const int CopyBufferSize = 1 << 20;

    /// <summary>
    /// A local or mounted file system: rename replaces atomically, O_EXCL creates exclusively, every write is flushed.
    /// Names are taken as case-sensitive where the OS usually is, until the probe at connect says otherwise.
    /// </summary>
    private static readonly TransportCapabilities FileSystem = new()
    {
        Rename = true, AtomicRenameReplace = true, ExclusiveCreate = true, ResumableWrites = true, Folders = true, Durable = true, SignsIn = false,
        CaseInsensitiveNames = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS(),
    };

    private readonly string _root;

    /// <param name="targetPath">The parent path; it must exist (the engine creates the sync's folder in it).</param>
    public LocalPathTransport(string targetPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        _root = Path.GetFullPath(targetPath);
    }

    /// <summary>The file system's set until <see cref="ConnectAsync"/> has asked the disk whether it tells names apart by case.</summary>
    public TransportCapabilities Capabilities { get; private set; } = FileSystem;

    public string DisplayName => _root;

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
            throw new RemoteException(RemoteErrorKind.NotFound, $"The target path '{_root}' does not exist. Create it, or plug in its disk.");
        if (IgnoresCase() is { } ignoresCase)
            Capabilities = Capabilities with { CaseInsensitiveNames = ignoresCase };
        return Task.CompletedTask;
    }

    /// <summary>
    /// The disk decides, not the OS: a FAT or exFAT USB disk on Linux ignores case, a case-sensitive folder on Windows
    /// does not. A probe file named in lower case is looked up in upper case; null when the target is read-only.
    /// </summary>
    private bool? IgnoresCase()
    {
        var probe = Path.Combine(_root, ".syncconfig-case-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
                return File.Exists(Path.Combine(_root, Path.GetFileName(probe).ToUpperInvariant()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public Task<RemoteFileInfo?> GetFileAsync(string path, CancellationToken cancellationToken) => Run(path, () =>
    {
        var info = new FileInfo(Full(path));
        return info.Exists ? new RemoteFileInfo(path, info.Length) : Absent<RemoteFileInfo?>(null);
    });

    public Task<bool> FolderExistsAsync(string path, CancellationToken cancellationToken) =>
        Run(path, () => Directory.Exists(Full(path)) || Absent(false));

    public async IAsyncEnumerable<RemoteFileInfo> ListFilesAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var full = Full(folder);
        var files = await Run(folder, () =>
        {
            if (!Directory.Exists(full))
                return Absent(new List<RemoteFileInfo>());
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            // .NET recurses into linked folders; a link is refused here instead, like every other path through one.
            var entries = new FileSystemEnumerable<(string Path, long Length, bool IsFile, bool IsLink)>(full,
                (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory ? 0 : e.Length, !e.IsDirectory, IsLink(e.Attributes)), options)
            {
                ShouldRecursePredicate = (ref FileSystemEntry e) => !IsLink(e.Attributes),
            };
            var files = new List<RemoteFileInfo>();
            foreach (var entry in entries)
            {
                if (entry.IsLink)
                    throw LinkRefused(entry.Path);
                if (entry.IsFile)
                    files.Add(new RemoteFileInfo(Relative(entry.Path), entry.Length));
            }
            return files;
        });
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file;
        }
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) => Run(path, () =>
        (Stream)new FileStream(Full(path), FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan));

    public async Task WriteAsync(string path, Stream content, WriteMode mode, CancellationToken cancellationToken)
    {
        var full = Full(path);
        if (mode == WriteMode.CreateNew)
        {
            await CreateWholeAsync(path, full, content, cancellationToken);
            return;
        }
        try
        {
            using (var target = OpenForWrite(full, mode))
            {
                await CopyAsync(content, target, mode == WriteMode.Append ? RandomAccess.GetLength(target) : 0, cancellationToken);
                RandomAccess.FlushToDisk(target);
            }
            if (mode != WriteMode.Append)
                Durability.FlushFolder(Path.GetDirectoryName(full)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Classify(e, path);
        }
    }

    public async Task<long> VerifiedResumeOffsetAsync(string path, long length, Func<long, long, Stream> openLocalRange, CancellationToken cancellationToken)
    {
        var full = Full(path);
        try
        {
            await using var remote = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 0, FileOptions.SequentialScan);
            var verified = await ResumePrefix.MatchingLengthAsync(remote, remote.Length, length, openLocalRange, cancellationToken);
            if (verified != remote.Length)
            {
                remote.SetLength(verified);
                remote.Flush(flushToDisk: true);
            }
            return verified;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Classify(e, path);
        }
    }

    /// <summary>
    /// An exclusive create that a reader never sees half written (the engine's lock and ID): the content goes to a
    /// temporary name beside it, which is then linked to the final name (link(2) fails when the name exists; on
    /// Windows a move without replace does the same), so the file appears exclusively and whole at once.
    /// </summary>
    private async Task CreateWholeAsync(string path, string full, Stream content, CancellationToken cancellationToken)
    {
        var temporary = full + "." + Guid.NewGuid().ToString("N") + ".creating";
        try
        {
            using (var target = Open(temporary, FileMode.CreateNew))
            {
                await CopyAsync(content, target, 0, cancellationToken);
                RandomAccess.FlushToDisk(target);
            }
            if (OperatingSystem.IsWindows())
            {
                try
                {
                    File.Move(temporary, full, overwrite: false);
                }
                catch (IOException) when (File.Exists(full))
                {
                    throw AlreadyExists(path);
                }
            }
            else if (Durability.Link(temporary, full) is var errno and not 0)
            {
                // Said here, not judged later by looking: the holder may release the file before anyone looks again.
                if (errno == 17 /* EEXIST */)
                    throw AlreadyExists(path);
                if (errno is not (1 or 95) /* EPERM, EOPNOTSUPP: a disk without hard links (FAT, exFAT) */)
                    throw new IOException($"'{full}' could not be created (errno {errno}).");
                // O_EXCL is still exclusive there; a reader may only catch the file before its content is in.
                using (var target = Open(full, FileMode.CreateNew))
                {
                    using var copy = File.OpenRead(temporary);
                    await CopyAsync(copy, target, 0, cancellationToken);
                    RandomAccess.FlushToDisk(target);
                }
            }
            Durability.FlushFolder(Path.GetDirectoryName(full)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Classify(e, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private SafeFileHandle OpenForWrite(string full, WriteMode mode)
    {
        if (mode == WriteMode.Append)
            return Open(full, FileMode.Append);
        // A replaced file is nearly always a new one: creating it exclusively spares the truncate that .NET does
        // after locking an existing file.
        try
        {
            return Open(full, FileMode.CreateNew);
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or FileNotFoundException))
        {
            return Open(full, FileMode.Create);
        }
    }

    /// <summary>Most files go into a folder that an earlier file created, so the folder is only made when the open finds it missing.</summary>
    private SafeFileHandle Open(string full, FileMode mode)
    {
        try
        {
            return File.OpenHandle(full, mode, FileAccess.Write, FileShare.None);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            CreateParent(full);
            return File.OpenHandle(full, mode, FileAccess.Write, FileShare.None);
        }
    }

    /// <summary>
    /// Reads (and so, through an upload's hashing stream, hashes) the next block while the previous one is being
    /// written: on a large file the hash and the disk work side by side instead of taking turns. The reads and
    /// writes are synchronous because a local file has no real asynchronous I/O; each would only hop threads.
    /// </summary>
    private static async Task CopyAsync(Stream content, SafeFileHandle target, long offset, CancellationToken cancellationToken)
    {
        var reading = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        var writing = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        var write = Task.CompletedTask;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = content.ReadAtLeast(reading.AsSpan(0, CopyBufferSize), CopyBufferSize, throwOnEndOfStream: false);
                await write;
                if (read == 0)
                    break;
                (reading, writing) = (writing, reading);
                var block = new ReadOnlyMemory<byte>(writing, 0, read);
                var at = offset;
                offset += read;
                // A short block is the file's last: written in line, a small file costs no thread hop at all.
                write = read < CopyBufferSize
                    ? WriteInLine(target, block, at)
                    : Task.Run(() => RandomAccess.Write(target, block.Span, at), cancellationToken);
            }
        }
        finally
        {
            await write.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ArrayPool<byte>.Shared.Return(reading);
            ArrayPool<byte>.Shared.Return(writing);
        }
    }

    private static Task WriteInLine(SafeFileHandle target, ReadOnlyMemory<byte> block, long offset)
    {
        RandomAccess.Write(target, block.Span, offset);
        return Task.CompletedTask;
    }

    public Task RenameAsync(string source, string destination, bool replace, CancellationToken cancellationToken) => Run(source, () =>
    {
        var from = Full(source);
        var to = Full(destination);
        CreateParent(to);
        File.Move(from, to, replace);
        Durability.FlushFolder(Path.GetDirectoryName(to)!);
        if (Path.GetDirectoryName(from) != Path.GetDirectoryName(to))
            Durability.FlushFolder(Path.GetDirectoryName(from)!);
        return true;
    }, destination);

    public Task CopyAsync(string source, string destination, CancellationToken cancellationToken) => Run(source, () =>
    {
        var to = Full(destination);
        CreateParent(to);
        File.Copy(Full(source), to, overwrite: true);
        using (var copy = File.OpenHandle(to, FileMode.Open, FileAccess.Write))
            RandomAccess.FlushToDisk(copy);
        Durability.FlushFolder(Path.GetDirectoryName(to)!);
        return true;
    });

    public Task DeleteFileAsync(string path, CancellationToken cancellationToken) => Run(path, () =>
    {
        var full = Full(path);
        if (!File.Exists(full))
            return Absent(true);
        File.Delete(full);
        Durability.FlushFolder(Path.GetDirectoryName(full)!);
        return true;
    }, missingIsFine: true);

    public Task DeleteFolderAsync(string path, CancellationToken cancellationToken) => Run(path, () =>
    {
        var full = Full(path);
        if (!Directory.Exists(full))
            return Absent(true);
        Directory.Delete(full, recursive: true);
        Durability.FlushFolder(Path.GetDirectoryName(full)!);
        return true;
    }, missingIsFine: true);

    public Task RemoveEmptyFolderAsync(string path, CancellationToken cancellationToken) => Run(path, () =>
    {
        var full = Full(path);
        if (Directory.Exists(full) && !Directory.EnumerateFileSystemEntries(full).Any())
        {
            Directory.Delete(full);
            Durability.FlushFolder(Path.GetDirectoryName(full)!);
        }
        return true;
    }, missingIsFine: true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Full(string path)
    {
        if (path.Length == 0)
            return _root;
        RemotePath.Require(path);
        var full = Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));
        RefuseLinks(path);
        return full;
    }

    /// <summary>
    /// Nothing below the target path is followed when it is a link: a link planted in the mirror or in the metadata
    /// folder would otherwise steer writes and recursive deletes into the repository or anywhere else.
    /// </summary>
    private void RefuseLinks(string path)
    {
        var current = _root;
        foreach (var segment in path.Split('/'))
        {
            current = Path.Combine(current, segment);
            if (new FileInfo(current).LinkTarget is not null)
                throw LinkRefused(current);
        }
    }

    private static bool IsLink(FileAttributes attributes) => (attributes & FileAttributes.ReparsePoint) != 0;

    private RemoteException LinkRefused(string full) => new(RemoteErrorKind.Other,
        $"'{Relative(full)}' in '{_root}' is a symbolic link; links inside the target are never followed. Replace it with a real folder or file (or delete it).");

    private string Relative(string full) => Path.GetRelativePath(_root, full).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Folders are made inside the target path only: a vanished one (an unplugged disk) is not re-created on the disk beneath.</summary>
    private void CreateParent(string full)
    {
        if (!Directory.Exists(_root))
            throw new DirectoryNotFoundException($"The target path '{_root}' is gone.");
        Durability.CreateFolder(Path.GetDirectoryName(full)!);
    }

    /// <summary>"Not there" is only an answer while the target path is: an unplugged disk is unreachable, not empty.</summary>
    private T Absent<T>(T answer) => Directory.Exists(_root) ? answer : throw Unreachable(null);

    private RemoteException Unreachable(Exception? inner) =>
        new(RemoteErrorKind.Unreachable, $"The target path '{_root}' is not reachable (disk unplugged or share gone).", inner);

    private Task<T> Run<T>(string path, Func<T> operation, string? destination = null, bool missingIsFine = false)
    {
        try
        {
            return Task.FromResult(operation());
        }
        catch (RemoteException e)
        {
            return Task.FromException<T>(e);
        }
        catch (Exception e) when (missingIsFine && e is DirectoryNotFoundException && Directory.Exists(_root))
        {
            return Task.FromResult(default(T)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromException<T>(Classify(e, destination ?? path));
        }
    }

    private RemoteException AlreadyExists(string path, Exception? inner = null) =>
        new(RemoteErrorKind.AlreadyExists, $"'{path}' in '{_root}' already exists.", inner);

    private RemoteException Classify(Exception e, string path)
    {
        var where = $"'{path}' in '{_root}'";
        if (!Directory.Exists(_root))
            return Unreachable(e);
        return e switch
        {
            UnauthorizedAccessException => new RemoteException(RemoteErrorKind.PermissionDenied, $"Permission denied writing {where}.", e),
            FileNotFoundException or DirectoryNotFoundException => new RemoteException(RemoteErrorKind.NotFound, $"{where} does not exist.", e),
            IOException io when DiskFullCodes.Contains(io.HResult) => new RemoteException(RemoteErrorKind.DiskFull, $"The target disk is full (writing {where}).", e),
            IOException when File.Exists(Full(path)) => AlreadyExists(path, e),
            _ => new RemoteException(RemoteErrorKind.Other, $"Writing {where} failed: {e.Message}", e),
        };
    }

    /// <summary>
    /// A folder's entries (names) reach the disk only when the folder itself is flushed: fsync of the folder on Unix.
    /// NTFS journals its metadata, and Windows cannot flush a folder without backup privileges, so there it is a no-op.
    /// </summary>
    private static partial class Durability
    {
        public static void FlushFolder(string folder)
        {
            if (OperatingSystem.IsWindows())
                return;
            var descriptor = Open(folder, 0 /* O_RDONLY */);
            if (descriptor < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                // ENOENT: the folder went away under the write (another sync cleared tmp/): the file is gone with it.
                if (errno == 2)
                    throw new DirectoryNotFoundException($"The folder '{folder}' disappeared before it could be flushed.");
                throw new IOException($"The folder '{folder}' could not be opened to flush it (errno {errno}).");
            }
            try
            {
                if (Fsync(descriptor) != 0)
                    throw new IOException($"The folder '{folder}' could not be flushed to the disk (errno {Marshal.GetLastPInvokeError()}).");
            }
            finally
            {
                _ = Close(descriptor);
            }
        }

        /// <summary>Creates the folder and its missing parents, flushing each parent that gained a folder.</summary>
        public static void CreateFolder(string folder)
        {
            if (Directory.Exists(folder))
                return;
            var parent = Path.GetDirectoryName(folder);
            if (parent is not null)
                CreateFolder(parent);
            Directory.CreateDirectory(folder);
            if (parent is not null)
                FlushFolder(parent);
        }

        /// <summary>link(2): the new name appears only if it does not exist yet. Returns 0, or the errno.</summary>
        public static int Link(string existing, string created) =>
            LinkFile(existing, created) == 0 ? 0 : Marshal.GetLastPInvokeError();

        [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int LinkFile(string existing, string created);

        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
        private static partial int Fsync(int descriptor);

        [LibraryImport("libc", EntryPoint = "close")]
        private static partial int Close(int descriptor);
    }
}
