using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;

namespace Ctem.Engine.Prioritization;

/// <summary>
/// Joins findings to CVE records (CVE JSON 5, NVD) through every CVE id a vulnerability is known by, at assessment and
/// report time like KEV and EPSS: a CVE record imported tomorrow shows on tomorrow's report.
/// </summary>
public static class CveRecordLookup
{
    /// <summary>The CVE records of each vulnerability, keyed by <see cref="VulnerabilityRef.Id"/>; vulnerabilities with none are absent.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<CveRecord>>> ForAsync(
        ICtemStore store, IEnumerable<VulnerabilityRef> vulnerabilities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var byId = vulnerabilities.DistinctBy(v => v.Id).ToList();
        var cves = byId.SelectMany(CveIds).Distinct(StringComparer.Ordinal).ToList();
        if (cves.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<CveRecord>>();
        }

        var records = await store.GetCveRecordsAsync(cves, cancellationToken);
        var result = new Dictionary<string, IReadOnlyList<CveRecord>>(StringComparer.Ordinal);
        foreach (var vulnerability in byId)
        {
            var known = CveIds(vulnerability).SelectMany(id => records.GetValueOrDefault(id) ?? []).ToList();
            if (known.Count > 0)
            {
                result[vulnerability.Id] = known;
            }
        }

        return result;
    }

    /// <summary>The vulnerability as its CVE records complete it (<see cref="CvssSelection.Apply"/>); unchanged without records.</summary>
    public static VulnerabilityRef Apply(VulnerabilityRef vulnerability, IReadOnlyDictionary<string, IReadOnlyList<CveRecord>> records)
    {
        ArgumentNullException.ThrowIfNull(vulnerability);
        ArgumentNullException.ThrowIfNull(records);
        return records.TryGetValue(vulnerability.Id, out var known) ? CvssSelection.Apply(vulnerability, known) : vulnerability;
    }

    private static IEnumerable<string> CveIds(VulnerabilityRef vulnerability) =>
        vulnerability.Aliases.Prepend(vulnerability.Id).Where(id => id.StartsWith("CVE-", StringComparison.Ordinal));
}
