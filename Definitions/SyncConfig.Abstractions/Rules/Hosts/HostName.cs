using System.Net;
using System.Net.Sockets;

namespace SyncConfig.Rules;

/// <summary>What may name a server: a DNS host name, an IPv4 or IPv6 address, or (on a network share) a NetBIOS name.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#endif
static class HostName
{
    private const string ForbiddenInComputerName = "\\/:*?\"<>|,~!@#$%^&'(){}.";

    /// <summary>Null when <paramref name="host"/> is acceptable, else why not (for a message).</summary>
    public static string? Problem(string host, bool allowNetBiosName)
    {
        if (host.Length == 0)
        {
            return "has no host name";
        }

        if (IsIpAddress(host) || IsDnsName(host) || (allowNetBiosName && IsNetBiosName(host)))
        {
            return null;
        }

        return "has host '" + host + "', which is not a valid host name or IP address";
    }

    public static bool IsIpAddress(string host)
    {
        if (host.StartsWith("[", System.StringComparison.Ordinal) && host.EndsWith("]", System.StringComparison.Ordinal))
        {
            return IPAddress.TryParse(host.Substring(1, host.Length - 2), out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        if (host.IndexOf(':') >= 0)
        {
            return IPAddress.TryParse(host, out var bare) && bare.AddressFamily == AddressFamily.InterNetworkV6;
        }

        // IPAddress.TryParse also takes "1" or "1.2" as IPv4; only the dotted quad is meant here.
        var parts = host.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 3 || !IsDigits(part) || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 1123: dot-separated labels of letters, digits and inner hyphens, 1–63 each, 253 in all.</summary>
    public static bool IsDnsName(string host)
    {
        var name = host.EndsWith(".", System.StringComparison.Ordinal) ? host.Substring(0, host.Length - 1) : host;
        if (name.Length == 0 || name.Length > 253)
        {
            return false;
        }

        var labels = name.Split('.');
        foreach (var label in labels)
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }
        }

        // A name of digits and dots only is a malformed address, not a host name.
        return !IsDigits(labels[labels.Length - 1]);
    }

    /// <summary>1–15 characters, none of the characters Windows forbids in a computer name.</summary>
    public static bool IsNetBiosName(string host)
    {
        if (host.Length == 0 || host.Length > 15 || host[0] == '.')
        {
            return false;
        }

        foreach (var c in host)
        {
            if (c <= ' ' || ForbiddenInComputerName.IndexOf(c) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsAsciiLetterOrDigit(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
