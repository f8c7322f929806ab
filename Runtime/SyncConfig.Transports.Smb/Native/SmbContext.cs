using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SyncConfig.Transports.Smb.Native;

/// <summary>A libsmbclient call that failed, with the errno it set (libsmbclient maps the server's NT status to one).</summary>
internal sealed class SmbNativeException(int errno, string operation) : Exception($"{operation}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})")
{
    public int Errno { get; } = errno;

    public string Operation { get; } = operation;
}

/// <summary>The credentials a context answers libsmbclient's authentication callback with.</summary>
internal sealed record SmbCredentials(string Workgroup, string UserName, string Password);

/// <summary>
/// One libsmbclient context: a client of its own, with its own connection to the server. libsmbclient is not
/// thread-safe within a context, so a context is used by one thread at a time (the session pool hands each out to one
/// operation). Across contexts it is safe only once Samba's thread functions are installed (<see cref="SambaThreads"/>);
/// where that fails, every call into the library takes one process-wide lock instead, so contexts take turns. Even then,
/// making a context (which loads Samba's global configuration), freeing one, and a context's first call (which connects
/// and logs in) happen alone, while no other call is in the library: a test run that let them overlap saw a stat fail
/// with EINVAL now and then. Every call here is blocking.
/// </summary>
internal sealed unsafe class SmbContext : IDisposable
{
    public const int ReadOnly = 0, WriteOnly = 1, ReadWrite = 2, Create = 0x40, Exclusive = 0x80, TruncateExisting = 0x200;

    private const int SeekSet = 0;

    /// <summary>Calls share it; making or freeing a context and a context's first call hold it alone.</summary>
    private static readonly ReaderWriterLockSlim Gate = new(LockRecursionPolicy.NoRecursion);

    /// <summary>Held by every call into libsmbclient when its thread functions could not be installed; null when they are.</summary>
    private static readonly Lock? Native = SambaThreads.Install() ? null : new Lock();

    /// <summary>Whether contexts work side by side (Samba's thread functions installed) rather than taking turns.</summary>
    public static bool SideBySide => Native is null;

    private readonly GCHandle _credentials;
    private nint _context;

    private readonly delegate* unmanaged<nint, byte*, int, uint, nint> _open;
    private readonly delegate* unmanaged<nint, nint, byte*, nuint, nint> _read;
    private readonly delegate* unmanaged<nint, nint, byte*, nuint, nint> _write;
    private readonly delegate* unmanaged<nint, nint, int> _close;
    private readonly delegate* unmanaged<nint, nint, long, int, long> _lseek;
    private readonly delegate* unmanaged<nint, nint, long, int> _ftruncate;
    private readonly delegate* unmanaged<nint, byte*, byte*, int> _stat;
    private readonly delegate* unmanaged<nint, byte*, nint, byte*, int> _rename;
    private readonly delegate* unmanaged<nint, byte*, int> _unlink;
    private readonly delegate* unmanaged<nint, byte*, uint, int> _mkdir;
    private readonly delegate* unmanaged<nint, byte*, int> _rmdir;
    private readonly delegate* unmanaged<nint, byte*, nint> _opendir;
    private readonly delegate* unmanaged<nint, nint, int> _closedir;
    private readonly delegate* unmanaged<nint, nint, LibSmbClient.FileInfo*> _readdirplus;

    /// <param name="timeout">How long a connect or a request may take before it fails.</param>
    public SmbContext(SmbCredentials credentials, int port, TimeSpan timeout)
    {
        using var turn = new Turn(Native, Gate, alone: true);
        try
        {
            _context = LibSmbClient.smbc_new_context();
        }
        catch (DllNotFoundException e)
        {
            throw new SmbLibraryMissingException(e);
        }
        if (_context == 0)
            throw new SmbNativeException(Marshal.GetLastSystemError(), "smbc_new_context");
        _credentials = GCHandle.Alloc(credentials);
        LibSmbClient.smbc_setDebug(_context, 0);
        LibSmbClient.smbc_setTimeout(_context, (int)timeout.TotalMilliseconds);
        if (port > 0)
            LibSmbClient.smbc_setPort(_context, (ushort)port);
        // A user name and password are given: NTLM, never a guest login when they are refused. Kerberos would need a
        // ticket (kinit) this process does not have.
        LibSmbClient.smbc_setOptionUseKerberos(_context, 0);
        LibSmbClient.smbc_setOptionFallbackAfterKerberos(_context, 1);
        LibSmbClient.smbc_setOptionNoAutoAnonymousLogin(_context, 1);
        LibSmbClient.smbc_setOptionUserData(_context, GCHandle.ToIntPtr(_credentials));
        LibSmbClient.smbc_setFunctionAuthDataWithContext(_context, &Authenticate);
        if (LibSmbClient.smbc_init_context(_context) == 0)
        {
            var errno = Marshal.GetLastSystemError();
            Dispose();
            throw new SmbNativeException(errno, "smbc_init_context");
        }
        _open = (delegate* unmanaged<nint, byte*, int, uint, nint>)LibSmbClient.smbc_getFunctionOpen(_context);
        _read = (delegate* unmanaged<nint, nint, byte*, nuint, nint>)LibSmbClient.smbc_getFunctionRead(_context);
        _write = (delegate* unmanaged<nint, nint, byte*, nuint, nint>)LibSmbClient.smbc_getFunctionWrite(_context);
        _close = (delegate* unmanaged<nint, nint, int>)LibSmbClient.smbc_getFunctionClose(_context);
        _lseek = (delegate* unmanaged<nint, nint, long, int, long>)LibSmbClient.smbc_getFunctionLseek(_context);
        _ftruncate = (delegate* unmanaged<nint, nint, long, int>)LibSmbClient.smbc_getFunctionFtruncate(_context);
        _stat = (delegate* unmanaged<nint, byte*, byte*, int>)LibSmbClient.smbc_getFunctionStat(_context);
        _rename = (delegate* unmanaged<nint, byte*, nint, byte*, int>)LibSmbClient.smbc_getFunctionRename(_context);
        _unlink = (delegate* unmanaged<nint, byte*, int>)LibSmbClient.smbc_getFunctionUnlink(_context);
        _mkdir = (delegate* unmanaged<nint, byte*, uint, int>)LibSmbClient.smbc_getFunctionMkdir(_context);
        _rmdir = (delegate* unmanaged<nint, byte*, int>)LibSmbClient.smbc_getFunctionRmdir(_context);
        _opendir = (delegate* unmanaged<nint, byte*, nint>)LibSmbClient.smbc_getFunctionOpendir(_context);
        _closedir = (delegate* unmanaged<nint, nint, int>)LibSmbClient.smbc_getFunctionClosedir(_context);
        _readdirplus = (delegate* unmanaged<nint, nint, LibSmbClient.FileInfo*>)LibSmbClient.smbc_getFunctionReaddirPlus(_context);
    }

    /// <summary>Whether a call has succeeded yet: until then, a refusal may be the login's, not a file's.</summary>
    public bool HasAnswered { get; private set; }

    /// <summary>A turn in the library: alone until the context has been answered once (its first call connects).</summary>
    private Turn Enter() => new(Native, Gate, alone: !HasAnswered);

    /// <summary>Set once a call failed in a way that leaves the connection in doubt: the pool then drops the context.</summary>
    public bool IsBroken { get; set; }

    /// <summary>libsmbclient asks for credentials per server and share; the answer is the same for all.</summary>
    [UnmanagedCallersOnly]
    private static void Authenticate(
        nint context, byte* server, byte* share, byte* workgroup, int workgroupLength, byte* user, int userLength, byte* password, int passwordLength)
    {
        try
        {
            if (GCHandle.FromIntPtr(LibSmbClient.smbc_getOptionUserData(context)).Target is not SmbCredentials credentials)
                return;
            if (credentials.Workgroup.Length > 0)
                Copy(credentials.Workgroup, workgroup, workgroupLength);
            Copy(credentials.UserName, user, userLength);
            Copy(credentials.Password, password, passwordLength);
        }
        catch
        {
            // An exception must not cross into native code; a login without credentials fails on its own.
        }
    }

    private static void Copy(string value, byte* buffer, int capacity)
    {
        if (capacity <= 0)
            return;
        var bytes = Encoding.UTF8.GetBytes(value);
        var count = Math.Min(bytes.Length, capacity - 1);
        bytes.AsSpan(0, count).CopyTo(new Span<byte>(buffer, capacity));
        buffer[count] = 0;
    }

    /// <summary>Whether the entry is a folder, and its length; null when it does not exist.</summary>
    public (bool IsFolder, long Length)? Stat(string url)
    {
        using var turn = Enter();
        var buffer = stackalloc byte[512];
        fixed (byte* path = Utf8(url))
        {
            if (_stat(_context, path, buffer) < 0)
            {
                var errno = Marshal.GetLastSystemError();
                if (errno is Errno.NoEntry or Errno.NotFolder)
                {
                    HasAnswered = true;
                    return null;
                }
                throw new SmbNativeException(errno, "stat");
            }
        }
        HasAnswered = true;
        var (modeOffset, sizeOffset) = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? (24, 48) : (16, 48);
        var mode = *(uint*)(buffer + modeOffset);
        var size = *(long*)(buffer + sizeOffset);
        return ((mode & 0xF000) == 0x4000, size);
    }

    public nint Open(string url, int flags)
    {
        using var turn = Enter();
        fixed (byte* path = Utf8(url))
        {
            var file = _open(_context, path, flags, 0b110_100_100);
            HasAnswered |= file != 0;
            return file != 0 ? file : throw new SmbNativeException(Marshal.GetLastSystemError(), "open");
        }
    }

    public int Read(nint file, Span<byte> buffer)
    {
        using var turn = Enter();
        fixed (byte* data = buffer)
        {
            var read = _read(_context, file, data, (nuint)buffer.Length);
            return read >= 0 ? (int)read : throw new SmbNativeException(Marshal.GetLastSystemError(), "read");
        }
    }

    public void Write(nint file, ReadOnlySpan<byte> buffer)
    {
        using var turn = Enter();
        fixed (byte* data = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var written = _write(_context, file, data + done, (nuint)(buffer.Length - done));
                if (written <= 0)
                    throw new SmbNativeException(written < 0 ? Marshal.GetLastSystemError() : Errno.InputOutput, "write");
                done += (int)written;
            }
        }
    }

    /// <summary>Moves the handle's position (libsmbclient refuses SEEK_END on some servers, so callers seek to a stat's length).</summary>
    public long Seek(nint file, long offset)
    {
        using var turn = Enter();
        var position = _lseek(_context, file, offset, SeekSet);
        return position >= 0 ? position : throw new SmbNativeException(Marshal.GetLastSystemError(), "lseek");
    }

    public void Truncate(nint file, long length)
    {
        using var turn = Enter();
        if (_ftruncate(_context, file, length) < 0)
            throw new SmbNativeException(Marshal.GetLastSystemError(), "ftruncate");
    }

    /// <summary>Closes the handle; a write the server refuses only now (a full disk) shows here.</summary>
    public void Close(nint file)
    {
        using var turn = Enter();
        if (_close(_context, file) < 0)
            throw new SmbNativeException(Marshal.GetLastSystemError(), "close");
    }

    public void Rename(string from, string to)
    {
        using var turn = Enter();
        fixed (byte* source = Utf8(from))
        fixed (byte* destination = Utf8(to))
        {
            if (_rename(_context, source, _context, destination) < 0)
                throw new SmbNativeException(Marshal.GetLastSystemError(), "rename");
        }
    }

    /// <summary>Deletes a file; false when there was none.</summary>
    public bool Unlink(string url) => Call(_unlink, url, "unlink", Errno.NoEntry);

    /// <summary>Makes a folder; false when it exists already.</summary>
    public bool Mkdir(string url)
    {
        using var turn = Enter();
        fixed (byte* path = Utf8(url))
        {
            if (_mkdir(_context, path, 0b111_101_101) >= 0)
                return HasAnswered = true;
            var errno = Marshal.GetLastSystemError();
            return errno == Errno.Exists ? false : throw new SmbNativeException(errno, "mkdir");
        }
    }

    /// <summary>Removes an empty folder; false when there was none.</summary>
    public bool Rmdir(string url) => Call(_rmdir, url, "rmdir", Errno.NoEntry);

    /// <summary>The folder's entries (not "." and ".."); null when the folder does not exist.</summary>
    public List<(string Name, bool IsFolder, long Length)>? List(string url)
    {
        using var turn = Enter();
        nint folder;
        fixed (byte* path = Utf8(url))
            folder = _opendir(_context, path);
        if (folder == 0)
        {
            var errno = Marshal.GetLastSystemError();
            return errno is Errno.NoEntry or Errno.NotFolder ? null : throw new SmbNativeException(errno, "opendir");
        }
        HasAnswered = true;
        var entries = new List<(string, bool, long)>();
        try
        {
            while (true)
            {
                var entry = _readdirplus(_context, folder);
                if (entry == null)
                    break;
                var name = Marshal.PtrToStringUTF8((nint)entry->Name) ?? "";
                if (name is "" or "." or "..")
                    continue;
                entries.Add((name, (entry->Attributes & LibSmbClient.FileAttributeDirectory) != 0, (long)entry->Size));
            }
        }
        finally
        {
            _closedir(_context, folder);
        }
        return entries;
    }

    private bool Call(delegate* unmanaged<nint, byte*, int> function, string url, string operation, int absent)
    {
        using var turn = Enter();
        fixed (byte* path = Utf8(url))
        {
            if (function(_context, path) >= 0)
                return HasAnswered = true;
            var errno = Marshal.GetLastSystemError();
            return errno == absent ? false : throw new SmbNativeException(errno, operation);
        }
    }

    private static byte[] Utf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    public void Dispose()
    {
        using var turn = new Turn(Native, Gate, alone: true);
        if (_context != 0)
        {
            // 1: close the connections and free even with files still open (a broken session's handles).
            LibSmbClient.smbc_free_context(_context, 1);
            _context = 0;
        }
        if (_credentials.IsAllocated)
            _credentials.Free();
    }
}

/// <summary>
/// A turn in libsmbclient until disposed: the process-wide lock where there is one (no thread functions), else the gate,
/// shared or alone.
/// </summary>
internal readonly ref struct Turn
{
    private readonly Lock? _native;
    private readonly ReaderWriterLockSlim _gate;
    private readonly bool _alone;

    public Turn(Lock? native, ReaderWriterLockSlim gate, bool alone)
    {
        _native = native;
        _gate = gate;
        _alone = alone;
        if (native is not null)
            native.Enter();
        else if (alone)
            gate.EnterWriteLock();
        else
            gate.EnterReadLock();
    }

    public void Dispose()
    {
        if (_native is not null)
            _native.Exit();
        else if (_alone)
            _gate.ExitWriteLock();
        else
            _gate.ExitReadLock();
    }
}

/// <summary>The errno values libsmbclient reports that the transport tells apart (Linux numbering).</summary>
internal static class Errno
{
    public const int NotPermitted = 1, NoEntry = 2, InputOutput = 5, BadFile = 9, Again = 11, NoMemory = 12, AccessDenied = 13, Busy = 16, Exists = 17,
        NoDevice = 19, NotFolder = 20, IsFolder = 21, Invalid = 22, NoSpace = 28, ReadOnlyFileSystem = 30, BrokenPipe = 32,
        NotEmpty = 39, NoData = 61, NetworkDown = 100, NetworkReset = 102, NetworkUnreachable = 101, ConnectionAborted = 103, ConnectionReset = 104,
        NotConnected = 107, TimedOut = 110, ConnectionRefused = 111, HostDown = 112, HostUnreachable = 113, Quota = 122;
}

/// <summary>libsmbclient is not installed: the message names the package.</summary>
internal sealed class SmbLibraryMissingException(Exception inner)
    : Exception($"Samba's client library ({LibSmbClient.Library}) is not installed: install the Debian package '{LibSmbClient.Package}' (apt-get install {LibSmbClient.Package}), or run scripts/prerequisites.sh smb.", inner);
