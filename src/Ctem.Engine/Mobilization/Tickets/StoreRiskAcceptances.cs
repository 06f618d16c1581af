using System.Globalization;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>The acceptances in force that <c>ctem accept</c> keeps in the store, as tickets note them.</summary>
public sealed class StoreRiskAcceptances(ICtemStore store) : IRiskAcceptances
{
    public async Task<IReadOnlyDictionary<long, RiskAcceptanceNote>> GetAsync(IReadOnlyCollection<long> findingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findingIds);
        var wanted = findingIds.ToHashSet();
        return (await store.GetAcceptancesInForceAsync(cancellationToken))
            .Where(a => wanted.Contains(a.FindingId))
            .ToDictionary(a => a.FindingId, a => new RiskAcceptanceNote(a.Id.ToString(CultureInfo.InvariantCulture), a.By, a.Reason, a.Until));
    }
}
