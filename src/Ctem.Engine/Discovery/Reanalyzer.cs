using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;
using Ctem.Engine.Discovery.Matching;
using Ctem.Engine.Prioritization;
using Ctem.Engine.Validation;

namespace Ctem.Engine.Discovery;

/// <summary>What a re-analysis changed: findings opened, reopened, resolved or re-prioritized, and in how many products.</summary>
public sealed record ReanalysisOutcome(int Inventories, int Products, int New, int Reopened, int Resolved, int PriorityChanged)
{
    public int Changed => New + Reopened + Resolved + PriorityChanged;
}

/// <summary>
/// Continuous discovery without rescanning: after an advisory import, the stored current inventory of every source
/// (its latest scan) is re-matched for just the packages the new, changed or withdrawn advisories name, found through
/// the package index. New matches open findings; matches that a withdrawn or narrowed advisory no longer makes are
/// resolved. Each inventory that changed gets a run of kind <c>reanalysis</c> in its source's history.
/// </summary>
public sealed class Reanalyzer(ICtemStore store, VersionSchemeRegistry schemes, TimeProvider time)
{
    public async Task<ReanalysisOutcome> RunAsync(IReadOnlyCollection<PackageKey> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.Count == 0)
        {
            return new ReanalysisOutcome(0, 0, 0, 0, 0, 0);
        }

        var inventories = await store.FindInventoriesWithAsync(changed, cancellationToken);
        if (inventories.Count == 0)
        {
            return new ReanalysisOutcome(0, 0, 0, 0, 0, 0);
        }

        var settings = await store.GetProductRiskSettingsAsync(cancellationToken);
        int created = 0, reopened = 0, resolved = 0, reprioritized = 0;
        var products = new HashSet<string>(StringComparer.Ordinal);
        foreach (var inventory in inventories)
        {
            var outcome = await ReanalyzeAsync(inventory, settings.GetValueOrDefault(inventory.Product), cancellationToken);
            if (outcome.New + outcome.Reopened + outcome.Resolved + outcome.PriorityChanged > 0)
            {
                products.Add(inventory.Product);
            }

            (created, reopened, resolved, reprioritized) = (created + outcome.New, reopened + outcome.Reopened, resolved + outcome.Resolved, reprioritized + outcome.PriorityChanged);
        }

        return new ReanalysisOutcome(inventories.Count, products.Count, created, reopened, resolved, reprioritized);
    }

    private async Task<RunOutcome> ReanalyzeAsync(SourceInventory inventory, ProductRiskSettings? settings, CancellationToken cancellationToken)
    {
        var components = inventory.Components;
        var keys = components.Select(c => c.PackageKey).OfType<PackageKey>().Distinct().ToList();
        var candidates = await store.FindAdvisoriesAsync(keys, cancellationToken);
        var match = AdvisoryMatcher.Match(components, candidates, schemes);
        var context = settings ?? new ProductRiskSettings(ProductRiskContext.Undeclared(inventory.Product), ScopeDocument.Empty.Policy);
        var exploitation = await ExploitationLookup.ForAsync(store, match.Findings.Select(f => f.Vulnerability), cancellationToken);
        var now = time.GetUtcNow();
        var cveRecords = await CveRecordLookup.ForAsync(store, match.Findings.Select(f => f.Vulnerability), cancellationToken);
        var findings = await FindingAssessor.AssessAsync(store, ObservedFindingMerger.Merge(match.Findings, schemes), context, exploitation, cveRecords, now, cancellationToken);
        var record = new ScanRecord(new ProductRef(inventory.Product, null), inventory.Source, now, now, [], [], findings)
        {
            Tool = ScanRunner.SourceName,
            Kind = RunKind.Reanalysis,
            ResolveOnly = components.Select(c => c.Coordinates).ToHashSet(StringComparer.Ordinal),

            // A check that could not be decided (an unreadable version) proves no absence.
            Complete = match.Undetermined.Count == 0,
        };
        var outcome = await store.RecordScanAsync(record, cancellationToken);
        if (outcome.RunId != 0)
        {
            await VexStage.AfterRecordAsync(store, schemes, time, inventory.Product, VexPolicy.Empty, cancellationToken);
        }

        return outcome;
    }
}
