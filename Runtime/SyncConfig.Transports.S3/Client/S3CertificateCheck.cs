using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SyncConfig.Rules;

namespace SyncConfig.Transports.S3.Client;

/// <summary>
/// The store's TLS certificate, checked at every handshake: with a pin (CertificateFingerprint) exactly that
/// certificate and no other (name and chain are not checked: the pin is the trust); without one, a certificate valid
/// for the host that chains to an authority this machine trusts. A refusal is kept for the message, with the
/// fingerprint the store showed, so a person can check it on the server and pin it.
/// </summary>
internal sealed class S3CertificateCheck(string endpoint, byte[]? pinned)
{
    private volatile string? _refusal;

    /// <summary>Why the store's certificate was refused, naming what to fix; null while none was.</summary>
    public string? Refusal => _refusal;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            _refusal = $"The S3 store at {endpoint} presented no TLS certificate. Nothing was sent to it. Check Endpoint and UseHttps.";
            return false;
        }
        var hash = certificate.GetCertHash(HashAlgorithmName.SHA256);
        if (pinned is not null)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, pinned))
                return true;
            _refusal = $"The TLS certificate of the S3 store at {endpoint} has the SHA-256 fingerprint {CertificateFingerprint.Format(hash)}, but " +
                $"CertificateFingerprint pins {CertificateFingerprint.Format(pinned)}. Nothing was sent to it. If the store's certificate was replaced " +
                "on purpose, put the new fingerprint into CertificateFingerprint; otherwise something else answers at that address.";
            return false;
        }
        if (errors == SslPolicyErrors.None)
            return true;
        var why = errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            ? "is not issued for the endpoint's host"
            : "is not trusted by this machine" + (chain?.ChainStatus is { Length: > 0 } status ? $" ({status[0].StatusInformation.Trim()})" : "");
        _refusal = $"The TLS certificate of the S3 store at {endpoint} {why}. Nothing was sent to it. If the store uses its own (self-signed) " +
            $"certificate, compare its fingerprint on the server (openssl x509 -noout -fingerprint -sha256 -in CERTIFICATE) with " +
            $"{CertificateFingerprint.Format(hash)} and pin it with CertificateFingerprint, or add the authority that issued it to this " +
            "machine's trusted certificates.";
        return false;
    }

    /// <summary>A handshake that failed before any certificate was judged (protocol or cipher mismatch).</summary>
    public string Untrusted(string detail) =>
        $"The TLS connection to the S3 store at {endpoint} failed ({detail}). Nothing was sent to it. Check Endpoint and UseHttps.";
}
