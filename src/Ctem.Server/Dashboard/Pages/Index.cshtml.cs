using Ctem.Core.Stores;
using Microsoft.AspNetCore.Mvc;

namespace Ctem.Server.Dashboard.Pages;

/// <summary>The portfolio: the team's products, their open findings, KEV entries, SLA breaches and trend; sortable.</summary>
public sealed class IndexModel(DashboardData data) : DashboardPage(data)
{
    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "product";

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    public bool Descending => Dir == "desc";

    public IReadOnlyList<PortfolioRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Sort = Portfolio.Sorts.Contains(Sort) ? Sort : "product";
        var products = await Data.ProductsAsync(Caller, cancellationToken);
        var counts = await Data.Store.CountOpenFindingsAsync([.. products.Select(p => p.Name)], Data.Now, cancellationToken);
        var events = await Data.EventsAsync(products.Select(p => p.Name), cancellationToken);
        Rows = Portfolio.Sorted(Portfolio.Rows(products, counts, events, Data.Now), Sort, Descending);
    }
}
