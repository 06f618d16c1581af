using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;

namespace Ctem.Engine.Prioritization;

/// <summary>How many open findings a re-assessment looked at, and how many of them changed priority.</summary>
public sealed record ReprioritizeOutcome(int Assessed, int PriorityChanged);

/// <summary>
/// Re-assesses every open finding with today's KEV and EPSS facts, each with the business context and policy its product
/// was last scanned with: a CVE that enters KEV raises its findings' priority without waiting for the next scan.
/// </summary>
public static class Reprioritizer
{
    /// <param name="product">Only this product's findings (after its graph changed); null for every product.</param>
    public static async Task<ReprioritizeOutcome> RunAsync(ICtemStore store, TimeProvider time, CancellationToken cancellationToken, string? product = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var settings = await store.GetProductRiskSettingsAsync(cancellationToken);
        var open = (await store.GetCurrentFindingsAsync(product, cancellationToken)).Where(f => settings.ContainsKey(f.Product)).ToList();
        if (open.Count == 0)
        {
            return new ReprioritizeOutcome(0, 0);
        }

        var exploitation = await ExploitationLookup.ForAsync(store, open.Select(f => f.Vulnerability), cancellationToken);
        var cveRecords = await CveRecordLookup.ForAsync(store, open.Select(f => f.Vulnerability), cancellationToken);
        var feeds = await FindingAssessor.FeedsAsync(store, cancellationToken);
        var now = time.GetUtcNow();
        var paths = await Graph.AttackPathExposures.ForAsync(store, open.Select(f => f.Product).Distinct(StringComparer.Ordinal), cancellationToken);
        var validated = await Validation.ValidationEvidenceLookup.ValidatedAsync(store, product, cancellationToken);
        var updates = new List<(long, RiskAssessment)>(open.Count);
        var changed = 0;
        foreach (var finding in open)
        {
            var stored = settings[finding.Product];
            var inputs = new RiskInputs(CveRecordLookup.Apply(finding.Vulnerability, cveRecords), exploitation.GetValueOrDefault(finding.Vulnerability.Id), finding.Relation, finding.Scope, stored.Context) {
                Suspect = finding.Suspect,
                VersionInferredFrom = finding.VersionInferredFrom,
                AttackPaths = paths.TryGetValue(finding.Product, out var exposure) ? exposure(finding.Id) : null,
                Validated = validated.GetValueOrDefault(finding.Id),
            };
            var risk = RiskModel.Assess(inputs, stored.Policy, feeds, now);
            if (risk.Priority != finding.Risk?.Priority)
            {
                changed++;
            }

            updates.Add((finding.Id, risk));
        }

        await store.UpdateRiskAsync(updates, cancellationToken);
        return new ReprioritizeOutcome(updates.Count, changed);
    }
}
