using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Discovery.Reports.Suspicion;

/// <summary>
/// Marks a scanner's probable false positives (<see cref="ObservedFinding.Suspect"/>) with the reason of the first rule
/// that has one. A suspect finding is stored, listed and explained like any other; the risk model ranks it down.
/// </summary>
public static class FindingSuspicion
{
    /// <summary>The rules, in order: what the advisories are for says more than what CPEs name.</summary>
    public static IReadOnlyList<ISuspicionRule> Rules { get; } = [new EcosystemMismatchRule(), new CpeProductMismatchRule()];

    public static async Task<IReadOnlyList<ObservedFinding>> MarkAsync(ICtemStore store, IReadOnlyList<ObservedFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return Mark(findings, await SuspicionEvidence.GatherAsync(store, findings, cancellationToken), Rules);
    }

    public static IReadOnlyList<ObservedFinding> Mark(IReadOnlyList<ObservedFinding> findings, SuspicionEvidence evidence, IReadOnlyList<ISuspicionRule> rules)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(rules);
        // A reason the source gave itself stands; the rules judge the rest.
        return findings.Select(f => f with { Suspect = f.Suspect ?? rules.Select(rule => rule.Judge(f, evidence)).FirstOrDefault(reason => reason is not null) }).ToList();
    }
}
