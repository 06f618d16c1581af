using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Sla;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Dashboard;

/// <summary>
/// What the pages read, always through the caller's team: the same store, queries and access rule as the API, so a
/// product of another team is absent from every list and not found by URL.
/// </summary>
public sealed class DashboardData
{
    private readonly EngineServices _engine;

    internal DashboardData(EngineServices engine) => _engine = engine;

    internal EngineServices Engine => _engine;

    public ICtemStore Store => _engine.Store;

    public DateTimeOffset Now => _engine.Time.GetUtcNow();

    internal Task<IReadOnlySet<string>> VisibleAsync(Caller caller, CancellationToken cancellationToken) =>
        ProductAccess.VisibleAsync(_engine.Store, caller, cancellationToken);

    /// <summary>The caller's products, by name.</summary>
    internal async Task<IReadOnlyList<ProductSummary>> ProductsAsync(Caller caller, CancellationToken cancellationToken)
    {
        var visible = await VisibleAsync(caller, cancellationToken);
        return (await _engine.Store.ListProductsAsync(cancellationToken)).Where(p => visible.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The caller's findings through the store's findings query (the CLI's and the API's), most urgent first.</summary>
    internal async Task<IReadOnlyList<FindingView>> FindingsAsync(Caller caller, FindingFilter filter, CancellationToken cancellationToken)
    {
        var visible = await VisibleAsync(caller, cancellationToken);
        if (filter.Product is { } product && !visible.Contains(product))
        {
            return [];
        }

        return await FindingQuery.LoadAsync(_engine.Store, filter, f => visible.Contains(f.Product), cancellationToken);
    }

    /// <summary>One page of the findings page's search and how many findings it selects, read in SQL (two queries at once).</summary>
    internal async Task<(IReadOnlyList<FindingView> Page, int Total)> FindingPageAsync(Caller caller, FindingSearch search, CancellationToken cancellationToken)
    {
        var visible = await VisibleAsync(caller, cancellationToken);
        if (search.Product is { } product && !visible.Contains(product))
        {
            return ([], 0);
        }

        if (search.PageRequest(visible) is not { } request)
        {
            return search.Apply(await FindingsAsync(caller, search.StoreFilter(), cancellationToken));
        }

        var total = _engine.Store.CountFindingsAsync(request, cancellationToken);
        var stored = await _engine.Store.GetFindingPageAsync(request, cancellationToken);
        return (await FindingQuery.ViewsAsync(_engine.Store, stored, cancellationToken), await total);
    }

    /// <summary>One of the caller's findings; null when it does not exist or belongs to another team.</summary>
    internal async Task<FindingView?> FindingAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        (await FindingsAsync(caller, new FindingFilter(null, FindingStatusFilter.All) { Ids = [id] }, cancellationToken)).SingleOrDefault();

    /// <summary>The history of each product, oldest first.</summary>
    internal async Task<IReadOnlyDictionary<string, IReadOnlyList<FindingEvent>>> EventsAsync(IEnumerable<string> products, CancellationToken cancellationToken)
    {
        var events = new Dictionary<string, IReadOnlyList<FindingEvent>>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            events[product] = await _engine.Store.GetFindingEventsAsync(product, 0, long.MaxValue, cancellationToken);
        }

        return events;
    }

    /// <summary>What the SLA figures are computed from, over the caller's products.</summary>
    internal async Task<SlaInputs> SlaInputsAsync(Caller caller, CancellationToken cancellationToken) =>
        await SlaReporter.LoadAsync(_engine.Store, null, null, await VisibleAsync(caller, cancellationToken), cancellationToken);
}
