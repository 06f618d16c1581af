using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;

namespace Ctem.Engine.Prioritization;

/// <summary>Assesses findings against a product's business context and risk policy, with the exploitation facts the store holds.</summary>
public static class FindingAssessor
{
    /// <summary>Which KEV catalogue and EPSS scores the store holds, so explanations can name them.</summary>
    public static async Task<FeedSnapshot> FeedsAsync(ICtemStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var feeds = await store.GetFeedStatusAsync(cancellationToken);
        var kev = feeds.FirstOrDefault(f => f.Source == "KEV");
        var epss = feeds.FirstOrDefault(f => f.Source == "EPSS");
        return new FeedSnapshot(kev?.Version, kev?.PublishedAt, epss?.PublishedAt, kev is not null, epss is not null);
    }

    /// <summary>Each finding with its <see cref="ObservedFinding.Risk"/> set; <paramref name="exploitation"/> is keyed by vulnerability id.</summary>
    public static async Task<IReadOnlyList<ObservedFinding>> AssessAsync(
        ICtemStore store,
        IReadOnlyList<ObservedFinding> findings,
        ProductRiskSettings settings,
        IReadOnlyDictionary<string, Exploitation> exploitation,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var feeds = await FeedsAsync(store, cancellationToken);
        return findings
            .Select(f => f with
            {
                Risk = RiskModel.Assess(
                    new RiskInputs(f.Vulnerability, exploitation.GetValueOrDefault(f.Vulnerability.Id), f.Component.Relation, f.Component.Scope, settings.Context),
                    settings.Policy,
                    feeds,
                    now),
            })
            .ToList();
    }
}
