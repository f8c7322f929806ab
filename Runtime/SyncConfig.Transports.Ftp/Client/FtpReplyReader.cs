using System.Globalization;
using System.Text;

namespace SyncConfig.Transports.Ftp.Client;

/// <summary>
/// Reads replies from a control connection (RFC 959 §4.2): "123 text", or "123-text" then any lines up to one that starts
/// with "123 ". A line may end with CRLF or a bare LF. The limits keep a hostile or broken server from holding the
/// client in an endless reply or an endless line.
/// </summary>
internal sealed class FtpReplyReader(Stream stream)
{
    public const int MaxLineLength = 8 * 1024;
    public const int MaxLines = 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly byte[] _buffer = new byte[MaxLineLength + 2];
    private int _start;
    private int _end;

    /// <summary>Bytes received past the last reply: after AUTH TLS that would be plain text injected before the handshake.</summary>
    public bool HasBufferedData => _end > _start;

    public async Task<FtpReply> ReadAsync(CancellationToken cancellationToken)
    {
        var first = await ReadLineAsync(cancellationToken);
        if (!TryParseCode(first, out var code) || (first.Length > 3 && first[3] is not (' ' or '-')))
            throw new FtpException(FtpFailure.Protocol, $"The server sent a line that is not an FTP reply: '{FtpReply.Clean(first)}'.");
        var lines = new List<string> { first.Length > 4 ? first[4..] : "" };
        if (first.Length > 3 && first[3] == '-')
        {
            var last = code.ToString(CultureInfo.InvariantCulture);
            while (true)
            {
                if (lines.Count >= MaxLines)
                    throw new FtpException(FtpFailure.Protocol, $"The server's {code} reply went on for more than {MaxLines} lines.");
                var line = await ReadLineAsync(cancellationToken);
                if (line.StartsWith(last, StringComparison.Ordinal) && (line.Length == 3 || line[3] == ' '))
                {
                    lines.Add(line.Length > 4 ? line[4..] : "");
                    break;
                }
                lines.Add(line.TrimStart());
            }
        }
        return new FtpReply(code, lines);
    }

    private static bool TryParseCode(string line, out int code)
    {
        code = 0;
        if (line.Length < 3 || line[0] is < '1' or > '5' || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2]))
            return false;
        code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
        return true;
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r')
                    length--;
                var line = Utf8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }
            if (_end - _start > MaxLineLength)
                throw new FtpException(FtpFailure.Protocol, $"The server sent a reply line longer than {MaxLineLength} bytes.");
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
                throw new FtpException(FtpFailure.ConnectionLost, "The server closed the control connection.");
            _end += read;
        }
    }
}
