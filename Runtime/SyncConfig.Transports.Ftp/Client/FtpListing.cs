using System.Globalization;

namespace SyncConfig.Transports.Ftp.Client;

public enum FtpEntryKind
{
    File,
    Folder,
}

/// <summary>One entry of a folder listing: a plain name (never "." or "..", never holding '/').</summary>
public readonly record struct FtpListEntry(string Name, FtpEntryKind Kind, long Length);

/// <summary>
/// Parses folder listings: MLSD (RFC 3659, machine-readable facts) where the server has it, else LIST in the Unix
/// <c>ls -l</c> form (vsftpd, ProFTPD, most servers) or the DOS form (IIS). Entries of other kinds (links, devices) and
/// lines that fit no form are skipped, as are names that would climb out of the listed folder.
/// </summary>
public static class FtpListing
{
    public static IEnumerable<FtpListEntry> ParseMlsd(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            // "fact=value;fact=value; name": the name follows the first space and may itself hold spaces and semicolons.
            var space = line.IndexOf(' ');
            if (space <= 0)
                continue;
            var name = line[(space + 1)..];
            FtpEntryKind? kind = null;
            long length = 0;
            foreach (var fact in line[..space].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = fact.IndexOf('=');
                if (equals <= 0)
                    continue;
                var value = fact[(equals + 1)..];
                switch (fact[..equals].ToLowerInvariant())
                {
                    case "type":
                        kind = value.ToLowerInvariant() switch
                        {
                            "file" => FtpEntryKind.File,
                            "dir" => FtpEntryKind.Folder,
                            _ => null,
                        };
                        break;
                    case "size":
                        _ = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out length);
                        break;
                }
            }
            if (kind is { } k && IsPlainName(name))
                yield return new FtpListEntry(name, k, k == FtpEntryKind.File ? length : 0);
        }
    }

    public static IEnumerable<FtpListEntry> ParseList(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var entry = ParseUnix(line) ?? ParseDos(line);
            if (entry is { } e && IsPlainName(e.Name))
                yield return e;
        }
    }

    /// <summary>
    /// "-rw-r--r--    1 1000     1000         1234 Jan 01 12:00 name with spaces" (some servers leave out the group): the
    /// size is the field before the month, and the name everything after the day and the time or year.
    /// </summary>
    private static FtpListEntry? ParseUnix(string line)
    {
        if (line.Length < 10 || line[0] is not ('-' or 'd'))
            return null;
        var fields = new List<Range>();
        for (var position = 0; position < line.Length && fields.Count < 9;)
        {
            while (position < line.Length && line[position] == ' ')
                position++;
            var start = position;
            while (position < line.Length && line[position] != ' ')
                position++;
            if (start < position)
                fields.Add(start..position);
        }
        for (var month = 3; month + 3 < fields.Count; month++)
        {
            if (!IsMonth(line.AsSpan()[fields[month]]))
                continue;
            if (!long.TryParse(line.AsSpan()[fields[month - 1]], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                return null;
            // One space separates the time or year from the name; a name may itself start with spaces.
            var name = line[(fields[month + 2].End.Value + 1)..];
            var folder = line[0] == 'd';
            return new FtpListEntry(name, folder ? FtpEntryKind.Folder : FtpEntryKind.File, folder ? 0 : length);
        }
        return null;
    }

    private static bool IsMonth(ReadOnlySpan<char> field) =>
        field.Length == 3 && DateTime.TryParseExact(field, "MMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>"01-31-24  09:15PM       &lt;DIR&gt;          name" or "01-31-24  09:15PM            1234 name".</summary>
    private static FtpListEntry? ParseDos(string line)
    {
        var fields = new List<Range>();
        var position = 0;
        while (fields.Count < 3)
        {
            while (position < line.Length && line[position] == ' ')
                position++;
            var start = position;
            while (position < line.Length && line[position] != ' ')
                position++;
            if (start == position)
                return null;
            fields.Add(start..position);
        }
        if (!line[fields[0]].Contains('-') || !line[fields[1]].Contains(':') || !char.IsAsciiDigit(line[0]))
            return null;
        var name = line[position..].TrimStart(' ');
        var size = line[fields[2]];
        if (size == "<DIR>")
            return new FtpListEntry(name, FtpEntryKind.Folder, 0);
        return long.TryParse(size, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var length)
            ? new FtpListEntry(name, FtpEntryKind.File, length)
            : null;
    }

    private static bool IsPlainName(string name) => name.Length > 0 && name is not ("." or "..") && !name.Contains('/') && !name.Contains('\0');
}
