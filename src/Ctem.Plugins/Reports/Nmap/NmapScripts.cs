using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Nmap;

/// <summary>
/// The NSE script results that report vulnerabilities: <c>vulners</c> (one entry per known CVE of the detected
/// product) and scripts built on Nmap's <c>vulns</c> library, whose output says <c>State: VULNERABLE</c>.
/// </summary>
internal static partial class NmapScripts
{
    private const string Vulners = "vulners";

    public static IEnumerable<ReportedFinding> Findings(XElement script, ReportedAsset asset, string where)
    {
        var id = (string?)script.Attribute("id") ?? "";
        var output = (string?)script.Attribute("output") ?? "";
        if (id == Vulners)
        {
            return VulnersFindings(script, output, asset, where);
        }

        return VulnerableState().IsMatch(output) ? [VulnsFinding(script, id, output, asset, where)] : [];
    }

    private static IEnumerable<ReportedFinding> VulnersFindings(XElement script, string output, ReportedAsset asset, string where)
    {
        var entries = script.Descendants("table").Where(t => Elem(t, "id") is not null).ToList();
        if (entries.Count == 0)
        {
            // Older vulners versions give only the text: "\tCVE-2018-15919\t5.0\thttps://vulners.com/cve/CVE-2018-15919".
            foreach (var line in output.Split('\n'))
            {
                var fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (fields.Length >= 2 && CveId().IsMatch(fields[0]))
                {
                    yield return VulnersFinding(fields[0], fields[1], null, null, asset, where, ReportXml.LineOf(script));
                }
            }

            yield break;
        }

        foreach (var entry in entries)
        {
            var id = Elem(entry, "id")!;
            if (CveId().IsMatch(id))
            {
                var product = (string?)entry.Parent?.Attribute("key");
                yield return VulnersFinding(id, Elem(entry, "cvss"), product, Elem(entry, "is_exploit"), asset, where, ReportXml.LineOf(entry));
            }
        }
    }

    private static ReportedFinding VulnersFinding(string id, string? cvss, string? product, string? exploit, ReportedAsset asset, string where, string? pointer) =>
        new(asset, [id], "nmap:" + Vulners, product is null ? $"{id} on {where}" : $"{id} in {product} on {where}", ReportSeverity.FromCvssScore(cvss), null)
        {
            Description = $"vulners: CVSS {cvss ?? "not given"}{(exploit == "true" ? ", a public exploit exists" : "")}",
            ReportPointer = pointer,
        };

    private static ReportedFinding VulnsFinding(XElement script, string id, string output, ReportedAsset asset, string where)
    {
        var ids = CveMention().Matches(output).Select(m => m.Value.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var risk = RiskFactor().Match(output);
        var score = CvssMention().Match(output);
        var severity = risk.Success ? ReportSeverity.Normalize(risk.Groups[1].Value) : null;
        severity ??= score.Success ? ReportSeverity.FromCvssScore(score.Groups[1].Value) : null;
        return new ReportedFinding(asset, ids, "nmap:" + id, $"{TitleOf(output) ?? id} on {where}", severity, null)
        {
            Description = output.Trim(),
            ReportPointer = ReportXml.LineOf(script),
        };
    }

    /// <summary>The vulns library prints "VULNERABLE:" then the vulnerability's title on the next line.</summary>
    private static string? TitleOf(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var heading = Array.FindIndex(lines, l => l.EndsWith("VULNERABLE:", StringComparison.Ordinal));
        return heading >= 0 && heading + 1 < lines.Length ? lines[heading + 1] : null;
    }

    private static string? Elem(XElement table, string key) =>
        table.Elements("elem").FirstOrDefault(e => (string?)e.Attribute("key") == key)?.Value.Trim();

    [GeneratedRegex(@"State:\s*(LIKELY\s+)?VULNERABLE")]
    private static partial Regex VulnerableState();

    [GeneratedRegex(@"^CVE-\d{4}-\d{4,}$")]
    private static partial Regex CveId();

    [GeneratedRegex(@"CVE-\d{4}-\d{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex CveMention();

    [GeneratedRegex(@"Risk factor:\s*(\w+)")]
    private static partial Regex RiskFactor();

    [GeneratedRegex(@"CVSS(?:v\d)?:\s*(\d+(?:\.\d+)?)")]
    private static partial Regex CvssMention();
}
