using System.Globalization;
using System.Net;

namespace Ctem.Core.Scoping;

/// <summary>
/// One entry of a deployment's <c>targets</c> or of <c>scope.allow</c>/<c>scope.deny</c>: a host name (<c>*.</c> for
/// every name under a domain), an IP address, a CIDR range or an http(s) URL, each optionally with <c>:PORT</c>
/// (IPv6 addresses in brackets when a port follows). Without a port an entry covers every port; a URL covers its own.
/// </summary>
public sealed record NetworkTarget
{
    private NetworkTarget(string text, string? hostName, IPNetwork? network, int? port, Uri? url)
    {
        Text = text;
        HostName = hostName;
        Network = network;
        Port = port;
        Url = url;
    }

    /// <summary>The entry as written.</summary>
    public string Text { get; }

    /// <summary>The host name, lower-case without a trailing dot (<c>*.example.com</c> for a domain); null for an address or range.</summary>
    public string? HostName { get; }

    /// <summary>The address (a /32 or /128) or range; null for a host name.</summary>
    public IPNetwork? Network { get; }

    public int? Port { get; }

    /// <summary>The URL, when the entry is one: HTTP discovery starts from it.</summary>
    public Uri? Url { get; }

    /// <summary>The single address the entry names (not a range, not a name), else null.</summary>
    public IPAddress? Address =>
        Network is { } network && network.PrefixLength == (network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            ? network.BaseAddress
            : null;

    /// <summary>Reads one entry; null with <paramref name="problem"/> saying why when it is not one.</summary>
    public static NetworkTarget? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            problem = "an empty target";
            return null;
        }

        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            return ParseUrl(trimmed, text, out problem);
        }

        var (host, port) = SplitPort(trimmed, out problem);
        if (problem is not null || host is null)
        {
            return null;
        }

        if (host.Contains('/', StringComparison.Ordinal))
        {
            if (!IPNetwork.TryParse(host, out var range))
            {
                problem = $"'{host}' is not a CIDR range (such as 10.0.0.0/24)";
                return null;
            }

            return new NetworkTarget(text, null, range, port, null);
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return new NetworkTarget(text, null, new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128), port, null);
        }

        var name = NormalizeName(host);
        if (!IsHostName(name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name))
        {
            problem = $"'{host}' is not a host name, an IP address, a CIDR range or a URL";
            return null;
        }

        return new NetworkTarget(text, name, null, port, null);
    }

    /// <summary>Whether the entry covers <paramref name="address"/> on <paramref name="port"/> (an address or range entry).</summary>
    public bool Covers(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        var mapped = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Network is { } network && network.BaseAddress.AddressFamily == mapped.AddressFamily && network.Contains(mapped) && PortMatches(port);
    }

    /// <summary>Whether the entry covers the host name <paramref name="host"/> on <paramref name="port"/> (a name or URL entry).</summary>
    public bool CoversName(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (HostName is null || !PortMatches(port))
        {
            return false;
        }

        var name = NormalizeName(host);
        return HostName.StartsWith("*.", StringComparison.Ordinal)
            ? name.EndsWith(HostName[1..], StringComparison.Ordinal)
            : name == HostName;
    }

    public override string ToString() => Text;

    /// <summary>Lower-case, without the trailing dot of a fully qualified name, without IPv6 brackets.</summary>
    public static string NormalizeName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Trim().TrimEnd('.').Trim('[', ']').ToLowerInvariant();
    }

    private bool PortMatches(int port) => Port is null || Port == port;

    private static NetworkTarget? ParseUrl(string trimmed, string text, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            problem = $"'{trimmed}' is not an http:// or https:// URL";
            return null;
        }

        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return new NetworkTarget(text, null, new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128), uri.Port, uri);
        }

        return new NetworkTarget(text, NormalizeName(uri.Host), null, uri.Port, uri);
    }

    private static (string? Host, int? Port) SplitPort(string text, out string? problem)
    {
        problem = null;
        string host;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = $"'{text}' has no closing ']'";
                return (null, null);
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    problem = $"'{text}': expected ':PORT' after ']'";
                    return (null, null);
                }

                portText = rest[1..];
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            portText = text[(colon + 1)..];
        }
        else
        {
            // No colon, or a bare IPv6 address (several colons): no port.
            host = text;
        }

        if (portText is null)
        {
            return (host, null);
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = $"'{portText}' in '{text}' is not a port (1–65535)";
            return (null, null);
        }

        return (host, port);
    }

    private static bool IsHostName(string name) =>
        name.Length is > 0 and <= 253
        && name.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-');
}
