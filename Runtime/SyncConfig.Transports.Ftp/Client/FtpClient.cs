using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SyncConfig.Rules;

namespace SyncConfig.Transports.Ftp.Client;

/// <summary>
/// One FTP session on a persistent control connection: explicit TLS when asked (AUTH TLS, PBSZ 0, PROT P), binary
/// transfers over passive data connections (EPSV, else PASV) to the control connection's own address. One command at a
/// time: callers that want parallel transfers open several sessions. Paths are sent as given (absolute, '/'-separated).
/// </summary>
public sealed class FtpClient : IAsyncDisposable
{
    private const int BlockSize = 1 << 20;

    /// <summary>A listing is read whole; a server that streams one without end is cut off here.</summary>
    private const int MaxListingBytes = 64 << 20;

    /// <summary>How long to wait for the reply that explains a failed transfer: the failure itself is already known.</summary>
    private static readonly TimeSpan FailureReplyTimeout = TimeSpan.FromSeconds(5);

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly FtpClientOptions _options;
    private readonly Socket _socket;
    private Stream _control;
    private FtpReplyReader _replies;
    private IPAddress _serverAddress = IPAddress.None;
    private byte[]? _certificateHash;
    private string? _certificateProblem;
    private bool _epsvRefused;
    private bool _listOptionsRefused;

    private FtpClient(FtpClientOptions options)
    {
        _options = options;
        _socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _control = Stream.Null;
        _replies = new FtpReplyReader(Stream.Null);
    }

    public FtpFeatures Features { get; private set; } = FtpFeatures.None;

    /// <summary>The SYST reply's text ("UNIX Type: L8", "Windows_NT").</summary>
    public string SystemType { get; private set; } = "";

    /// <summary>The checksum the server offers for verifying a resumed file, or null.</summary>
    public ServerChecksum? Checksum { get; private set; }

    /// <summary>
    /// The session is no longer known to be in step with the server (a broken connection, a reply that never came, a
    /// transfer cut short): dispose it instead of reusing it.
    /// </summary>
    public bool IsBroken { get; private set; }

    /// <summary>When the last command was answered (<see cref="Environment.TickCount64"/>).</summary>
    public long LastUsed { get; private set; }

    public static async Task<FtpClient> ConnectAsync(FtpClientOptions options, CancellationToken cancellationToken)
    {
        var client = new FtpClient(options);
        try
        {
            await client.OpenAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        IPAddress address;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.ConnectTimeout);
            await _socket.ConnectAsync(_options.Host, _options.Port, deadline.Token);
            // A dual-mode socket reports an IPv4 server as ::ffff:a.b.c.d; the data connections go to it as plain IPv4.
            // (Read here: a connection reset right after it was made fails on it with "not connected".)
            address = ((IPEndPoint)_socket.RemoteEndPoint!).Address;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = e is SocketException s ? s.Message : $"no answer within {_options.ConnectTimeout.TotalSeconds:0} s";
            throw new FtpException(FtpFailure.Unreachable, $"{_options.Endpoint} cannot be reached ({why}).", inner: e);
        }
        _serverAddress = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        _control = new NetworkStream(_socket, ownsSocket: false);
        _replies = new FtpReplyReader(_control);

        var greeting = await ReadReplyAsync("the greeting", _options.ReplyTimeout, cancellationToken);
        while (greeting.Code == 120)
            greeting = await ReadReplyAsync("the greeting", _options.ReplyTimeout, cancellationToken);
        if (greeting.Code != 220)
            throw Refused("the connection", greeting);

        if (_options.UseTls)
            await StartTlsAsync(cancellationToken);
        await LogInAsync(cancellationToken);
        if (_options.UseTls)
        {
            await RequireAsync("PBSZ 0", cancellationToken);
            var protection = await ExecuteAsync("PROT P", cancellationToken);
            if (!protection.IsSuccess)
                throw new FtpException(FtpFailure.Tls, $"{_options.Endpoint} refuses to encrypt data connections ({protection.Quoted}).", protection);
        }

        Features = FtpFeatures.Parse(await ExecuteAsync("FEAT", cancellationToken));
        Checksum = ServerChecksum.Choose(Features);
        if (Features.Has("UTF8"))
            await ExecuteAsync("OPTS UTF8 ON", cancellationToken);
        await RequireAsync("TYPE I", cancellationToken);
        var system = await ExecuteAsync("SYST", cancellationToken);
        SystemType = system.IsSuccess ? system.Text : "";
    }

    private async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        var auth = await ExecuteAsync("AUTH TLS", cancellationToken);
        if (auth.Code != 234)
        {
            throw new FtpException(FtpFailure.Tls,
                $"{_options.Endpoint} does not offer explicit TLS ({auth.Quoted}). Use plain FTP only if an unencrypted connection is acceptable.", auth);
        }
        if (_replies.HasBufferedData)
            throw new FtpException(FtpFailure.Protocol, $"{_options.Endpoint} sent unencrypted data after agreeing to TLS; refusing to go on.");
        var tls = new SslStream(_control, leaveInnerStreamOpen: false);
        _control = tls;
        try
        {
            await Guard(async t =>
            {
                await tls.AuthenticateAsClientAsync(TlsOptions(ValidateServerCertificate, _options.CertificateSha256 is not null), t);
                return true;
            }, "the TLS handshake", _options.ReplyTimeout, cancellationToken);
        }
        catch (FtpException e) when (e.InnerException is AuthenticationException)
        {
            IsBroken = true;
            throw _certificateProblem is null
                ? new FtpException(FtpFailure.Tls, $"The TLS handshake with {_options.Endpoint} failed: {e.InnerException.Message}", inner: e.InnerException)
                : new FtpException(FtpFailure.Certificate, $"The certificate of {_options.Endpoint} was refused: {_certificateProblem}", inner: e.InnerException);
        }
        _replies = new FtpReplyReader(tls);
    }

    /// <summary>
    /// The same options for the control and every data connection. With a host name as the target (which goes out as SNI),
    /// .NET on Linux resumes the control connection's TLS session on the data connections: servers that demand it
    /// (vsftpd's require_ssl_reuse) accept them, and each transfer skips a full handshake. With an IP address it does not.
    /// </summary>
    private SslClientAuthenticationOptions TlsOptions(RemoteCertificateValidationCallback validation, bool pinned) => new()
    {
        TargetHost = _options.Host,
        RemoteCertificateValidationCallback = validation,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        CertificateChainPolicy = pinned ? ServerCertificate.PinnedChainPolicy() : null,
    };

    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var judged = ServerCertificate.Judge(certificate, chain, errors, _options.CertificateSha256);
        if (judged.Accepted)
        {
            _certificateHash = judged.Sha256;
            return true;
        }
        var seen = judged.Sha256 is { } hash ? CertificateFingerprint.Format(hash) : "";
        _certificateProblem = judged.Verdict switch
        {
            CertificateVerdict.Missing => "the server presented no certificate.",
            CertificateVerdict.PinMismatch => $"its SHA-256 fingerprint {seen} is not the pinned CertificateFingerprint {CertificateFingerprint.Format(_options.CertificateSha256!)}. " +
                "Either the server's certificate was replaced (pin the new one once you have checked it on the server) or something " +
                "between this machine and the server presents its own.",
            _ => (judged.Verdict == CertificateVerdict.NameMismatch ? $"it is not issued for '{_options.Host}'" : "this machine does not trust it" + judged.ChainProblem) +
                ". If the server uses its own (self-signed) certificate, compare its fingerprint on the server " +
                $"(openssl x509 -noout -fingerprint -sha256 -in CERTIFICATE) with {seen} and pin it with CertificateFingerprint.",
        };
        return false;
    }

    /// <summary>A data connection must present the very certificate the control connection did.</summary>
    private bool ValidateDataCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && _certificateHash is not null
        && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), _certificateHash);

    private async Task LogInAsync(CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync("USER " + _options.UserName, cancellationToken);
        if (reply.Code is 331 or 332)
            reply = await ExecuteAsync("PASS " + _options.Password, cancellationToken);
        if (reply.Code is 230 or 202)
            return;
        if (reply.Code == 421)
            throw Refused("the login", reply);
        var hint = !_options.UseTls && (reply.Text.Contains("encrypt", StringComparison.OrdinalIgnoreCase) || reply.Text.Contains("TLS", StringComparison.Ordinal))
            ? " The server wants encrypted logins: use FTPS."
            : " Check UserName and Password.";
        throw new FtpException(FtpFailure.LoginFailed, $"{_options.Endpoint} refused the login of '{_options.UserName}' ({reply.Quoted}).{hint}", reply);
    }

    /// <summary>Sends one command and returns its reply, whatever the code.</summary>
    public async Task<FtpReply> ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        await SendAsync(command, cancellationToken);
        return await ReadReplyAsync(command, _options.ReplyTimeout, cancellationToken);
    }

    /// <summary>Sends one command and fails unless the reply is a success (2xx).</summary>
    public async Task<FtpReply> RequireAsync(string command, CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync(command, cancellationToken);
        return reply.IsSuccess ? reply : throw Refused(command, reply);
    }

    /// <summary>The file's size (SIZE), or null when the server says there is no such file (550).</summary>
    public async Task<long?> SizeAsync(string path, CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync("SIZE " + path, cancellationToken);
        if (reply.Code == 550)
            return null;
        if (reply.Code == 213 && long.TryParse(reply.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            return size;
        throw Refused("SIZE " + path, reply);
    }

    /// <summary>Whether the folder exists, by changing into it (CWD).</summary>
    public async Task<bool> FolderExistsAsync(string path, CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync("CWD " + path, cancellationToken);
        return reply.IsSuccess || (reply.Code == 550 ? false : throw Refused("CWD " + path, reply));
    }

    /// <summary>RNFR then RNTO.</summary>
    public async Task RenameAsync(string from, string to, CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync("RNFR " + from, cancellationToken);
        if (reply.Code != 350)
            throw Refused("RNFR " + from, reply);
        await RequireAsync("RNTO " + to, cancellationToken);
    }

    /// <summary>The folder's entries (MLSD where offered, else LIST), or null when the server says it does not exist.</summary>
    public async Task<IReadOnlyList<FtpListEntry>?> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var machineReadable = Features.Has("MLSD") || Features.Has("MLST");
        // "-a": servers that hide dot files (vsftpd without force_dot_files) show them then; SyncConfig's own folder is one.
        var command = machineReadable ? "MLSD " + folder : (_listOptionsRefused ? "LIST " : "LIST -a ") + folder;
        FtpDataConnection data;
        try
        {
            data = await StartTransferAsync(command, cancellationToken);
        }
        catch (FtpException e) when (e.Reply?.Code == 550)
        {
            return null;
        }
        catch (FtpException e) when (e.Reply is { IsPermanentFailure: true } && !machineReadable && !_listOptionsRefused)
        {
            _listOptionsRefused = true;
            return await ListAsync(folder, cancellationToken);
        }
        var listing = new MemoryStream();
        Exception? failure = null;
        await using (data)
        {
            try
            {
                await ReadWithinAsync(data.Stream, listing, MaxListingBytes, cancellationToken);
                await data.DrainAsync(cancellationToken);
            }
            catch (Exception e) when (IsDataFailure(e, cancellationToken))
            {
                failure = e;
            }
        }
        await FinishTransferAsync(command, failure, cancellationToken);
        var lines = Utf8.GetString(listing.GetBuffer(), 0, (int)listing.Length)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r'));
        return (machineReadable ? FtpListing.ParseMlsd(lines) : FtpListing.ParseList(lines)).ToList();
    }

    /// <summary>The file's content (RETR); disposing the stream ends the transfer.</summary>
    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var command = "RETR " + path;
        var data = await StartTransferAsync(command, cancellationToken);
        return new Download(this, data, command);
    }

    /// <summary>Writes the content to the file: STOR (from the start) or APPE (after what the file holds).</summary>
    public async Task UploadAsync(string path, Stream content, bool append, CancellationToken cancellationToken)
    {
        var command = (append ? "APPE " : "STOR ") + path;
        var data = await StartTransferAsync(command, cancellationToken);
        Exception? failure = null;
        await using (data)
        {
            try
            {
                await CopyAsync(content, data.Stream, cancellationToken);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(_options.DataTimeout);
                await data.CloseAsync(deadline.Token);
            }
            catch (Exception e) when (IsDataFailure(e, cancellationToken))
            {
                failure = e;
            }
        }
        await FinishTransferAsync(command, failure, cancellationToken);
    }

    /// <summary>The server's checksum of the whole file (see <see cref="Checksum"/>), or null when it gives none.</summary>
    public async Task<byte[]?> ChecksumAsync(string path, CancellationToken cancellationToken)
    {
        if (Checksum is not { } checksum)
            return null;
        if (checksum.SelectCommand is { } select && !(await ExecuteAsync(select, cancellationToken)).IsSuccess)
            return null;
        var reply = await ExecuteAsync(checksum.Command + " " + path, cancellationToken);
        return reply.IsSuccess ? checksum.DigestIn(reply) : null;
    }

    private async Task<FtpDataConnection> StartTransferAsync(string command, CancellationToken cancellationToken)
    {
        var data = await FtpDataConnection.ConnectAsync(_serverAddress, await PassivePortAsync(cancellationToken), _options.ConnectTimeout, cancellationToken);
        try
        {
            var reply = await ExecuteAsync(command, cancellationToken);
            if (!reply.IsPreliminary)
                throw Refused(command, reply);
            if (_options.UseTls)
                await SecureAsync(data, command, cancellationToken);
            return data;
        }
        catch
        {
            await data.DisposeAsync();
            throw;
        }
    }

    /// <summary>EPSV where the server knows it (it names no address at all), else PASV with its address ignored.</summary>
    private async Task<int> PassivePortAsync(CancellationToken cancellationToken)
    {
        if (!_epsvRefused)
        {
            var extended = await ExecuteAsync("EPSV", cancellationToken);
            if (extended.Code == 229)
                return PassiveReply.ExtendedPort(extended);
            if (!extended.IsPermanentFailure)
                throw Refused("EPSV", extended);
            _epsvRefused = true;
        }
        var classic = await ExecuteAsync("PASV", cancellationToken);
        return classic.Code == 227 ? PassiveReply.ClassicEndpoint(classic).Port : throw Refused("PASV", classic);
    }

    private async Task SecureAsync(FtpDataConnection data, string command, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.DataTimeout);
            await data.SecureAsync(TlsOptions(ValidateDataCertificate, pinned: true), deadline.Token);
        }
        catch (Exception e) when (IsDataFailure(e, cancellationToken) || e is AuthenticationException)
        {
            await data.DisposeAsync();
            // Always throws: with a failure given, the transfer's reply can only explain it.
            await FinishTransferAsync(command, e, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Reads the transfer's final reply. After a failure on the data connection the reply (if it comes soon) says why:
    /// 522 is a server that insists on TLS session reuse, 552/452 a full disk, 426 a transfer the server saw cut short.
    /// </summary>
    private async Task FinishTransferAsync(string command, Exception? failure, CancellationToken cancellationToken)
    {
        FtpReply? reply = null;
        try
        {
            reply = await ReadReplyAsync(command, failure is null ? _options.ReplyTimeout : FailureReplyTimeout, cancellationToken);
        }
        catch (FtpException) when (failure is not null)
        {
            // The connection is marked broken; the data connection's failure is the story.
        }
        if (failure is null && reply!.IsSuccess)
            return;
        if (reply?.Code == 522)
        {
            throw new FtpException(FtpFailure.Tls,
                $"{_options.Endpoint} refused the encrypted data connection ({reply.Quoted}): it requires data connections to resume the " +
                "control connection's TLS session. .NET resumes TLS sessions only with a server given by its host name, not by an IP " +
                "address: give the server's name in Server, or turn that requirement off on the server (vsftpd: require_ssl_reuse=NO; " +
                "FileZilla Server: clear \"Require TLS session resumption on data connection\").", reply, failure);
        }
        if (reply is { IsSuccess: false })
            throw new FtpException(reply.Code == 421 ? FtpFailure.Unreachable : FtpFailure.Refused,
                $"{_options.Endpoint} refused {Describe(command)}: {reply.Quoted}", reply, failure) { DuringTransfer = true };
        if (failure is null)
            return;
        IsBroken = true;
        var why = failure is TimeoutException ? failure.Message : $"{failure.GetType().Name}: {failure.Message}";
        throw new FtpException(FtpFailure.ConnectionLost, $"The data connection of {Describe(command)} to {_options.Endpoint} broke ({why}).", reply, failure)
        {
            DuringTransfer = true,
        };
    }

    /// <summary>
    /// Copies the content to the data connection, reading the next block while the previous one is sent; a write that
    /// moves nothing for <see cref="FtpClientOptions.DataTimeout"/> fails. A failure to read the content (the local file)
    /// is not the connection's: it is thrown as it is, and the session is left for disposal.
    /// </summary>
    private async Task CopyAsync(Stream content, Stream target, CancellationToken cancellationToken)
    {
        var reading = ArrayPool<byte>.Shared.Rent(BlockSize);
        var writing = ArrayPool<byte>.Shared.Rent(BlockSize);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var write = Task.CompletedTask;
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await content.ReadAtLeastAsync(reading.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, cancellationToken);
                }
                catch
                {
                    IsBroken = true;
                    throw;
                }
                await write;
                if (read == 0)
                    break;
                (reading, writing) = (writing, reading);
                idle.CancelAfter(_options.DataTimeout);
                write = target.WriteAsync(writing.AsMemory(0, read), idle.Token).AsTask();
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no data moved for {_options.DataTimeout.TotalSeconds:0} s", e);
        }
        finally
        {
            await write.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ArrayPool<byte>.Shared.Return(reading);
            ArrayPool<byte>.Shared.Return(writing);
        }
    }

    private async Task ReadWithinAsync(Stream source, MemoryStream target, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int read;
            while ((read = await ReadDataAsync(source, buffer, cancellationToken)) > 0)
            {
                if (target.Length + read > limit)
                    throw new FtpException(FtpFailure.Protocol, $"{_options.Endpoint} sent a listing larger than {limit >> 20} MiB.");
                target.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<int> ReadDataAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_options.DataTimeout);
        try
        {
            return await source.ReadAsync(buffer, idle.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no data moved for {_options.DataTimeout.TotalSeconds:0} s", e);
        }
    }

    private static bool IsDataFailure(Exception e, CancellationToken cancellationToken) =>
        e is IOException or SocketException or TimeoutException or AuthenticationException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task SendAsync(string command, CancellationToken cancellationToken)
    {
        if (command.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            throw new FtpException(FtpFailure.Refused, $"{Describe(command)} holds a line break or NUL, which FTP cannot carry in a name.");
        ObjectDisposedException.ThrowIf(IsBroken, this);
        var bytes = Utf8.GetBytes(command + "\r\n");
        await Guard(async t =>
        {
            await _control.WriteAsync(bytes, t);
            await _control.FlushAsync(t);
            return true;
        }, Describe(command), _options.ReplyTimeout, cancellationToken);
    }

    private Task<FtpReply> ReadReplyAsync(string what, TimeSpan timeout, CancellationToken cancellationToken) =>
        Guard(_replies.ReadAsync, what.Contains(' ') ? "the reply to " + Describe(what) : what, timeout, cancellationToken);

    /// <summary>Runs one step on the control connection within a timeout; any failure leaves the session broken.</summary>
    private async Task<T> Guard<T>(Func<CancellationToken, Task<T>> step, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var result = await step(deadline.Token);
            LastUsed = Environment.TickCount64;
            return result;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            IsBroken = true;
            throw new FtpException(FtpFailure.ConnectionLost, $"{_options.Endpoint} did not answer {what} within {timeout.TotalSeconds:0} s.", inner: e);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            IsBroken = true;
            throw new FtpException(FtpFailure.ConnectionLost, $"The connection to {_options.Endpoint} broke during {what}: {e.Message}", inner: e);
        }
        catch (AuthenticationException e)
        {
            IsBroken = true;
            throw new FtpException(FtpFailure.Tls, $"TLS with {_options.Endpoint} failed during {what}: {e.Message}", inner: e);
        }
        catch
        {
            IsBroken = true;
            throw;
        }
    }

    /// <summary>A command as messages name it: the password never.</summary>
    private static string Describe(string command) =>
        command.StartsWith("PASS ", StringComparison.OrdinalIgnoreCase) ? "the password" : command;

    private FtpException Refused(string command, FtpReply reply, Exception? inner = null) => new(
        reply.Code == 421 ? FtpFailure.Unreachable : FtpFailure.Refused,
        $"{_options.Endpoint} refused {Describe(command)}: {reply.Quoted}", reply, inner);

    /// <summary>Says goodbye (QUIT) when the session is healthy, then closes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!IsBroken && _control != Stream.Null)
        {
            try
            {
                using var deadline = new CancellationTokenSource(FailureReplyTimeout);
                await _control.WriteAsync("QUIT\r\n"u8.ToArray(), deadline.Token);
                await _replies.ReadAsync(deadline.Token);
                if (_control is SslStream tls)
                    await tls.ShutdownAsync();
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or FtpException or AuthenticationException)
            {
                // Closing anyway.
            }
        }
        IsBroken = true;
        await _control.DisposeAsync();
        _socket.Dispose();
    }

    /// <summary>A RETR's data; its end (or an early dispose) completes the transfer on the control connection.</summary>
    private sealed class Download(FtpClient client, FtpDataConnection data, string command) : Stream
    {
        private bool _ended;
        private bool _completed;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_ended || buffer.IsEmpty)
                return 0;
            int read;
            try
            {
                read = await client.ReadDataAsync(data.Stream, buffer, cancellationToken);
            }
            catch (Exception e) when (IsDataFailure(e, cancellationToken))
            {
                _completed = true;
                await data.DisposeAsync();
                await client.FinishTransferAsync(command, e, cancellationToken);
                throw new FtpException(FtpFailure.ConnectionLost, $"The download of {command[5..]} broke.", inner: e);
            }
            if (read == 0)
            {
                _ended = true;
                await CompleteAsync(cancellationToken);
            }
            return read;
        }

        private async Task CompleteAsync(CancellationToken cancellationToken)
        {
            if (_completed)
                return;
            _completed = true;
            await data.DisposeAsync();
            await client.FinishTransferAsync(command, null, cancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_ended && !_completed)
            {
                // Left before its end: the server sees the data connection reset and answers 426 some time later; the
                // session is not worth keeping in step for that.
                _completed = true;
                client.IsBroken = true;
                await data.DisposeAsync();
            }
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_completed)
            {
                _completed = true;
                client.IsBroken = true;
                data.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
