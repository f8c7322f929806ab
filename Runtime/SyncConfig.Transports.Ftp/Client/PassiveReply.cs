using System.Globalization;

namespace SyncConfig.Transports.Ftp.Client;

/// <summary>
/// The data port of an EPSV (229, RFC 2428) or PASV (227) reply. Only the port is taken: the data connection always goes
/// to the control connection's address, so a reply naming another host (a NAT's inside address, or a server trying to
/// turn the client against a third machine) cannot send data anywhere else.
/// </summary>
public static class PassiveReply
{
    /// <summary>"229 Entering Extended Passive Mode (|||6446|)": any printable delimiter, three of them before the port.</summary>
    public static int ExtendedPort(FtpReply reply)
    {
        var text = reply.Text;
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open + 5)
            throw Malformed(reply);
        var inner = text.AsSpan(open + 1, close - open - 1);
        var delimiter = inner[0];
        if (delimiter is < '!' or > '~' || inner[1] != delimiter || inner[2] != delimiter || inner[^1] != delimiter)
            throw Malformed(reply);
        return Port(inner[3..^1], reply);
    }

    /// <summary>"227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)": the six numbers, with or without parentheses.</summary>
    public static (string Address, int Port) ClassicEndpoint(FtpReply reply)
    {
        var text = reply.Text;
        for (var start = 0; start < text.Length; start++)
        {
            if (!char.IsAsciiDigit(text[start]) || (start > 0 && char.IsAsciiDigit(text[start - 1])))
                continue;
            var end = start;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == ','))
                end++;
            var parts = text[start..end].Split(',');
            if (parts.Length != 6)
                continue;
            var numbers = new int[6];
            for (var i = 0; i < 6; i++)
            {
                if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] > 255)
                    throw Malformed(reply);
            }
            var port = numbers[4] * 256 + numbers[5];
            if (port == 0)
                throw Malformed(reply);
            return (string.Join('.', numbers[..4]), port);
        }
        throw Malformed(reply);
    }

    private static int Port(ReadOnlySpan<char> digits, FtpReply reply) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw Malformed(reply);

    private static FtpException Malformed(FtpReply reply) =>
        new(FtpFailure.Protocol, $"The server's passive-mode reply names no usable port: '{reply.Quoted}'.", reply);
}
