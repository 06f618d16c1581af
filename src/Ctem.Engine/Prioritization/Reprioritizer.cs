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
    public static async Task<ReprioritizeOutcome> RunAsync(ICtemStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var settings = await store.GetProductRiskSettingsAsync(cancellationToken);
        var open = (await store.GetCurrentFindingsAsync(null, cancellationToken)).Where(f => settings.ContainsKey(f.Product)).ToList();
        if (open.Count == 0)
        {
            return new ReprioritizeOutcome(0, 0);
        }

        var exploitation = await ExploitationLookup.ForAsync(store, open.Select(f => f.Vulnerability), cancellationToken);
        var cveRecords = await CveRecordLookup.ForAsync(store, open.Select(f => f.Vulnerability), cancellationToken);
        var feeds = await FindingAssessor.FeedsAsync(store, cancellationToken);
        var now = time.GetUtcNow();
        var updates = new List<(long, RiskAssessment)>(open.Count);
        var changed = 0;
        foreach (var finding in open)
        {
            var product = settings[finding.Product];
            var inputs = new RiskInputs(CveRecordLookup.Apply(finding.Vulnerability, cveRecords), exploitation.GetValueOrDefault(finding.Vulnerability.Id), finding.Relation, finding.Scope, product.Context) {
                Suspect = finding.Suspect,
                VersionInferredFrom = finding.VersionInferredFrom,
            };
            var risk = RiskModel.Assess(inputs, product.Policy, feeds, now);
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
