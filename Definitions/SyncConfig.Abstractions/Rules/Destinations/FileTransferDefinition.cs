using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary><c>[FileTransferSync]</c>.</summary>
public sealed class FileTransferDefinition : DestinationDefinition
{
    public FileTransferProtocol Protocol { get; set; }
    public string? Server { get; set; }

    /// <summary>0 means the protocol's default.</summary>
    public int Port { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? HostKeyFingerprint { get; set; }
    public string? PrivateKeyFile { get; set; }
    public string? PrivateKeyPassphrase { get; set; }
    public string? CertificateFingerprint { get; set; }

    public override IEnumerable<KeyValuePair<string, string?>> StringSettings => new[]
    {
        new KeyValuePair<string, string?>(Setting.Server, Server),
        new KeyValuePair<string, string?>(Setting.UserName, UserName),
        new KeyValuePair<string, string?>(Setting.Password, Password),
        new KeyValuePair<string, string?>(Setting.HostKeyFingerprint, HostKeyFingerprint),
        new KeyValuePair<string, string?>(Setting.PrivateKeyFile, PrivateKeyFile),
        new KeyValuePair<string, string?>(Setting.PrivateKeyPassphrase, PrivateKeyPassphrase),
        new KeyValuePair<string, string?>(Setting.CertificateFingerprint, CertificateFingerprint),
        new KeyValuePair<string, string?>(Setting.FolderName, FolderName),
    };

    /// <summary>Protocol-independent: an SFTP and an FTPS sync to the same host and folder share the disk.</summary>
    public override string TargetLocation =>
        "ftp:" + (IsDeferred(Server, DefinitionStage.AsWritten)
            ? Server
            : FileTransferAddress.Parse(Protocol, Server, Port) is { Value: { } address } ? address.Host + address.AbsolutePath : Server);

    protected override IEnumerable<RuleViolation> ValidateDestination(DefinitionStage stage)
    {
        var violations = new List<RuleViolation>();
        if (!IsDeferred(Server, stage))
        {
            violations.AddRange(FileTransferAddress.Parse(Protocol, Server, Port, Known(UserName, stage)).Violations);
        }
        else
        {
            violations.AddRange(FileTransferAddress.CheckPort(Protocol, Port));
        }

        if (string.IsNullOrEmpty(UserName))
        {
            violations.Add(RuleCatalog.UserNameRequired.Violation(Setting.UserName, null, Protocol.ToString().ToUpperInvariant(), "backup"));
        }

        if (Protocol == FileTransferProtocol.Sftp)
        {
            if (HostKeyFingerprint == null)
            {
                violations.Add(RuleCatalog.MissingHostKeyFingerprint.Violation(Setting.HostKeyFingerprint, null, Server ?? "", "SHA256:<base64 of the host key hash>"));
            }
            else if (!IsDeferred(HostKeyFingerprint, stage))
            {
                violations.AddRange(Rules.HostKeyFingerprint.Parse(HostKeyFingerprint).Violations);
            }
        }

        if (CertificateFingerprint != null && !IsDeferred(CertificateFingerprint, stage))
        {
            violations.AddRange(Rules.CertificateFingerprint.Parse(CertificateFingerprint).Violations);
        }

        violations.AddRange(Secrets(stage, Setting.Password, Setting.PrivateKeyPassphrase));
        return violations;
    }
}
