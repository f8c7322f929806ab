using System.Text;

namespace SyncConfig.Transports.Ftp.Client;

/// <summary>A server reply: its three-digit code and its text, one entry per line (the code stripped from the first and last).</summary>
public sealed record FtpReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>How much of a server's text a message quotes: a hostile server must not fill a log.</summary>
    private const int MaxQuotedLength = 300;

    public bool IsPreliminary => Code is >= 100 and < 200;
    public bool IsSuccess => Code is >= 200 and < 300;
    public bool IsIntermediate => Code is >= 300 and < 400;
    public bool IsTransientFailure => Code is >= 400 and < 500;
    public bool IsPermanentFailure => Code >= 500;

    /// <summary>The first line's text.</summary>
    public string Text => Lines.Count == 0 ? "" : Lines[0];

    /// <summary>The reply as a person reads it in a message: code and text, control characters removed, length capped.</summary>
    public string Quoted => Code + " " + Clean(string.Join(" ", Lines.Where(l => l.Length > 0)));

    /// <summary>Server text made fit for a message: control characters (terminal escapes) removed, length capped.</summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder();
        foreach (var c in text)
        {
            if (clean.Length >= MaxQuotedLength)
                return clean.Append('…').ToString();
            clean.Append(char.IsControl(c) ? ' ' : c);
        }
        return clean.ToString().TrimEnd();
    }

    public override string ToString() => Quoted;
}
