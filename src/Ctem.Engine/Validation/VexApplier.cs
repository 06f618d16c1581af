using Ctem.Core.Stores;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Validation;

/// <summary>
/// Applies every stored VEX statement to a product's findings: the one place that decides which statements apply,
/// called after each scan, ingest and re-analysis (so pre-emptive statements meet the findings they name) and after
/// each import, triage and applied suggestion.
/// </summary>
public sealed class VexApplier(ICtemStore store, VersionSchemeRegistry schemes, TimeProvider time)
{
    public async Task<VexApplication> ApplyAsync(string product, CancellationToken cancellationToken)
    {
        var statements = (await store.GetVexStatementsAsync(null, cancellationToken))
            .Where(s => s.FindingId is not null || VexMatcher.IsFor(s.Product, product))
            .ToList();
        if (statements.Count == 0)
        {
            // Statements are never deleted and a binding never changes: with none for the product, none ever applied.
            return new VexApplication(new VexLinkOutcome(0, 0), []);
        }

        var findings = await store.GetFindingsAsync(new FindingFilter(product, FindingStatusFilter.All), cancellationToken);
        var matcher = new VexMatcher(schemes, await store.GetAliasGroupsAsync(VexMatcher.IdsOf(statements), cancellationToken));
        var links = (from statement in statements
                     from finding in findings
                     where matcher.Matches(statement, finding)
                     select new VexLink(finding.Id, statement.Id)).ToList();
        if (links.Count == 0 && findings.All(f => f.Vex is null))
        {
            return new VexApplication(new VexLinkOutcome(0, 0), links);
        }

        return new VexApplication(await store.ReplaceVexLinksAsync(product, links, time.GetUtcNow(), cancellationToken), links);
    }
}

/// <summary>What applying did: the store's outcome and every (finding, statement) link.</summary>
public sealed record VexApplication(VexLinkOutcome Outcome, IReadOnlyList<VexLink> Links);
