using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Validation;

/// <summary>
/// What every recording of findings (scan, ingest, re-analysis) does next: the suggestions the scope file's
/// <c>vex.auto</c> names are recorded, then every stored statement is applied, so pre-emptive VEX meets the findings it names.
/// </summary>
public static class VexStage
{
    public static async Task<VexApplication> AfterRecordAsync(
        ICtemStore store, VersionSchemeRegistry schemes, TimeProvider time, string product, VexPolicy policy, CancellationToken cancellationToken)
    {
        if (policy.Auto.Count > 0)
        {
            var suggester = new VexSuggester(store, schemes, time);
            var suggestions = await suggester.SuggestAsync(product, policy.Auto, cancellationToken);
            if (suggestions.Count > 0)
            {
                await suggester.ApplyAsync(product, suggestions, cancellationToken);
            }
        }

        return await new VexApplier(store, schemes, time).ApplyAsync(product, cancellationToken);
    }

    /// <summary>Which of the given findings a statement closed (not_affected, false_positive, fixed): out of the counts and the gate.</summary>
    public static async Task<IReadOnlySet<long>> ClosedAsync(ICtemStore store, VexApplication application, IEnumerable<long> findingIds, CancellationToken cancellationToken)
    {
        var linked = application.Links.Select(l => l.FindingId).ToHashSet();
        var ids = findingIds.Where(linked.Contains).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<long>();
        }

        var findings = await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All) { Ids = ids }, cancellationToken);
        return findings.Where(f => f.Vex?.Closes == true).Select(f => f.Id).ToHashSet();
    }
}
