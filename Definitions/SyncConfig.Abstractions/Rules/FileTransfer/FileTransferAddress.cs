using System.Collections.Generic;
using System.Linq;

namespace SyncConfig.Rules;

/// <summary>
/// A file-transfer server string <c>host[/path…]</c> with its port, parsed: the host, the effective port
/// (21 for FTP/FTPS, 22 for SFTP when none is given) and the absolute path segments from the server root.
/// </summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class FileTransferAddress : System.IEquatable<FileTransferAddress>
{
    public FileTransferAddress(FileTransferProtocol protocol, string host, int port, IReadOnlyList<string> segments)
    {
        Protocol = protocol;
        Host = host;
        Port = port;
        Segments = segments;
    }

    public FileTransferProtocol Protocol { get; }

    /// <summary>Lower case: host names compare without case.</summary>
    public string Host { get; }
    public int Port { get; }
    public IReadOnlyList<string> Segments { get; }

    /// <summary><c>/home/backups/macrium</c>; <c>/</c> for the server root.</summary>
    public string AbsolutePath => "/" + string.Join("/", Segments);

    /// <summary>The server string in its normalized form, <c>host/path</c>.</summary>
    public string Server => Host + (Segments.Count == 0 ? "" : AbsolutePath);

    public override string ToString() => Protocol.ToString().ToLowerInvariant() + "://" + Host + ":" + Port + AbsolutePath;

    public bool Equals(FileTransferAddress? other) => other != null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as FileTransferAddress);

    public override int GetHashCode() => ToString().GetHashCode();

    public static int DefaultPort(FileTransferProtocol protocol) => protocol == FileTransferProtocol.Sftp ? 22 : 21;

    /// <summary>A port as written: 0 (the protocol's default) or 1–65535.</summary>
    public static IReadOnlyList<RuleViolation> CheckPort(FileTransferProtocol protocol, int port) =>
        port >= 0 && port <= 65535
            ? new RuleViolation[0]
            : new[]
            {
                RuleCatalog.PortOutOfRange.Violation(Setting.Port, null,
                    port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    DefaultPort(protocol).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };

    /// <param name="port">As written; 0 means the protocol's default.</param>
    /// <param name="userName">Used only to make the home-folder example concrete.</param>
    public static RuleResult<FileTransferAddress> Parse(
        FileTransferProtocol protocol, string? server, int port = 0, string? userName = null, string setting = Setting.Server)
    {
        var violations = new List<RuleViolation>(CheckPort(protocol, port));

        var example = "example.com/home/backups/macrium";
        if (string.IsNullOrWhiteSpace(server))
        {
            violations.Add(RuleCatalog.InvalidServer.Violation(setting, null, server ?? "", "is empty", example));
            return new RuleResult<FileTransferAddress>(null, violations);
        }

        var text = server!;
        var schemeEnd = text.IndexOf("://", System.StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var scheme = text.Substring(0, schemeEnd + 3);
            text = text.Substring(schemeEnd + 3);
            violations.Add(RuleCatalog.SchemeInServer.Violation(setting, text.Replace('\\', '/'), server!, scheme, text.Replace('\\', '/')));
        }

        if (text.IndexOf('\\') >= 0)
        {
            var corrected = text.Replace('\\', '/');
            violations.Add(RuleCatalog.WrongPathSeparator.Violation(setting, corrected, "Server path", server!, "forward slash", corrected));
            text = corrected;
        }

        var slash = text.IndexOf('/');
        var host = (slash < 0 ? text : text.Substring(0, slash)).ToLowerInvariant();
        var segments = slash < 0 ? new List<string>() : PathText.Segments(text.Substring(slash + 1), '/');
        var hostProblem = HostName.Problem(host, allowNetBiosName: false);
        if (hostProblem != null)
        {
            var hint = host.IndexOf(':') >= 0 && !HostName.IsIpAddress(host) ? " (give a port with Port = …)" : "";
            violations.Add(RuleCatalog.InvalidServer.Violation(setting, null, server!, hostProblem + hint, example));
            return new RuleResult<FileTransferAddress>(null, violations);
        }

        var address = new FileTransferAddress(protocol, host, port == 0 ? DefaultPort(protocol) : port, segments);
        if (protocol == FileTransferProtocol.Sftp && segments.Count <= 1)
        {
            var user = string.IsNullOrEmpty(userName) || PropertyReference.ContainsReference(userName) ? "<user>" : userName;
            var full = host + "/home/" + user + (segments.Count == 0 ? "" : "/" + segments[0]);
            violations.Add(RuleCatalog.SftpPathRelativeToHome.Violation(setting, null, server!, full));
        }

        return new RuleResult<FileTransferAddress>(address, violations);
    }
}
