using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Acceptance;

/// <summary>
/// Puts findings whose accepted risk has reached its end date back in the open list, each with an event. Run before
/// anything lists or gates findings (findings, sla, plan, scan, ingest), so an expired acceptance never hides one.
/// </summary>
public static class AcceptanceExpiry
{
    public static Task<IReadOnlyList<RiskAcceptance>> RunAsync(ICtemStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        return store.ExpireAcceptancesAsync(time.GetUtcNow(), cancellationToken);
    }
}
