using System.Globalization;
using System.Text;

namespace SyncConfig.Runtime.Cli;

/// <summary>
/// Text on its way to a terminal or a log. File names and messages come from repositories and remote servers; a name
/// holding an escape sequence or a line break could clear the screen or print a line that looks like SyncConfig's
/// own. Every control character (and every bidirectional override) is shown escaped instead: <c>\n</c>, <c>\x1B</c>.
/// </summary>
public static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.AsSpan().ContainsAny(Unsafe))
            return text ?? "";
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!Unsafe.Contains(c))
                escaped.Append(c);
            else
                escaped.Append(c switch
                {
                    '\n' => @"\n",
                    '\r' => @"\r",
                    '\t' => @"\t",
                    < '\u0100' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                });
        }
        return escaped.ToString();
    }

    /// <summary>C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional marks and overrides.</summary>
    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i),
         '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);
}

/// <summary>
/// The writer every console line of the command line goes through: what is written is escaped with
/// <see cref="TerminalText.Escape"/>; only the line ends that <c>WriteLine</c> adds are real line breaks.
/// </summary>
public sealed class EscapingWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(TerminalText.Escape(value.ToString()));

    public override void Write(string? value) => inner.Write(TerminalText.Escape(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine() => inner.WriteLine();

    public override void WriteLine(string? value) => inner.WriteLine(TerminalText.Escape(value));

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Flush();
        base.Dispose(disposing);
    }
}
