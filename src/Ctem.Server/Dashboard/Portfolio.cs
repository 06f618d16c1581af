using Ctem.Core.Stores;
using Ctem.Server.Dashboard.Charts;

namespace Ctem.Server.Dashboard;

/// <summary>One product at a glance: open findings by priority, KEV entries, SLA breaches, the open count week by week, last scan.</summary>
public sealed record PortfolioRow(
    string Product,
    IReadOnlyDictionary<string, int> OpenByPriority,
    int Kev,
    int Breaches,
    IReadOnlyList<double> Trend,
    DateTimeOffset? LastScanAt)
{
    public int Open => OpenByPriority.Values.Sum();
}

/// <summary>The portfolio: a row per product of the team, sortable by any column, and the totals.</summary>
public static class Portfolio
{
    public const int TrendWeeks = 12;

    public static readonly string[] Sorts = ["product", "open", "critical", "high", "medium", "low", "kev", "breaches", "scan"];

    /// <param name="counts">The products' open findings, KEV entries and breaches, counted by the store; a product without one is absent.</param>
    public static IReadOnlyList<PortfolioRow> Rows(
        IReadOnlyList<ProductSummary> products, IReadOnlyList<ProductFindingCounts> counts, IReadOnlyDictionary<string, IReadOnlyList<FindingEvent>> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(events);
        var byProduct = counts.ToDictionary(c => c.Product, StringComparer.Ordinal);
        return products.Select(product =>
        {
            var count = byProduct.GetValueOrDefault(product.Name);
            var priorities = WeeklyHistory.Priorities.ToDictionary(p => p, p => count?.OpenByPriority.GetValueOrDefault(p) ?? 0, StringComparer.Ordinal);
            var history = WeeklyHistory.Of(events.GetValueOrDefault(product.Name) ?? [], now, TrendWeeks);
            return new PortfolioRow(
                product.Name,
                priorities,
                count?.Kev ?? 0,
                count?.Breached ?? 0,
                history.Select(w => (double)w.Open).ToList(),
                product.LastScanAt);
        }).ToList();
    }

    public static IReadOnlyList<PortfolioRow> Sorted(IReadOnlyList<PortfolioRow> rows, string sort, bool descending)
    {
        var ordered = sort switch
        {
            "open" => rows.OrderBy(r => r.Open),
            "kev" => rows.OrderBy(r => r.Kev),
            "breaches" => rows.OrderBy(r => r.Breaches),
            "scan" => rows.OrderBy(r => r.LastScanAt),
            "critical" or "high" or "medium" or "low" => rows.OrderBy(r => r.OpenByPriority[sort]),
            _ => rows.OrderBy(r => r.Product, StringComparer.Ordinal),
        };
        return (descending ? ordered.Reverse() : ordered).ToList();
    }
}
