using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Sla;
using Ctem.Server.Dashboard.Charts;

namespace Ctem.Server.Dashboard.Pages;

/// <summary>Trends drawn from the findings' history: open by priority, new versus fixed per week, MTTR, SLA compliance.</summary>
public sealed class TrendsModel(DashboardData data) : DashboardPage(data)
{
    public const int Weeks = 26;

    public IReadOnlyList<WeekPoint> History { get; private set; } = [];

    public SlaReport? Sla { get; private set; }

    public IReadOnlyList<string> Labels => History.Select(w => Format.Day(w.End)[5..]).ToList();

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var products = await Data.ProductsAsync(Caller, cancellationToken);
        var events = await Data.EventsAsync(products.Select(p => p.Name), cancellationToken);
        History = WeeklyHistory.Of(events.Values.SelectMany(e => e).ToList(), Data.Now, Weeks);
        Sla = await Data.SlaAsync(Caller, cancellationToken);
    }
}
