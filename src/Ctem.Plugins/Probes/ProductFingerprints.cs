using System.Text.RegularExpressions;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Probes;

/// <summary>
/// Technologies and versions in banners and headers (<c>SSH-2.0-OpenSSH_8.2p1</c>, <c>Server: nginx/1.18.0</c>,
/// <c>X-Powered-By: PHP/8.1.2</c>): each known product becomes a <c>pkg:generic</c> purl and the CPE 2.3 name NVD
/// lists it under, so it is matched as a component.
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

            var cpe = $"cpe:2.3:a:{known.Vendor}:{known.Product}:{CpeVersion(version)}:*:*:*:*:*:*:*";
            found.Add(new Fingerprint(known.Name, version, purl, cpe, match.Value));
        }

        return found;
    }

    // OpenSSH's "8.2p1" is NVD's version "8.2" with update "p1"; the version part alone is what CPE ranges compare.
    private static string CpeVersion(string? version) =>
        version is null ? "*" : CpeSafe().Replace(version.Split('p')[0], "");

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
}
