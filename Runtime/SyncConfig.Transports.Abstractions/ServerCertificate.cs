using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SyncConfig.Transports;

/// <summary>What a TLS server's certificate was judged to be (<see cref="ServerCertificate.Judge"/>).</summary>
public enum CertificateVerdict
{
    /// <summary>Valid for the host and issued by an authority this machine trusts; nothing pinned.</summary>
    Trusted,
    /// <summary>Exactly the pinned certificate.</summary>
    Pinned,
    /// <summary>The server presented none.</summary>
    Missing,
    /// <summary>Another certificate than the pinned one.</summary>
    PinMismatch,
    /// <summary>Nothing pinned, and the certificate is not issued for the host.</summary>
    NameMismatch,
    /// <summary>Nothing pinned, and no authority this machine trusts issued it.</summary>
    Untrusted,
}

/// <summary>
/// The one judgement of a TLS server's certificate, for every transport that speaks TLS (FTPS, S3 over HTTPS): with a
/// pin (CertificateFingerprint), exactly that certificate and no other (name and chain are not checked: the pin is the
/// trust); without one, a certificate valid for the host that chains to an authority this machine trusts. Nothing
/// accepts any certificate. Each transport words the refusal for its own setting names.
/// </summary>
/// <param name="Sha256">The certificate's SHA-256, for the message and a pin; null when there was none.</param>
/// <param name="ChainProblem">For <see cref="CertificateVerdict.Untrusted"/>: " (why the chain failed)", or "".</param>
public readonly record struct ServerCertificate(CertificateVerdict Verdict, byte[]? Sha256, string ChainProblem)
{
    public bool Accepted => Verdict is CertificateVerdict.Trusted or CertificateVerdict.Pinned;

    /// <summary>
    /// The chain policy for a connection whose certificate is judged by its hash alone (a pin, or an FTPS data connection
    /// that must present the control connection's certificate): TLS still builds a chain before the judgement, and
    /// against the machine's authorities that costs milliseconds a connection for a result nobody reads.
    /// </summary>
    public static X509ChainPolicy PinnedChainPolicy() => new()
    {
        TrustMode = X509ChainTrustMode.CustomRootTrust,
        RevocationMode = X509RevocationMode.NoCheck,
        DisableCertificateDownloads = true,
    };

    /// <summary>Judge a certificate in a <see cref="RemoteCertificateValidationCallback"/>.</summary>
    public static ServerCertificate Judge(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, byte[]? pinned)
    {
        if (certificate is null)
            return new(CertificateVerdict.Missing, null, "");
        var hash = certificate.GetCertHash(HashAlgorithmName.SHA256);
        if (pinned is not null)
            return new(CryptographicOperations.FixedTimeEquals(hash, pinned) ? CertificateVerdict.Pinned : CertificateVerdict.PinMismatch, hash, "");
        if (errors == SslPolicyErrors.None)
            return new(CertificateVerdict.Trusted, hash, "");
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            return new(CertificateVerdict.NameMismatch, hash, "");
        return new(CertificateVerdict.Untrusted, hash,
            chain?.ChainStatus is { Length: > 0 } status ? $" ({status[0].StatusInformation.Trim()})" : "");
    }
}
