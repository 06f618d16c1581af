using Ctem.Core.Scoping;
using Ctem.Core.Stores;

namespace Ctem.Server.Access;

/// <summary>
/// What a scan or an ingest through the API is assessed with. A product of the caller's team keeps what its scope file
/// declared (stored with its last assessment); a new product is declared for the caller's team; any other product is
/// not found.
/// </summary>
internal static class WriteScope
{
    public static async Task<(ScopeDocument? Scope, IResult? Problem)> ForAsync(ICtemStore store, Caller caller, string product, CancellationToken cancellationToken)
    {
        var known = (await store.ListProductsAsync(cancellationToken)).Any(p => p.Name == product);
        if (!known)
        {
            var declared = new ScopeProduct(product, null, new ProductOwner(caller.Team, null), Criticality.Unspecified, DataSensitivity.Unspecified, false, [], []);
            return (ScopeDocument.Empty with { Products = [declared] }, null);
        }

        return await ProductAccess.CanSeeAsync(store, caller, product, cancellationToken)
            ? (ScopeDocument.Empty, null)
            : (null, Problems.NotFound($"no product named '{product}'"));
    }
}
