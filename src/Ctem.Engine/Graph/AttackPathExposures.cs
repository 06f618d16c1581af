using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;

namespace Ctem.Engine.Graph;

/// <summary>The risk score's attack-path factor: how many paths of its product's latest graph go through each finding.</summary>
public static class AttackPathExposures
{
    /// <summary>
    /// For each product whose latest graph has a crown jewel, a finding id's exposure (no paths: off every path); products
    /// without one are absent, and their findings get no attack-path factor.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Func<long, AttackPathExposure>>> ForAsync(ICtemStore store, IEnumerable<string> products, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(products);
        var result = new Dictionary<string, Func<long, AttackPathExposure>>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            if (await store.GetLatestGraphAsync(product, cancellationToken) is not { } stored || !stored.Graph.CrownJewels.Any())
            {
                continue;
            }

            var byFinding = PathAnalysis.Of(stored.Graph).Paths
                .SelectMany(p => p.Findings.Select(id => (Id: id, p.To)))
                .GroupBy(x => x.Id)
                .ToDictionary(g => g.Key, g => new AttackPathExposure(g.Count(), [.. g.Select(x => x.To).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));
            result[product] = id => byFinding.GetValueOrDefault(id) ?? new AttackPathExposure(0, []);
        }

        return result;
    }
}
