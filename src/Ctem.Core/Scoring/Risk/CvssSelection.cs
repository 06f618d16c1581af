using Ctem.Core.Model;

namespace Ctem.Core.Scoring.Risk;

/// <summary>
/// Which CVSS vector speaks for a vulnerability, from every candidate its sources give, in one documented order:
/// the advisory's own vector (<c>osv:…</c>), else the CNA's in the CVE record (<c>cve:cna</c>), else NVD's primary
/// (<c>nvd:primary</c>), else an ADP's (<c>cve:adp:…</c>), else NVD's secondary (a CNA's score as NVD holds it), else a
/// scanner report's (<c>report:…</c>). Within one source the newest CVSS version wins (4.0, 3.1, 3.0, 2.0); vectors
/// that do not parse are never chosen. Every candidate is kept for the explanation.
/// </summary>
public static class CvssSelection
{
    private static readonly string[] Versions = ["CVSS:4.0/", "CVSS:3.1/", "CVSS:3.0/"];

    /// <summary>
    /// The vulnerability with the chosen vector, its source, every candidate, the CWEs and CISA's SSVC decision points
    /// of its CVE records. Vectors the vulnerability carries from CVE records (an earlier selection) are replaced by
    /// the records' current ones.
    /// </summary>
    public static VulnerabilityRef Apply(VulnerabilityRef vulnerability, IReadOnlyList<CveRecord> records)
    {
        ArgumentNullException.ThrowIfNull(vulnerability);
        ArgumentNullException.ThrowIfNull(records);
        var own = vulnerability.Cvss is { } vector && !FromCveRecord(vulnerability.CvssSource) ? [new CvssCandidate(vector, vulnerability.CvssSource ?? "osv")] : Array.Empty<CvssCandidate>();
        var candidates = own.Concat(vulnerability.CvssCandidates.Where(c => !FromCveRecord(c.Source)))
            .Concat(records.SelectMany(r => r.Cvss))
            .Distinct()
            .ToList();
        var chosen = candidates
            .Where(c => Cvss.Parse(c.Vector).Success)
            .OrderBy(c => Rank(c.Source))
            .ThenBy(c => VersionRank(c.Vector))
            .FirstOrDefault();
        var ssvc = records.OrderBy(r => r.Database == "cve" ? 0 : 1).Select(r => r.Ssvc).FirstOrDefault(s => s is not null);
        var cwes = vulnerability.Cwes.Union(records.SelectMany(r => r.Cwes).Select(w => w.Cwe), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return vulnerability with
        {
            Cvss = chosen?.Vector ?? (FromCveRecord(vulnerability.CvssSource) ? null : vulnerability.Cvss),
            CvssSource = chosen?.Source ?? (FromCveRecord(vulnerability.CvssSource) ? null : vulnerability.CvssSource),
            CvssCandidates = candidates,
            Ssvc = ssvc ?? vulnerability.Ssvc,
            Cwes = cwes,
        };
    }

    /// <summary>The place of a source label in the order (lower first); an unlabelled vector is the advisory's own.</summary>
    public static int Rank(string? source) => source switch
    {
        null => 0,
        _ when source.StartsWith("osv", StringComparison.Ordinal) => 0,
        "cve:cna" => 1,
        "nvd:primary" => 2,
        _ when source.StartsWith("cve:adp:", StringComparison.Ordinal) => 3,
        _ when source.StartsWith("nvd:secondary", StringComparison.Ordinal) => 4,
        _ when source.StartsWith("report:", StringComparison.Ordinal) => 5,
        _ => 6,
    };

    private static bool FromCveRecord(string? source) =>
        source is not null && (source.StartsWith("cve:", StringComparison.Ordinal) || source.StartsWith("nvd:", StringComparison.Ordinal));

    private static int VersionRank(string vector)
    {
        var index = Array.FindIndex(Versions, v => vector.StartsWith(v, StringComparison.Ordinal));
        return index < 0 ? Versions.Length : index;
    }
}
