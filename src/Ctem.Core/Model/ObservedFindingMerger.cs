using Ctem.Core.Versioning;

namespace Ctem.Core.Model;

/// <summary>
/// One scan may report the same exposure twice (the same package found in two lock files, say); those
/// reports become one finding whose names, advisories and fixes are the union of both, and whose dependency context is
/// the riskier of the two (direct over transitive, shipped over development or test only). Its version is inferred
/// only when every report infers it: one input that states it is evidence enough. Every finding's fixed versions come
/// out canonical (<see cref="FixedVersionList"/>).
/// </summary>
public static class ObservedFindingMerger
{
    public static IReadOnlyList<ObservedFinding> Merge(IEnumerable<ObservedFinding> findings, VersionSchemeRegistry schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        return Merge(findings)
            .Select(f => f with { FixedVersions = FixedVersionList.Canonical(f.FixedVersions, f.Component.Ecosystem, schemes) })
            .ToList();
    }

    /// <summary>Merges without the ecosystems' version schemes: fixed versions are the union as spelled (the store's safety net).</summary>
    public static IReadOnlyList<ObservedFinding> Merge(IEnumerable<ObservedFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var byKey = new Dictionary<string, ObservedFinding>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var finding in findings)
        {
            if (byKey.TryGetValue(finding.Key, out var first))
            {
                byKey[finding.Key] = Combine(first, finding);
            }
            else
            {
                byKey.Add(finding.Key, finding);
                order.Add(finding.Key);
            }
        }

        return order.Select(k => byKey[k]).ToList();
    }

    private static ObservedFinding Combine(ObservedFinding first, ObservedFinding second)
    {
        // The observation surer of the package (one that named it outright above all) gives the component, its purl
        // with every qualifier, and the identity: a derived identity stands only where no observation is surer.
        if (Sureness(second) < Sureness(first))
        {
            (first, second) = (second, first);
        }

        var a = first.Vulnerability;
        var b = second.Vulnerability;
        var vulnerability = a with
        {
            Aliases = Union(a.Aliases, b.Aliases),
            Summary = a.Summary ?? b.Summary,
            Severity = a.Severity ?? b.Severity,
            SeveritySource = a.Severity is not null ? a.SeveritySource : b.SeveritySource,
            Cvss = a.Cvss ?? b.Cvss,
            CvssSource = a.Cvss is not null ? a.CvssSource : b.CvssSource,
            ExploitReferences = Union(a.ExploitReferences, b.ExploitReferences),
            Cwes = Union(a.Cwes, b.Cwes),
            AdvisoryIds = Union(a.AdvisoryIds, b.AdvisoryIds),
        };
        var component = first.Component with
        {
            Relation = Riskier(first.Component.Relation, second.Component.Relation),
            Scope = Riskier(first.Component.Scope, second.Component.Scope),
            VersionInferredFrom = second.Component.VersionInferredFrom is null ? null : first.Component.VersionInferredFrom,
        };
        return first with
        {
            Component = component,
            Vulnerability = vulnerability,
            FixedVersions = Union(first.FixedVersions, second.FixedVersions),
            ReportedAs = Union(first.ReportedAs, second.ReportedAs),
            Place = first.Place ?? second.Place,
            // One observation without suspicion is evidence enough that the weakness can be about the component.
            Suspect = second.Suspect is null ? null : first.Suspect,
        };
    }

    private static int Sureness(ObservedFinding finding) => finding.Identity is { } identity ? (int)identity.Confidence : 0;

    private static DependencyRelation Riskier(DependencyRelation a, DependencyRelation b) =>
        a == DependencyRelation.Direct || b == DependencyRelation.Direct ? DependencyRelation.Direct
        : a == DependencyRelation.Unspecified || b == DependencyRelation.Unspecified ? DependencyRelation.Unspecified
        : DependencyRelation.Transitive;

    private static DependencyScope Riskier(DependencyScope a, DependencyScope b) => ShipsOnlyInDevelopment(a) ? b : a;

    private static bool ShipsOnlyInDevelopment(DependencyScope scope) => scope is DependencyScope.Development or DependencyScope.Test;

    private static string[] Union(IEnumerable<string> a, IEnumerable<string> b) => a.Union(b, StringComparer.Ordinal).ToArray();
}
