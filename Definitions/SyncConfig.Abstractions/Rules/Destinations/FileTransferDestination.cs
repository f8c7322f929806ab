using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary><c>[FileTransferSync]</c>: an SFTP, FTP or FTPS server, <c>host/path</c> with no scheme.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
sealed class FileTransferDestination : DestinationKind
{
    internal FileTransferDestination()
        : base("FileTransfer")
    {
        Protocol = Add(nameof(Protocol), FileTransferProtocol.Ftp, required: true);
        Server = Text(nameof(Server), required: true, rule: CheckServer);
        Port = Add(nameof(Port), 0, rule: CheckPort);
        UserName = Text(nameof(UserName), rule: c => string.IsNullOrEmpty(c.Value)
            ? new[] { RuleCatalog.UserNameRequired.Violation(c.Name, null, c.Get(Protocol).ToString().ToUpperInvariant(), "backup") }
            : None);
        Password = Text(nameof(Password), secret: true);
        HostKeyFingerprint = Text(nameof(HostKeyFingerprint), rule: CheckHostKey);
        PrivateKeyFile = Text(nameof(PrivateKeyFile), rule: SftpOnly);
        PrivateKeyPassphrase = Text(nameof(PrivateKeyPassphrase), secret: true, rule: SftpOnly);
        CertificateFingerprint = Text(nameof(CertificateFingerprint), rule: c => c.Value == null || c.IsDeferred
            ? c.Ignored(c.Get(Protocol) == FileTransferProtocol.Ftps, ProtocolName(c.Get(Protocol)), "FTPS")
            : Concat(c.Ignored(c.Get(Protocol) == FileTransferProtocol.Ftps, ProtocolName(c.Get(Protocol)), "FTPS"),
                Rules.CertificateFingerprint.Parse(c.Value, c.Name).Violations));
    }

    public DestinationSetting<FileTransferProtocol> Protocol { get; }

    public DestinationSetting<string?> Server { get; }

    /// <summary>0 means the protocol's default (21 for FTP/FTPS, 22 for SFTP).</summary>
    public DestinationSetting<int> Port { get; }

    public DestinationSetting<string?> UserName { get; }

    public DestinationSetting<string?> Password { get; }

    /// <summary>SFTP: the server's host key as <c>SHA256:&lt;base64&gt;</c>.</summary>
    public DestinationSetting<string?> HostKeyFingerprint { get; }

    /// <summary>SFTP: a private key file used instead of, or with, the password.</summary>
    public DestinationSetting<string?> PrivateKeyFile { get; }

    public DestinationSetting<string?> PrivateKeyPassphrase { get; }

    /// <summary>FTPS: the server certificate's SHA-256 fingerprint to pin.</summary>
    public DestinationSetting<string?> CertificateFingerprint { get; }

    /// <summary>The port the server is reached on: the given one, or the protocol's default.</summary>
    public int EffectivePort(DestinationValues values) =>
        values.Get(Port) == 0 ? FileTransferAddress.DefaultPort(values.Get(Protocol)) : values.Get(Port);

    public override string DisplayPath(DestinationValues values) =>
        values.Get(Protocol).ToString().ToLowerInvariant() + "://" + values.Get(Server);

    /// <summary>Protocol-independent: an SFTP and an FTPS sync to the same host and folder share the disk.</summary>
    public override string TargetLocation(DestinationValues values)
    {
        var server = values.Get(Server);
        return "ftp:" + (IsReference(server)
            ? server
            : FileTransferAddress.Parse(values.Get(Protocol), server, values.Get(Port)) is { Value: { } address } ? address.Host + address.AbsolutePath : server);
    }

    public override IEnumerable<NormalizedPart> Normalize(DestinationValues values)
    {
        yield return NormalizedPart.Number("Port", EffectivePort(values));
        var protocol = values.Get(Protocol);
        var port = values.Get(Port);
        var userName = values.Get(UserName);
        if (Literal(values.Get(Server), text => FileTransferAddress.Parse(protocol, text, port, userName)) is { } address)
        {
            yield return NormalizedPart.Text("Host", address.Host);
            yield return NormalizedPart.List("PathSegments", address.Segments);
        }
    }

    /// <summary>The port has its own row, so the address is parsed as if none were given.</summary>
    private IEnumerable<RuleViolation> CheckServer(SettingCheck<string?> check) =>
        check.IsDeferred ? None : FileTransferAddress.Parse(check.Get(Protocol), check.Value, userName: check.Known(UserName), setting: check.Name).Violations;

    /// <summary>
    /// 0 means "the protocol's default" only when left out: written, it is outside 1–65535 like any other, and the
    /// build can see it was written.
    /// </summary>
    private IEnumerable<RuleViolation> CheckPort(SettingCheck<int> check)
    {
        if (check.Stage == DefinitionStage.AsWritten && check.IsGiven && check.Value == 0)
        {
            var defaultPort = FileTransferAddress.DefaultPort(check.Get(Protocol)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new[] { RuleCatalog.PortOutOfRange.Violation(check.Name, null, "0", defaultPort) };
        }

        return FileTransferAddress.CheckPort(check.Get(Protocol), check.Value);
    }

    private IEnumerable<RuleViolation> SftpOnly(SettingCheck<string?> check) =>
        check.Ignored(check.Get(Protocol) == FileTransferProtocol.Sftp, ProtocolName(check.Get(Protocol)), "SFTP");

    private static string ProtocolName(FileTransferProtocol protocol) => protocol.ToString().ToUpperInvariant();

    private IEnumerable<RuleViolation> CheckHostKey(SettingCheck<string?> check)
    {
        if (check.Get(Protocol) != FileTransferProtocol.Sftp)
        {
            return check.Ignored(false, ProtocolName(check.Get(Protocol)), "SFTP");
        }

        if (check.IsDeferred)
        {
            return None;
        }

        return check.Value == null
            ? new[] { RuleCatalog.MissingHostKeyFingerprint.Violation(check.Name, null, check.Get(Server) ?? "", "SHA256:<base64 of the host key hash>") }
            : Rules.HostKeyFingerprint.Parse(check.Value, check.Name).Violations;
    }
}
