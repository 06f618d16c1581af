using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Discovery.Reports.Suspicion;

/// <summary>
/// What the knowledge base says about the weaknesses of a batch of findings, read once for every rule: a rule that
/// needs more (the products a CVE's CPE configurations name, say) adds it here and to <see cref="GatherAsync"/>.
/// </summary>
/// <param name="AdvisoryEcosystems">For each name of the findings' weaknesses that is a held advisory's id, the ecosystems it is for.</param>
public sealed record SuspicionEvidence(IReadOnlyDictionary<string, IReadOnlyList<string>> AdvisoryEcosystems)
{
    public static SuspicionEvidence None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public static async Task<SuspicionEvidence> GatherAsync(ICtemStore store, IEnumerable<ObservedFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(findings);
        // Only packages have an ecosystem to contradict: endpoints, URLs and files are never asked about.
        var names = findings.Where(f => f.Component.Ecosystem is not null).SelectMany(NamesOf).ToHashSet(StringComparer.Ordinal);
        return names.Count == 0 ? None : new SuspicionEvidence(await store.GetAdvisoryEcosystemsAsync(names, cancellationToken));
    }

    /// <summary>Every name the finding's weakness goes by: its ids and aliases, the advisories matched, and what the tool called it.</summary>
    public static IEnumerable<string> NamesOf(ObservedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var vulnerability = finding.Vulnerability;
        return vulnerability.Aliases.Prepend(vulnerability.Id).Concat(vulnerability.AdvisoryIds).Concat(finding.ReportedAs).Distinct(StringComparer.Ordinal);
    }
}
