using System.Text.RegularExpressions;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Probes;

/// <summary>
/// Technologies and versions in banners and headers (<c>SSH-2.0-OpenSSH_8.2p1</c>, <c>Server: nginx/1.18.0</c>,
/// <c>X-Powered-By: PHP/8.1.2</c>): each known product becomes a <c>pkg:generic</c> purl and the CPE 2.3 name NVD
/// lists it under (version and update as NVD splits them), so it is matched against NVD's CPE configurations, with the
/// distribution build the line names, if any (<see cref="Fingerprint.Build"/>).
/// </summary>
internal static partial class ProductFingerprints
{
    private sealed record Known(Regex Pattern, string Name, string Vendor, string Product);

    private static readonly Known[] Table =
    [
        new(OpenSsh(), "openssh", "openbsd", "openssh"),
        new(Dropbear(), "dropbear", "dropbear_ssh_project", "dropbear_ssh"),
        new(Nginx(), "nginx", "f5", "nginx"),
        new(Apache(), "apache-httpd", "apache", "http_server"),
        new(Tomcat(), "apache-tomcat", "apache", "tomcat"),
        new(Iis(), "iis", "microsoft", "internet_information_services"),
        new(Lighttpd(), "lighttpd", "lighttpd", "lighttpd"),
        new(Php(), "php", "php", "php"),
        new(Postfix(), "postfix", "postfix", "postfix"),
        new(Exim(), "exim", "exim", "exim"),
        new(VsFtpd(), "vsftpd", "beasts", "vsftpd"),
        new(ProFtpd(), "proftpd", "proftpd", "proftpd"),
        new(Redis(), "redis", "redis", "redis"),
        new(Jetty(), "jetty", "eclipse", "jetty"),
        new(Kestrel(), "kestrel", "microsoft", "asp.net_core"),
    ];

    /// <summary>Every known product named in <paramref name="text"/>, with its version when the text gives one.</summary>
    public static IReadOnlyList<Fingerprint> In(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<Fingerprint>();
        foreach (var known in Table)
        {
            var match = known.Pattern.Match(text);
            if (!match.Success)
            {
                continue;
            }

            var version = match.Groups["v"] is { Success: true, Value.Length: > 0 } v ? v.Value : null;
            var purl = PackageUrl.Parse(version is null ? $"pkg:generic/{known.Name}" : $"pkg:generic/{known.Name}@{version}").Value;
            if (purl is null)
            {
                continue;
            }

            var (cpeVersion, update) = CpeVersion(version);
            var cpe = $"cpe:2.3:a:{known.Vendor}:{known.Product}:{cpeVersion}:{update}:*:*:*:*:*:*";
            found.Add(new Fingerprint(known.Name, version, purl, cpe, match.Value) { Build = BuildOf(text, match) });
        }

        return found;
    }

    // NVD writes a letter suffix as the update: OpenSSH "8.2p1" is version "8.2" update "p1", ProFTPD "1.3.5a" is
    // "1.3.5" update "a". Ranges compare both together again (NvdCpeMatcher).
    private static (string Version, string Update) CpeVersion(string? version)
    {
        if (version is null)
        {
            return ("*", "*");
        }

        var split = LetterUpdate().Match(version);
        return split.Success
            ? (split.Groups["v"].Value, split.Groups["u"].Value)
            : (CpeSafe().Replace(version, ""), "*");
    }

    // The distribution marker on the fingerprint's own line, after it first ("OpenSSH_8.2p1 Ubuntu-4ubuntu0.5",
    // "Apache/2.4.41 (Ubuntu)", "PHP/7.4.3-4ubuntu2.19"), else anywhere on it ("Apache/2.4.6 (CentOS) PHP/5.4.16"):
    // the whitespace-separated token that holds it, less the version it follows.
    private static string? BuildOf(string text, Match match)
    {
        var lineStart = text.LastIndexOf('\n', match.Index) + 1;
        var lineEnd = text.IndexOf('\n', match.Index + match.Length);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
        var after = Math.Min(match.Index + match.Length - lineStart, line.Length);
        var marker = Distribution().Match(line, after);
        if (!marker.Success)
        {
            marker = Distribution().Match(line);
        }

        if (!marker.Success)
        {
            return null;
        }

        var start = line.LastIndexOf(' ', marker.Index) + 1;
        var end = line.IndexOf(' ', marker.Index);
        var token = line[start..(end < 0 ? line.Length : end)];
        var at = token.IndexOf(match.Value, StringComparison.Ordinal);
        return (at < 0 ? token : token[(at + match.Value.Length)..]).Trim('(', ')', '-', '_', '+', ';', ',');
    }

    [GeneratedRegex(@"OpenSSH[_-](?<v>\d+(?:\.\d+)*(?:p\d+)?)")]
    private static partial Regex OpenSsh();

    [GeneratedRegex(@"dropbear[_-](?<v>\d{4}\.\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex Dropbear();

    [GeneratedRegex(@"\bnginx(?:/(?<v>\d+(?:\.\d+)+))?", RegexOptions.IgnoreCase)]
    private static partial Regex Nginx();

    [GeneratedRegex(@"\bApache(?:/(?<v>\d+(?:\.\d+)+))?(?![-\w])")]
    private static partial Regex Apache();

    [GeneratedRegex(@"Apache[ -]Tomcat(?:/(?<v>\d+(?:\.\d+)+))?", RegexOptions.IgnoreCase)]
    private static partial Regex Tomcat();

    [GeneratedRegex(@"Microsoft-IIS(?:/(?<v>\d+(?:\.\d+)+))?")]
    private static partial Regex Iis();

    [GeneratedRegex(@"lighttpd(?:/(?<v>\d+(?:\.\d+)+))?", RegexOptions.IgnoreCase)]
    private static partial Regex Lighttpd();

    [GeneratedRegex(@"\bPHP/(?<v>\d+(?:\.\d+)+)")]
    private static partial Regex Php();

    [GeneratedRegex(@"ESMTP Postfix")]
    private static partial Regex Postfix();

    [GeneratedRegex(@"\bExim (?<v>\d+(?:\.\d+)+)")]
    private static partial Regex Exim();

    [GeneratedRegex(@"\(vsFTPd (?<v>\d+(?:\.\d+)+)\)")]
    private static partial Regex VsFtpd();

    [GeneratedRegex(@"ProFTPD(?: (?<v>\d+(?:\.\d+)+[a-z]?))?")]
    private static partial Regex ProFtpd();

    [GeneratedRegex(@"redis_version:(?<v>\d+(?:\.\d+)+)")]
    private static partial Regex Redis();

    [GeneratedRegex(@"Jetty\((?<v>\d+(?:\.\d+)+)")]
    private static partial Regex Jetty();

    [GeneratedRegex(@"^Kestrel$")]
    private static partial Regex Kestrel();

    [GeneratedRegex(@"[^0-9A-Za-z._-]")]
    private static partial Regex CpeSafe();

    [GeneratedRegex(@"^(?<v>\d+(?:\.\d+)*)(?<u>[a-z]+\d*)$")]
    private static partial Regex LetterUpdate();

    [GeneratedRegex(@"ubuntu|debian|deb\d+u\d+|raspbian|centos|red ?hat|rhel|rocky|almalinux|fedora|suse|amazon|alpine|freebsd|\.el\d", RegexOptions.IgnoreCase)]
    private static partial Regex Distribution();
}
