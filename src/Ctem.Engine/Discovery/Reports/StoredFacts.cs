using Ctem.Core.Model;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Discovery.Reports;

/// <summary>
/// What the store already knows of a reported exposure, kept when a scanner reports it too: a tool's report says less
/// than Ctem's own scan (no dependency relation or scope, no advisories), so the facts other sources gave are combined
/// with the tool's, not overwritten by whichever source ran last. So does the place another source gave (a scan's
/// manifest and line).
/// </summary>
public sealed class StoredFacts
{
    private readonly FindingNameIndex<StoredFinding> _byName = new(f => (f.ComponentPurl, f.Vulnerability.Id, f.Vulnerability.Aliases));
    private readonly VersionSchemeRegistry _schemes;

    public StoredFacts(IEnumerable<StoredFinding> current, VersionSchemeRegistry schemes)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(schemes);
        _schemes = schemes;
        foreach (var finding in current)
        {
            Add(finding);
        }
    }

    /// <summary>Also knows what an earlier tool of the same ingest reported: its run is not stored yet.</summary>
    public void Remember(string product, string source, IEnumerable<ObservedFinding> reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        foreach (var finding in reported)
        {
            Add(new StoredFinding(
                0, product, finding.ComponentCoordinates, finding.Component.Ecosystem, finding.Component.Name, finding.Component.Version,
                finding.Vulnerability, finding.FixedVersions, FindingStatus.Open, DateTimeOffset.MinValue, DateTimeOffset.MinValue, [source])
            {
                Relation = finding.Component.Relation,
                Scope = finding.Component.Scope,
                VersionInferredFrom = finding.Component.VersionInferredFrom,
                Place = finding.Place,
                Identity = finding.Identity,
            });
        }
    }

    /// <summary>
    /// The observation with the facts other sources gave it: relation, scope, an inferred version, advisories, their
    /// summary and CVSS vector, fixes. Facts only <paramref name="source"/> itself gave before are not kept: its new
    /// report replaces them. The package identity is the surest any source gave the same exposure.
    /// </summary>
    public ObservedFinding Enrich(ObservedFinding observed, string source)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var vulnerability = observed.Vulnerability;
        var same = _byName.SameAs(observed).ToList();
        observed = observed with { Identity = FirmestIdentity(observed, same) };
        var stored = same.FirstOrDefault(f => f.Sources.Any(s => s != source));
        if (stored is null)
        {
            return observed;
        }

        var known = stored.Vulnerability;
        var fromAdvisories = known.AdvisoryIds.Count > 0;
        var component = observed.Component with
        {
            Relation = observed.Component.Relation == DependencyRelation.Unspecified ? stored.Relation : observed.Component.Relation,
            Scope = observed.Component.Scope == DependencyScope.Unspecified ? stored.Scope : observed.Component.Scope,

            // A tool that names the package says nothing of how its version was found: Ctem's inference stands.
            VersionInferredFrom = observed.Component.VersionInferredFrom ?? stored.VersionInferredFrom,
        };
        var merged = vulnerability with
        {
            // Advisory data (summary, CVSS vector) outranks a tool's restatement of it.
            Summary = fromAdvisories ? known.Summary ?? vulnerability.Summary : vulnerability.Summary ?? known.Summary,
            Severity = vulnerability.Severity ?? known.Severity,
            SeveritySource = vulnerability.Severity is not null ? vulnerability.SeveritySource : known.SeveritySource,
            Cvss = fromAdvisories ? known.Cvss ?? vulnerability.Cvss : vulnerability.Cvss ?? known.Cvss,
            CvssSource = (fromAdvisories ? known.Cvss is not null : vulnerability.Cvss is null) ? known.CvssSource : vulnerability.CvssSource,
            AdvisoryIds = Union(known.AdvisoryIds, vulnerability.AdvisoryIds),
            ExploitReferences = Union(known.ExploitReferences, vulnerability.ExploitReferences),
            Cwes = Union(known.Cwes, vulnerability.Cwes),
        };
        // The place another source gave stands: a scan's manifest and line say more than the report that names the package.
        return observed with
        {
            Component = component,
            Vulnerability = merged,
            FixedVersions = FixedVersionList.Canonical(stored.FixedVersions.Concat(observed.FixedVersions), component.Ecosystem, _schemes),
            Place = stored.Place ?? observed.Place,
        };
    }

    private void Add(StoredFinding finding) => _byName.Add(finding);

    // The surest identity known for the same exposure stands, whichever source or format gave it: once a report named the
    // package outright (Trivy's JSON), a derivation that lands on the same package (its SARIF) agrees with a fact.
    private static IdentityDerivation? FirmestIdentity(ObservedFinding observed, IEnumerable<StoredFinding> others) =>
        others.Select(f => f.Identity).Append(observed.Identity).MinBy(Sureness);

    private static int Sureness(IdentityDerivation? identity) => identity is null ? 0 : (int)identity.Confidence;

    private static string[] Union(IEnumerable<string> a, IEnumerable<string> b) => a.Union(b, StringComparer.Ordinal).ToArray();
}
