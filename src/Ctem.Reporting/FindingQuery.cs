using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Prioritization;

namespace Ctem.Reporting;

/// <summary>Stored findings as every output shows them: joined to KEV, EPSS and CVE records, most urgent first. <c>ctem findings</c> and the API read through it.</summary>
public static class FindingQuery
{
    /// <param name="where">Which of the stored findings to keep (an API token's products); null for all.</param>
    public static async Task<IReadOnlyList<FindingView>> LoadAsync(ICtemStore store, FindingFilter filter, Func<StoredFinding, bool>? where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = (await store.GetFindingsAsync(filter, cancellationToken)).Where(f => where?.Invoke(f) ?? true).ToList();
        return FindingView.ByPriority(await ViewsAsync(store, stored, cancellationToken));
    }

    /// <summary>The stored findings as views, joined to KEV, EPSS and CVE records, in the order given (a page the store ordered).</summary>
    public static async Task<IReadOnlyList<FindingView>> ViewsAsync(ICtemStore store, IReadOnlyList<StoredFinding> stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stored);
        var exploitation = await ExploitationLookup.ForAsync(store, stored.Select(f => f.Vulnerability), cancellationToken);
        var cveRecords = await CveRecordLookup.ForAsync(store, stored.Select(f => f.Vulnerability), cancellationToken);
        return [.. stored.Select(f => FindingView.From(f).With(exploitation).With(cveRecords))];
    }
}
