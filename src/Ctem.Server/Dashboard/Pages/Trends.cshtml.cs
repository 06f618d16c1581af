using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Sla;
using Ctem.Server.Dashboard.Charts;

namespace Ctem.Server.Dashboard.Pages;

/// <summary>Trends drawn from the findings' history: open by priority, new versus fixed per week, MTTR, SLA compliance week by week and now.</summary>
public sealed class TrendsModel(DashboardData data) : DashboardPage(data)
{
    public const int Weeks = 26;

    public IReadOnlyList<WeekPoint> History { get; private set; } = [];

    public SlaReport? Sla { get; private set; }

    public IReadOnlyList<SlaWeek> Compliance { get; private set; } = [];

    public IReadOnlyList<string> Labels => History.Select(w => Format.Day(w.End)[5..]).ToList();

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var inputs = await Data.SlaInputsAsync(Caller, cancellationToken);
        History = WeeklyHistory.Of(inputs.Events, Data.Now, Weeks);
        Sla = SlaCalculator.Compute(inputs.Findings, inputs.Kev, inputs.Events, Data.Now);
        Compliance = WeeklySla.Of(inputs.Findings, inputs.Kev, inputs.Events, await Data.Store.GetProductRiskSettingsAsync(cancellationToken), Data.Now, Weeks);
    }
}
