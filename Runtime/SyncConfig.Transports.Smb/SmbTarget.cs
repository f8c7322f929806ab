using System.Text;
using SyncConfig.Transports.Smb.Native;

namespace SyncConfig.Transports.Smb;

/// <summary>
/// A folder on a Windows network share, <c>\\server\share\folder</c>, and the login for it. The user may carry the domain
/// (<c>ACME\backup</c> or <c>backup@acme.example</c>) or name it in <see cref="Domain"/>.
/// </summary>
public sealed record SmbTarget(string Server, string Share, IReadOnlyList<string> Folders)
{
    public const int DefaultPort = 445;

    /// <summary>The server's SMB port; 0 means <see cref="DefaultPort"/>.</summary>
    public int Port { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string? Domain { get; init; }

    /// <summary>Sessions (each a libsmbclient context with a connection of its own) used side by side.</summary>
    public int Connections { get; init; } = 4;

    /// <summary>How long a connect or one request may take before it counts as a dropped connection.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The share and folder in UNC form, with the port when it is not the standard one: for messages.</summary>
    public override string ToString() =>
        @"\\" + Server + @"\" + Share + string.Concat(Folders.Select(f => @"\" + f)) + (Port is 0 or DefaultPort ? "" : $" (port {Port})");

    /// <summary>
    /// The domain and user libsmbclient is given. <c>DOMAIN\user</c> and <c>user@domain</c> both split into the two (NTLM
    /// takes a domain's DNS name as well as its NetBIOS name); a domain in the user name wins over <see cref="Domain"/>.
    /// </summary>
    internal SmbCredentials Credentials()
    {
        var user = UserName ?? "";
        var domain = Domain ?? "";
        var slash = user.IndexOf('\\');
        var at = user.LastIndexOf('@');
        if (slash > 0)
        {
            domain = user[..slash];
            user = user[(slash + 1)..];
        }
        else if (at > 0 && at < user.Length - 1)
        {
            domain = user[(at + 1)..];
            user = user[..at];
        }
        return new SmbCredentials(domain, user, Password ?? "");
    }

    /// <summary>libsmbclient's URL of a path below the target folder ("" is the folder itself); every name percent-encoded.</summary>
    internal string Url(string path)
    {
        var builder = new StringBuilder(ShareUrl());
        foreach (var folder in Folders)
            builder.Append('/').Append(Encode(folder));
        if (path.Length > 0)
        {
            foreach (var segment in path.Split('/'))
                builder.Append('/').Append(Encode(segment));
        }
        return builder.ToString();
    }

    /// <summary>libsmbclient's URL of the share's root.</summary>
    internal string ShareUrl() => "smb://" + Server + "/" + Encode(Share);

    /// <summary>libsmbclient decodes %XX in paths, so every byte but the unreserved ones is encoded.</summary>
    private static string Encode(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
