using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Discovery.Active;

/// <summary>One fingerprint's CVE: the NVD record's configurations hold for the CPE it was seen as.</summary>
public sealed record FingerprintMatch(Fingerprint Fingerprint, string CveId, NvdCpeMatch Match);

/// <summary>
/// Matches discover's fingerprints (<c>OpenSSH_8.2p1</c> as <c>cpe:2.3:a:openbsd:openssh:8.2:p1:…</c>) against the NVD
/// CPE configurations held (<see cref="NvdCpeMatcher"/>), finding candidate records by the products their
/// configurations name (<see cref="ICtemStore.GetCveRecordsNamingAsync"/>). OSV has no ecosystem for server software,
/// so NVD is the knowledge base here. A match becomes a finding of the CVE on the endpoint, through the ingest path
/// like any other (the CVE's CVSS, KEV, EPSS, lifecycle), marked as banner-derived; on a distribution's build it is
/// also suspect, since distributions backport fixes without changing the upstream version.
/// </summary>
public static class FingerprintVulnerabilities
{
    /// <summary>Every fingerprint's matching CVEs, by fingerprint then CVE id; none for a fingerprint without a version.</summary>
    public static async Task<IReadOnlyList<FingerprintMatch>> MatchAsync(ICtemStore store, IEnumerable<Fingerprint> fingerprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(fingerprints);
        var observed = fingerprints
            .Select(f => (Fingerprint: f, Cpe: CpeName.Parse(f.Cpe)))
            .Where(o => o.Cpe is { Version: not ("*" or "-" or "") })
            .DistinctBy(o => (o.Cpe!.Text, o.Fingerprint.Build))
            .ToList();
        if (observed.Count == 0)
        {
            return [];
        }

        var records = await store.GetCveRecordsNamingAsync([.. observed.Select(o => (o.Cpe!.Vendor, o.Cpe.Product)).Distinct()], cancellationToken);
        var matches = new List<FingerprintMatch>();
        foreach (var (fingerprint, cpe) in observed)
        {
            foreach (var record in records.Where(r => r.Database == "nvd"))
            {
                if (NvdCpeMatcher.Match(record.CpeConfigurationsJson, cpe!) is { } match)
                {
                    matches.Add(new FingerprintMatch(fingerprint, record.CveId, match));
                }
            }
        }

        return matches;
    }

    /// <summary>The finding of <paramref name="match"/> on <paramref name="endpoint"/>, the asset carrying the fingerprint's purl.</summary>
    public static ReportedFinding ToFinding(FingerprintMatch match, ReportedAsset endpoint)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(endpoint);
        var fingerprint = match.Fingerprint;
        var seen = $"{fingerprint.Product} {fingerprint.Version}";
        var platforms = match.Match.UnverifiedPlatforms;
        var why = new List<string>
        {
            $"{seen} read from \"{fingerprint.Evidence}\"{(fingerprint.Build is null ? "" : $" (build {fingerprint.Build})")} as {fingerprint.Cpe}",
            $"NVD configuration {match.Match.Criteria} {match.Match.Range}",
        };
        if (platforms.Count > 0)
        {
            why.Add($"only together with {string.Join(" or ", platforms)}, which a banner cannot confirm");
        }

        var confidence = fingerprint.Build is null && platforms.Count == 0 ? IdentityConfidence.Inferred : IdentityConfidence.Guessed;
        return new ReportedFinding(endpoint with { Version = seen, Purl = fingerprint.Purl }, [match.CveId], null, $"{match.CveId} in {seen} (banner)", null, null)
        {
            MatchedCpes = [match.Match.Criteria],
            Description = string.Join("; ", why),
            Identity = new IdentityDerivation($"banner or header \"{fingerprint.Evidence}\" matched to NVD's CPE configuration ({match.Match.Criteria} {match.Match.Range})", confidence),
            Suspect = fingerprint.Build is { } build
                ? $"the version was read from a distribution's build ({build}), which backports fixes without changing the upstream version {fingerprint.Version}"
                : null,
        };
    }
}
