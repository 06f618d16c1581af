using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Discovery.Reports.Suspicion;

/// <summary>
/// What the knowledge base says about the weaknesses of a batch of findings, read once for every rule: a rule that
/// needs more adds it here and to <see cref="GatherAsync"/>.
/// </summary>
/// <param name="AdvisoryEcosystems">For each name of the findings' weaknesses that is a held advisory's id, the ecosystems it is for.</param>
public sealed record SuspicionEvidence(IReadOnlyDictionary<string, IReadOnlyList<string>> AdvisoryEcosystems)
{
    public static SuspicionEvidence None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>For each CVE among the names whose NVD record is held, the CPEs its configurations mark vulnerable.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CpeName>> NvdVulnerableCpes { get; init; } = new Dictionary<string, IReadOnlyList<CpeName>>();

    /// <summary>Which of the findings' language registries the knowledge base holds advisories for.</summary>
    public IReadOnlySet<string> EcosystemsHeld { get; init; } = new HashSet<string>();

    public static async Task<SuspicionEvidence> GatherAsync(ICtemStore store, IEnumerable<ObservedFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(findings);
        // Only packages have an ecosystem to contradict: endpoints, URLs and files are never asked about.
        var packages = findings.Where(f => f.Component.Ecosystem is not null).ToList();
        var names = packages.SelectMany(NamesOf).ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return None;
        }

        var cves = names.Where(name => Advisory.SourceOf(name) == "CVE").ToList();
        var records = cves.Count == 0 ? new Dictionary<string, IReadOnlyList<CveRecord>>() : await store.GetCveRecordsAsync(cves, cancellationToken);
        var registries = packages.Select(f => f.Component.Ecosystem!).Where(LanguageRegistries.Ecosystems.Contains).ToHashSet(StringComparer.Ordinal);
        return new SuspicionEvidence(await store.GetAdvisoryEcosystemsAsync(names, cancellationToken))
        {
            EcosystemsHeld = registries.Count == 0 ? new HashSet<string>() : await store.FindEcosystemsWithAdvisoriesAsync(registries, cancellationToken),
            NvdVulnerableCpes = records
                .Select(pair => (pair.Key, Cpes: pair.Value.Where(r => r.Database == "nvd").SelectMany(r => NvdConfigurations.VulnerableCpes(r.CpeConfigurationsJson)).ToList()))
                .Where(pair => pair.Cpes.Count > 0)
                .ToDictionary(pair => pair.Key, pair => (IReadOnlyList<CpeName>)pair.Cpes, StringComparer.Ordinal),
        };
    }

    /// <summary>Every name the finding's weakness goes by: its ids and aliases, the advisories matched, and what the tool called it.</summary>
    public static IEnumerable<string> NamesOf(ObservedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var vulnerability = finding.Vulnerability;
        return vulnerability.Aliases.Prepend(vulnerability.Id).Concat(vulnerability.AdvisoryIds).Concat(finding.ReportedAs).Distinct(StringComparer.Ordinal);
    }
}
