using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Prioritization;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>Reads the <see cref="NotificationFacts"/> of one product, or of every product, from the store and the acceptance source.</summary>
public static class NotificationFactsReader
{
    public static async Task<NotificationFacts> ReadAsync(
        ICtemStore store, IAcceptanceSource acceptances, string? product, DateTimeOffset now, int dueSoonDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(acceptances);
        var open = await store.GetCurrentFindingsAsync(product, cancellationToken);
        var accepted = await acceptances.GetRiskAcceptancesAsync(product, cancellationToken);
        IReadOnlyList<StoredFinding> acceptedFindings = accepted.Count == 0
            ? []
            : [.. (await store.GetFindingsAsync(new FindingFilter(product, FindingStatusFilter.All) { Ids = [.. accepted.Select(a => a.FindingId).Distinct()] }, cancellationToken))
                .Where(f => product is null || f.Product == product)];
        var exploitation = await ExploitationLookup.ForAsync(store, open.Concat(acceptedFindings).Select(f => f.Vulnerability), cancellationToken);
        var kev = exploitation.Where(e => e.Value.Kev is not null).ToDictionary(e => e.Key, e => e.Value.Kev!, StringComparer.Ordinal);
        var events = new List<FindingEvent>();
        foreach (var name in open.Select(f => f.Product).Distinct(StringComparer.Ordinal))
        {
            events.AddRange(await store.GetFindingEventsAsync(name, 0, long.MaxValue, cancellationToken));
        }

        return new NotificationFacts(open, events, kev, accepted, acceptedFindings.ToDictionary(f => f.Id), now, dueSoonDays);
    }
}
