using Ctem.Core.Stores;

namespace Ctem.Server.Access;

/// <summary>
/// Which products a team sees: those whose scope file names the team as owner (<c>owner.team</c>), as stored with the
/// product's last assessment. A product of another team, or of none, is answered as if it did not exist.
/// </summary>
internal static class ProductAccess
{
    /// <summary>The team of every product that has one.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> TeamsAsync(ICtemStore store, CancellationToken cancellationToken) =>
        (await store.GetProductRiskSettingsAsync(cancellationToken))
            .Where(p => p.Value.Ownership?.ProductTeam is not null)
            .ToDictionary(p => p.Key, p => p.Value.Ownership!.ProductTeam!, StringComparer.Ordinal);

    public static async Task<IReadOnlySet<string>> VisibleAsync(ICtemStore store, Caller caller, CancellationToken cancellationToken) =>
        (await TeamsAsync(store, cancellationToken)).Where(p => p.Value == caller.Team).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    public static async Task<bool> CanSeeAsync(ICtemStore store, Caller caller, string product, CancellationToken cancellationToken) =>
        (await TeamsAsync(store, cancellationToken)).GetValueOrDefault(product) == caller.Team;
}
