using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace SyncConfig.Transports.Ftp.Client;

/// <summary>
/// A checksum the server computes over a whole file, so a resumed upload's prefix is verified without reading it back:
/// HASH (draft-bryan-ftpext-hash, FileZilla Server and others) or one of the older X-commands (XSHA256, XSHA1, XMD5,
/// XCRC: Serv-U, Gene6, IIS extensions). Picked from FEAT, strongest first.
/// </summary>
public sealed record ServerChecksum(string Algorithm, string Command, string? SelectCommand)
{
    private static readonly string[] HashAlgorithms = ["SHA-256", "SHA-512", "SHA-1", "MD5", "CRC32"];

    private static readonly (string Feature, string Algorithm)[] XCommands =
        [("XSHA256", "SHA-256"), ("XSHA512", "SHA-512"), ("XSHA1", "SHA-1"), ("XMD5", "MD5"), ("XCRC", "CRC32")];

    /// <summary>The strongest checksum the server offers, or null.</summary>
    public static ServerChecksum? Choose(FtpFeatures features)
    {
        if (features.Parameters("HASH") is { } offered)
        {
            var names = offered.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => n.TrimEnd('*')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var algorithm in HashAlgorithms)
            {
                if (names.Contains(algorithm))
                    return new ServerChecksum(algorithm, "HASH", "OPTS HASH " + algorithm);
            }
        }
        foreach (var (feature, algorithm) in XCommands)
        {
            if (features.Has(feature))
                return new ServerChecksum(algorithm, feature, null);
        }
        return null;
    }

    /// <summary>The digest in a reply ("213 SHA-256 0-49 9f86d0… name" or "250 9F86D0…"), or null when none is there.</summary>
    public byte[]? DigestIn(FtpReply reply)
    {
        var hexLength = DigestLength * 2;
        foreach (var token in reply.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length == hexLength && token.All(char.IsAsciiHexDigit))
                return Convert.FromHexString(token);
        }
        return null;
    }

    /// <summary>The same checksum over local bytes.</summary>
    public async Task<byte[]> ComputeAsync(Stream content, CancellationToken cancellationToken)
    {
        if (Algorithm == "CRC32")
        {
            var crc = new Crc32();
            await crc.AppendAsync(content, cancellationToken);
            // XCRC and HASH CRC32 print the value as a number: big-endian, unlike Crc32's own byte order.
            var digest = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(digest, crc.GetCurrentHashAsUInt32());
            return digest;
        }
        using var hash = IncrementalHash.CreateHash(Algorithm switch
        {
            "SHA-256" => HashAlgorithmName.SHA256,
            "SHA-512" => HashAlgorithmName.SHA512,
            "SHA-1" => HashAlgorithmName.SHA1,
            _ => HashAlgorithmName.MD5,
        });
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            hash.AppendData(buffer, 0, read);
        return hash.GetHashAndReset();
    }

    private int DigestLength => Algorithm switch
    {
        "SHA-256" => 32,
        "SHA-512" => 64,
        "SHA-1" => 20,
        "MD5" => 16,
        _ => 4,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Command} ({Algorithm})");
}
