using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SyncConfig.Catalog;
using SyncConfig.Runtime.Demo;
using SyncConfig.Runtime.Tests.Infrastructure;
using SyncConfig.Runtime.Tests.Packaging;
using SyncConfig.Testing.Network;
using SyncConfig.Testing.Servers;
using SyncConfig.Transports.S3;

namespace SyncConfig.Runtime.Tests.Reliability;

/// <summary>What a test knows of one file: its size and SHA-256 (hex).</summary>
public readonly record struct FileFacts(long Length, string Sha256);

/// <summary>
/// One landed target kind, set up for the built executable: a work folder with a generated repository, a fresh
/// empty remote folder on the real server, the definition's values, and a way to read and change the remote folder
/// behind SyncConfig's back (the server's folder on this machine's disk, or the S3 transport).
/// </summary>
public abstract class ReliabilityTarget : IAsyncDisposable
{
    public static readonly string[] Kinds = ["Local Path", "SFTP", "S3", "FTP", "FTPS", "SMB"];

    protected ReliabilityTarget(string kind, string sync)
    {
        Kind = kind;
        Sync = sync;
        Cli = new SyncConfigProcess();
        Repository = Cli.Combine("repository");
    }

    public string Kind { get; }
    public string Sync { get; }
    public SyncConfigProcess Cli { get; }
    public string Repository { get; }

    /// <summary>The secret values this target's definition is given (empty for Local Path).</summary>
    public abstract IReadOnlyList<string> Secrets { get; }

    /// <summary>The <c>$(NAME)</c> whose value is this target's password or secret key; null for Local Path.</summary>
    public abstract string? SecretVariable { get; }

    /// <summary>
    /// Moves the secret from the environment into a secrets file (mode 600) that the configuration names, as a
    /// deployment keeps it; <paramref name="value"/> replaces the real one (a wrong password).
    /// </summary>
    public void KeepSecretInFile(string? value = null)
    {
        var name = SecretVariable ?? throw new InvalidOperationException($"{Kind} has no secret");
        var secret = value ?? Cli.Environment[name] ?? Secrets[0];
        var file = Cli.Combine("secrets.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new Dictionary<string, string> { [name] = secret }));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Cli.Environment[name] = null;
        File.WriteAllText(Cli.ConfigFile, JsonSerializer.Serialize(new
        {
            SyncConfig = new { StateFolder = "state", StatusFolder = "status", TimeZone = "UTC", SecretsFile = file },
        }));
    }

    /// <summary>Rewrites the configuration file with these settings of the <c>SyncConfig</c> section beside the test's folders.</summary>
    public void Configure(IReadOnlyDictionary<string, string> settings) => Configure(Cli, settings);

    /// <inheritdoc cref="Configure(IReadOnlyDictionary{string, string})"/>
    public static void Configure(SyncConfigProcess cli, IReadOnlyDictionary<string, string> settings)
    {
        var section = new Dictionary<string, string> { ["StateFolder"] = "state", ["StatusFolder"] = "status", ["TimeZone"] = "UTC" };
        foreach (var (name, value) in settings)
            section[name] = value;
        File.WriteAllText(cli.ConfigFile, JsonSerializer.Serialize(new { SyncConfig = section }));
    }

    /// <summary>
    /// A second host with a copy of this repository (same ID, as if restored there) and the same definition values,
    /// syncing into the same remote folder; its own work, state and status folders.
    /// </summary>
    public SyncConfigProcess SecondHost()
    {
        var second = new SyncConfigProcess();
        var copy = second.Combine("repository");
        foreach (var file in Directory.EnumerateFiles(Repository, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(copy, Path.GetRelativePath(Repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(file));
        }
        foreach (var (name, value) in Cli.Environment)
            second.Environment[name] = value == Repository ? copy : value;
        File.Copy(Cli.ConfigFile, second.ConfigFile, overwrite: true);
        return second;
    }

    /// <summary>
    /// Routes the executable to the server through relays that a test can take down and bring back, standing in for a
    /// server stopped and restarted (the shared server itself keeps running for the other tests). The relays listen on
    /// a loopback address of their own with the server's ports, since the definitions fix the port.
    /// </summary>
    public abstract ServerOutage RouteThroughRelay();

    /// <summary>
    /// Gives the remote folder only <paramref name="bytes"/> of space: a tmpfs mounted under the server's folder
    /// (SFTP, FTP, FTPS, SMB; needs root) or a quota on the bucket (S3, created with <c>Create(kind, fullBucket: true)</c>).
    /// </summary>
    public abstract SmallSpace LimitSpace(long bytes);

    /// <summary>
    /// Downloads the sync's remote folder with the server's own plain client (sftp, curl, smbclient, rclone) into
    /// <paramref name="destination"/>; returns the client's exit code and output.
    /// </summary>
    public abstract (int ExitCode, string Output) RestoreWithPlainClient(string destination);

    public static ReliabilityTarget Create(string kind, bool fullBucket = false) => kind switch
    {
        "Local Path" => new DiskTarget(kind, "DemoOffsite", "Demo", LocalPath),
        "SFTP" => new DiskTarget(kind, "SftpTestOffsite", "Offsite", Sftp),
        "FTP" => new DiskTarget(kind, "FtpTestOffsite", "FtpOffsite", (cli, _) => Ftp(cli, "127.0.0.1")),
        // FTPS by name: .NET resumes TLS sessions on the data connections only for a named host.
        "FTPS" => new DiskTarget(kind, "FtpsTestOffsite", "FtpsOffsite", (cli, _) => Ftp(cli, "localhost")),
        "SMB" => new DiskTarget(kind, "SmbTestOffsite", "SmbOffsite", Smb),
        "S3" => new S3Target(fullBucket),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such target kind"),
    };

    /// <summary>Generates the repository: a seeded demo repository of about <paramref name="megabytes"/> MB plus one larger image.</summary>
    public void GenerateRepository(int seed, int megabytes, int largeMegabytes)
    {
        new DemoRepository(Repository, seed, megabytes).Generate();
        if (largeMegabytes > 0)
        {
            var folder = Directory.EnumerateDirectories(Repository, "*", SearchOption.AllDirectories).First(d => Directory.GetFiles(d).Length > 0);
            var content = new byte[largeMegabytes << 20];
            new Random(seed).NextBytes(content);
            File.WriteAllBytes(Path.Combine(folder, "large-full.mrimg"), content);
        }
    }

    /// <summary>Every file of the repository outside its metadata folder, by '/'-separated relative path.</summary>
    public Dictionary<string, FileFacts> LocalSnapshot() => FolderFacts(Repository, skipMetadata: true);

    /// <summary>Every file under the sync's remote folder, metadata included, by '/'-separated path relative to it.</summary>
    public abstract Task<Dictionary<string, FileFacts>> RemoteFilesAsync();

    public abstract Task<byte[]?> ReadRemoteAsync(string path);

    /// <summary>Whether the file is on the remote (cheap enough to poll).</summary>
    public abstract Task<bool> RemoteExistsAsync(string path);

    public abstract Task WriteRemoteAsync(string path, byte[] content);

    public abstract Task DeleteRemoteAsync(string path);

    /// <summary>Multipart uploads begun and never completed or aborted (S3 only; 0 elsewhere).</summary>
    public virtual Task<int> PendingMultipartUploadsAsync() => Task.FromResult(0);

    /// <summary>The last attempt's report (status/&lt;sync&gt;.json).</summary>
    public JsonElement LastAttempt() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Cli.StatusFolder, Sync + ".json"))).RootElement.GetProperty("lastAttempt").Clone();

    public virtual ValueTask DisposeAsync()
    {
        Cli.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public static Dictionary<string, FileFacts> FolderFacts(string root, bool skipMetadata)
    {
        var facts = new Dictionary<string, FileFacts>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
            return facts;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (skipMetadata && relative.StartsWith(".syncconfig/", StringComparison.Ordinal))
                continue;
            facts[relative] = Facts(File.ReadAllBytes(file));
        }
        return facts;
    }

    public static FileFacts Facts(byte[] content) => new(content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)));

    private static string LocalPath(SyncConfigProcess cli, string repository)
    {
        var target = cli.Combine("offsite");
        Directory.CreateDirectory(target);
        cli.Environment[DemoCommand.RepositoryVariable] = repository;
        cli.Environment[DemoCommand.TargetVariable] = target;
        return target;
    }

    private static string Sftp(SyncConfigProcess cli, string repository)
    {
        var target = TestServers.NewHomeFolder("reliability-sftp");
        cli.Environment["SYNCTEST_SFTP_REPOSITORY"] = repository;
        cli.Environment["SYNCTEST_SFTP_SERVER"] = TestServers.Get("SYNCTEST_HOST") + target;
        cli.Environment["SYNCTEST_SFTP_FOLDER"] = "Offsite";
        cli.Environment["SYNCTEST_SFTP_USER"] = TestServers.Get("SYNCTEST_USER");
        cli.Environment["SYNCTEST_SFTP_PASSWORD"] = TestServers.Get("SYNCTEST_PASSWORD");
        cli.Environment["SYNCTEST_SFTP_HOST_KEY"] = TestServers.Get("SYNCTEST_SFTP_HOST_KEY_SHA256");
        return target;
    }

    private static string Ftp(SyncConfigProcess cli, string host)
    {
        var target = TestServers.NewHomeFolder("reliability-ftp");
        cli.Environment["SYNCTEST_FTP_REPOSITORY"] = cli.Combine("repository");
        cli.Environment["SYNCTEST_FTP_SERVER"] = host + target;
        foreach (var name in new[] { "SYNCTEST_USER", "SYNCTEST_PASSWORD", "SYNCTEST_FTPS_CERT_SHA256" })
            cli.Environment[name] = TestServers.Get(name);
        return target;
    }

    private static string Smb(SyncConfigProcess cli, string repository)
    {
        var folder = TestServers.NewSmbFolder("reliability");
        cli.Environment["SYNCTEST_SMB_REPOSITORY"] = repository;
        cli.Environment["SYNCTEST_SMB_PATH"] = $@"\\{TestServers.Get("SYNCTEST_HOST")}\{TestServers.Get("SYNCTEST_SMB_SHARE")}\{folder}";
        foreach (var name in new[] { "SYNCTEST_USER", "SYNCTEST_PASSWORD" })
            cli.Environment[name] = TestServers.Get(name);
        return Path.Combine(TestServers.Get("SYNCTEST_SMB_SHARE_PATH"), folder);
    }

    /// <summary>A target whose server writes into a folder of this machine (Local Path, SFTP, FTP, FTPS, SMB).</summary>
    private sealed class DiskTarget : ReliabilityTarget
    {
        private readonly string _target;
        private readonly bool _network;

        public DiskTarget(string kind, string sync, string folderName, Func<SyncConfigProcess, string, string> setUp)
            : base(kind, sync)
        {
            _target = setUp(Cli, Repository);
            _network = kind != "Local Path";
            RemoteRoot = Path.Combine(_target, folderName);
        }

        public string RemoteRoot { get; }

        public override IReadOnlyList<string> Secrets => _network ? [TestServers.Get("SYNCTEST_PASSWORD")] : [];

        public override string? SecretVariable => Kind switch
        {
            "Local Path" => null,
            "SFTP" => "SYNCTEST_SFTP_PASSWORD",
            _ => "SYNCTEST_PASSWORD",
        };

        public override ServerOutage RouteThroughRelay()
        {
            ServerOutage outage;
            string address;
            switch (Kind)
            {
                case "SFTP":
                    outage = ServerOutage.OnOwnAddress([Port("SYNCTEST_SFTP_PORT")], out address);
                    Cli.Environment["SYNCTEST_SFTP_SERVER"] = address + _target;
                    break;
                case "FTPS":
                    // The data connections go to the control connection's address: vsftpd's passive ports
                    // (FTPS_PASSIVE in scripts/servers/lib/common.sh) are relayed too.
                    outage = ServerOutage.OnOwnAddress([Port("SYNCTEST_FTPS_PORT"), .. Enumerable.Range(30020, 20)], out address);
                    Cli.Environment["SYNCTEST_FTP_SERVER"] = address + _target;
                    break;
                case "SMB":
                    outage = ServerOutage.OnOwnAddress([Port("SYNCTEST_SMB_PORT")], out address);
                    Cli.Environment["SYNCTEST_SMB_PATH"] = $@"\\{address}\{TestServers.Get("SYNCTEST_SMB_SHARE")}\{Path.GetFileName(_target)}";
                    break;
                default:
                    throw new NotSupportedException($"{Kind} is not relayed (Local Path has no server; pure-ftpd's 200 passive ports are not worth relaying beside vsftpd's FTPS)");
            }
            return outage;
        }

        public override SmallSpace LimitSpace(long bytes) => _network
            ? SmallSpace.Tmpfs(_target, bytes)
            : throw new NotSupportedException("Local Path's full disk is EngineBehaviourTests.FullTargetDiskFailsWithADiskFullMessageAndLeavesNothing");

        public override (int ExitCode, string Output) RestoreWithPlainClient(string destination)
        {
            Directory.CreateDirectory(destination);
            var user = TestServers.Get("SYNCTEST_USER");
            var state = TestServers.Get("SYNCTEST_STATE");
            var host = TestServers.Get("SYNCTEST_HOST");
            switch (Kind)
            {
                case "SFTP":
                    // OpenSSH's sftp with the account's key, the server pinned by the known_hosts file the servers wrote.
                    var batch = Cli.Combine("sftp.batch");
                    File.WriteAllText(batch, $"lcd \"{destination}\"\ncd \"{RemoteRoot}\"\nget -r .\n");
                    return DotnetTool.Run("sftp", destination, TimeSpan.FromMinutes(2), "-q", "-b", batch, "-P", Port("SYNCTEST_SFTP_PORT").ToString(CultureInfo.InvariantCulture),
                        "-i", Path.Combine(state, "sftp", "id_ed25519"), "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + TestServers.Get("SYNCTEST_SFTP_KNOWN_HOSTS"),
                        $"{user}@{host}");
                case "FTP":
                    return CurlEveryCommittedFile(destination, user, host);
                case "SMB":
                    var credentials = Cli.Combine("smbclient.credentials");
                    File.WriteAllText(credentials, $"username={user}\npassword={TestServers.Get("SYNCTEST_PASSWORD")}\n");
                    OwnerOnly(credentials);
                    var folder = Path.GetRelativePath(TestServers.Get("SYNCTEST_SMB_SHARE_PATH"), RemoteRoot).Replace('/', '\\');
                    return DotnetTool.Run("smbclient", destination, TimeSpan.FromMinutes(2), $"//{host}/{TestServers.Get("SYNCTEST_SMB_SHARE")}",
                        "-p", Port("SYNCTEST_SMB_PORT").ToString(CultureInfo.InvariantCulture), "-A", credentials,
                        "-c", $"prompt OFF; recurse ON; cd \"{folder}\"; lcd \"{destination}\"; mget *");
                default:
                    throw new NotSupportedException($"no plain client chosen for {Kind}");
            }
        }

        /// <summary>
        /// curl has no recursive download: it fetches the newest committed manifest (the folder listing is curl's own),
        /// then every file the manifest names, each over its own connection.
        /// </summary>
        private (int ExitCode, string Output) CurlEveryCommittedFile(string destination, string user, string host)
        {
            var netrc = Cli.Combine("curl.netrc");
            File.WriteAllText(netrc, $"machine {host} login {user} password {TestServers.Get("SYNCTEST_PASSWORD")}\n");
            OwnerOnly(netrc);
            // FTP paths are relative to the account's home.
            var root = $"ftp://{host}:{Port("SYNCTEST_PUREFTPD_PORT")}/{Path.GetRelativePath(TestServers.Get("SYNCTEST_HOME"), RemoteRoot)}/";
            var (listed, names) = DotnetTool.Run("curl", destination, TimeSpan.FromMinutes(1), "-sS", "--netrc-file", netrc, "--list-only", root + ".syncconfig/manifests/");
            if (listed != 0)
                return (listed, names);
            var manifest = names.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Max(StringComparer.Ordinal);
            var paths = new List<string> { ".syncconfig/manifests/" + manifest };
            var (fetched, output) = DotnetTool.Run("curl", destination, TimeSpan.FromMinutes(1), "-sS", "--netrc-file", netrc, "--create-dirs", "-o", paths[0], root + paths[0]);
            if (fetched != 0)
                return (fetched, output);
            foreach (var file in JsonDocument.Parse(File.ReadAllBytes(Path.Combine(destination, paths[0]))).RootElement.GetProperty("files").EnumerateArray())
            {
                var path = file.GetProperty("path").GetString()!;
                (fetched, output) = DotnetTool.Run("curl", destination, TimeSpan.FromMinutes(1), "-sS", "--netrc-file", netrc, "--create-dirs", "-o", path,
                    root + string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
                if (fetched != 0)
                    return (fetched, $"{path}: {output}");
            }
            return (0, "");
        }

        private static void OwnerOnly(string file)
        {
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        private static int Port(string name) => int.Parse(TestServers.Get(name), CultureInfo.InvariantCulture);

        public override Task<Dictionary<string, FileFacts>> RemoteFilesAsync() => Task.FromResult(FolderFacts(RemoteRoot, skipMetadata: false));

        public override Task<byte[]?> ReadRemoteAsync(string path)
        {
            var file = Path.Combine(RemoteRoot, path);
            return Task.FromResult(File.Exists(file) ? File.ReadAllBytes(file) : null);
        }

        public override Task<bool> RemoteExistsAsync(string path) => Task.FromResult(File.Exists(Path.Combine(RemoteRoot, path)));

        public override Task WriteRemoteAsync(string path, byte[] content)
        {
            var file = Path.Combine(RemoteRoot, path);
            var created = new List<string>();
            for (var folder = Path.GetDirectoryName(file)!; !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
                created.Add(folder);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            if (!OperatingSystem.IsWindows())
            {
                foreach (var folder in created)
                    File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
            }
            File.WriteAllBytes(file, content);
            // The server acts as the test account: what the test writes must stay writable for it.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(file, (UnixFileMode)0b110_110_110);
            return Task.CompletedTask;
        }

        public override Task DeleteRemoteAsync(string path)
        {
            File.Delete(Path.Combine(RemoteRoot, path));
            return Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            try
            {
                if (_network && Directory.Exists(_target))
                    Directory.Delete(_target, recursive: true);
            }
            catch (IOException)
            {
                // A server still closing a handle: the folder is left for the state folder's owner to remove.
            }
            await base.DisposeAsync();
        }
    }

    /// <summary>The S3 test server (Swift's s3api), read and changed through the S3 transport.</summary>
    private sealed class S3Target : ReliabilityTarget
    {
        private const string Folder = "Demo";
        private readonly S3Transport _transport;
        private readonly S3Settings _settings;

        /// <summary>The bucket the out-of-space tests give a quota; the shared bucket never gets one.</summary>
        private const string FullBucket = "syncconfig-reliability-full";

        public S3Target(bool fullBucket)
            : base("S3", "S3Offsite")
        {
            if (fullBucket)
                SmallSpace.Quota(FullBucket, "clear");
            _settings = new S3Settings(S3Service.Custom, new Uri(TestServers.Get("SYNCTEST_S3_ENDPOINT")).Authority, useHttps: false,
                fullBucket ? FullBucket : TestServers.Get("SYNCTEST_S3_BUCKET"), TestServers.Get("SYNCTEST_S3_REGION"), $"reliability/{Guid.NewGuid():N}",
                TestServers.Get("SYNCTEST_S3_ACCESS_KEY"), TestServers.Get("SYNCTEST_S3_SECRET_KEY"));
            _transport = new S3Transport(S3TransportFactory.TargetOf(_settings));
            Cli.Environment["SYNCTEST_S3_REPOSITORY"] = Repository;
            Cli.Environment["SYNCCONFIG_S3_ENDPOINT"] = _settings.Endpoint;
            Cli.Environment["SYNCCONFIG_S3_BUCKET"] = _settings.Bucket;
            Cli.Environment["SYNCCONFIG_S3_REGION"] = _settings.Region;
            Cli.Environment["SYNCCONFIG_S3_ROOT"] = _settings.RootPath;
            Cli.Environment["SYNCCONFIG_S3_ACCESS_KEY"] = _settings.AccessKey;
            Cli.Environment["SYNCCONFIG_S3_SECRET_KEY"] = _settings.SecretKey;
        }

        public override IReadOnlyList<string> Secrets => [_settings.SecretKey];

        public override ServerOutage RouteThroughRelay()
        {
            var outage = ServerOutage.OnFreePort(new Uri(TestServers.Get("SYNCTEST_S3_ENDPOINT")).Port, out var authority);
            Cli.Environment["SYNCCONFIG_S3_ENDPOINT"] = authority;
            return outage;
        }

        public override SmallSpace LimitSpace(long bytes) => _settings.Bucket == FullBucket
            ? SmallSpace.BucketQuota(FullBucket, bytes)
            : throw new InvalidOperationException("a quota on the shared bucket would fill it for every other test: Create(\"S3\", fullBucket: true)");

        /// <summary>rclone (the benchmarks' peer, configured for the test servers by scripts/servers/rclone).</summary>
        public override (int ExitCode, string Output) RestoreWithPlainClient(string destination) =>
            DotnetTool.Run("bash", DotnetTool.RepositoryRoot(), TimeSpan.FromMinutes(2), Path.Combine("scripts", "servers", "rclone"),
                "copy", $"s3:{_settings.Bucket}/{_settings.RootPath}/{Folder}", destination);

        public override string? SecretVariable => "SYNCCONFIG_S3_SECRET_KEY";

        public override async Task<Dictionary<string, FileFacts>> RemoteFilesAsync()
        {
            var facts = new Dictionary<string, FileFacts>(StringComparer.Ordinal);
            await foreach (var file in _transport.ListFilesAsync(Folder, CancellationToken.None))
            {
                var relative = file.Path.StartsWith(Folder + "/", StringComparison.Ordinal) ? file.Path[(Folder.Length + 1)..] : file.Path;
                facts[relative] = Facts((await ReadRemoteAsync(relative))!);
            }
            return facts;
        }

        public override async Task<byte[]?> ReadRemoteAsync(string path)
        {
            if (await _transport.GetFileAsync($"{Folder}/{path}", CancellationToken.None) is null)
                return null;
            await using var stream = await _transport.OpenReadAsync($"{Folder}/{path}", CancellationToken.None);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        }

        public override async Task<bool> RemoteExistsAsync(string path) =>
            await _transport.GetFileAsync($"{Folder}/{path}", CancellationToken.None) is not null;

        public override async Task WriteRemoteAsync(string path, byte[] content)
        {
            using var stream = new MemoryStream(content);
            await _transport.WriteAsync($"{Folder}/{path}", stream, Transports.WriteMode.Replace, CancellationToken.None);
        }

        public override Task DeleteRemoteAsync(string path) => _transport.DeleteFileAsync($"{Folder}/{path}", CancellationToken.None);

        public override async Task<int> PendingMultipartUploadsAsync() =>
            (await _transport.ListInterruptedUploadsAsync("", CancellationToken.None)).Count;

        public override async ValueTask DisposeAsync()
        {
            try
            {
                await _transport.DeleteFolderAsync("", CancellationToken.None);
            }
            finally
            {
                await _transport.DisposeAsync();
                await base.DisposeAsync();
            }
        }
    }
}
