using System.Globalization;
using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports;

/// <summary>
/// What network vulnerability scanners (OpenVAS, Nessus) share with Nmap so that their findings merge: the asset is the
/// endpoint <c>tcp://host:port</c> when the result names a port, else the host; a result that lists CVEs is one
/// finding per CVE, since one plugin or NVT often covers dozens of distinct vulnerabilities and Nmap's vulners script
/// names them one by one. Then the same host, port and CVE from any of them is one finding.
/// </summary>
internal static partial class ReportHostFindings
{
    /// <summary>The endpoint when <paramref name="port"/> is 1–65535 and a protocol is given, else the host.</summary>
    public static ReportedAsset AssetOf(string host, string? port, string? protocol) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535 && !string.IsNullOrWhiteSpace(protocol)
            ? ReportedAsset.Endpoint(host, number, protocol.Trim())
            : ReportedAsset.Host(host);

    /// <summary>The CVE ids in a tool's list (comma-, space- or newline-separated; <c>NOCVE</c> and other words ignored), upper-cased, in order, once.</summary>
    public static List<string> CvesIn(params string?[] texts) =>
        texts.OfType<string>().SelectMany(t => Cve().Matches(t)).Select(m => m.Value.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>One finding per CVE of <paramref name="cves"/> (the title names the CVE when there are several), or the rule finding itself.</summary>
    public static IEnumerable<ReportedFinding> PerCve(ReportedFinding finding, IReadOnlyList<string> cves) =>
        cves.Count switch
        {
            0 => [finding],
            1 => [finding with { VulnerabilityIds = cves }],
            _ => cves.Select(cve => finding with { VulnerabilityIds = [cve], Title = $"{cve}: {finding.Title}" }),
        };

    [GeneratedRegex(@"CVE-\d{4}-\d{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex Cve();
}
