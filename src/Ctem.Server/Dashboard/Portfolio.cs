using Ctem.Core.Stores;
using Ctem.Reporting;
using Ctem.Server.Dashboard.Charts;
using Ctem.Engine.Mobilization.Sla;

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

    public static IReadOnlyList<PortfolioRow> Rows(
        IReadOnlyList<ProductSummary> products, IReadOnlyList<FindingView> open, SlaReport sla, IReadOnlyDictionary<string, IReadOnlyList<FindingEvent>> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(events);
        var byProduct = open.ToLookup(f => f.Product, StringComparer.Ordinal);
        var breaches = sla.Breached.CountBy(b => b.Finding.Product).ToDictionary(StringComparer.Ordinal);
        return products.Select(product =>
        {
            var findings = byProduct[product.Name].ToList();
            var priorities = WeeklyHistory.Priorities.ToDictionary(
                p => p, p => findings.Count(f => f.Risk is { } risk && JsonOutput.Name(risk.Priority) == p), StringComparer.Ordinal);
            var history = WeeklyHistory.Of(events.GetValueOrDefault(product.Name) ?? [], now, TrendWeeks);
            return new PortfolioRow(
                product.Name,
                priorities,
                findings.Count(f => f.Exploitation?.Kev is not null),
                breaches.GetValueOrDefault(product.Name),
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
