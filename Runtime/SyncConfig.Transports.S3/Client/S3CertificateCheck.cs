using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SyncConfig.Rules;

namespace SyncConfig.Transports.S3.Client;

/// <summary>
/// The store's TLS certificate, judged at every handshake by <see cref="ServerCertificate"/> (the pin, or the machine's
/// trusted authorities). A refusal is kept for the message, with the fingerprint the store showed, so a person can check
/// it on the server and pin it.
/// </summary>
internal sealed class S3CertificateCheck(string endpoint, byte[]? pinned)
{
    private volatile string? _refusal;

    /// <summary>With a pin, the chain is never read: TLS need not build it against the machine's authorities.</summary>
    public X509ChainPolicy? ChainPolicy => pinned is null ? null : ServerCertificate.PinnedChainPolicy();

    /// <summary>Why the store's certificate was refused, naming what to fix; null while none was.</summary>
    public string? Refusal => _refusal;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var judged = ServerCertificate.Judge(certificate, chain, errors, pinned);
        if (judged.Accepted)
            return true;
        var seen = judged.Sha256 is { } hash ? CertificateFingerprint.Format(hash) : "";
        _refusal = judged.Verdict switch
        {
            CertificateVerdict.Missing => $"The S3 store at {endpoint} presented no TLS certificate. Nothing was sent to it. Check Endpoint and UseHttps.",
            CertificateVerdict.PinMismatch => $"The TLS certificate of the S3 store at {endpoint} has the SHA-256 fingerprint {seen}, but " +
                $"CertificateFingerprint pins {CertificateFingerprint.Format(pinned!)}. Nothing was sent to it. If the store's certificate was replaced " +
                "on purpose, put the new fingerprint into CertificateFingerprint; otherwise something else answers at that address.",
            _ => $"The TLS certificate of the S3 store at {endpoint} " +
                (judged.Verdict == CertificateVerdict.NameMismatch ? "is not issued for the endpoint's host" : "is not trusted by this machine" + judged.ChainProblem) +
                ". Nothing was sent to it. If the store uses its own (self-signed) certificate, compare its fingerprint on the server " +
                $"(openssl x509 -noout -fingerprint -sha256 -in CERTIFICATE) with {seen} and pin it with CertificateFingerprint, or add the " +
                "authority that issued it to this machine's trusted certificates.",
        };
        return false;
    }

    /// <summary>A handshake that failed before any certificate was judged (protocol or cipher mismatch).</summary>
    public string Untrusted(string detail) =>
        $"The TLS connection to the S3 store at {endpoint} failed ({detail}). Nothing was sent to it. Check Endpoint and UseHttps.";
}
