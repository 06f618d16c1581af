using Ctem.Engine.Mobilization.Plan;
using Ctem.Plugins;

namespace Ctem.Server.Dashboard.Pages;

/// <summary>The remediation plan of <c>ctem plan</c>, product by product of the team, ranked by the risk each upgrade removes.</summary>
public sealed class PlanModel(DashboardData data) : DashboardPage(data)
{
    public IReadOnlyList<RemediationAction> Actions { get; private set; } = [];

    public int Unplanned { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var planner = new RemediationPlanner(Data.Store, BuiltInPlugins.VersionSchemes);
        var actions = new List<RemediationAction>();
        foreach (var product in await Data.ProductsAsync(Caller, cancellationToken))
        {
            // One product at a time: an action across products would count another team's findings in the risk it removes.
            var plan = await planner.PlanAsync(product.Name, cancellationToken);
            actions.AddRange(plan.Actions);
            Unplanned += plan.Unplanned.Count;
        }

        Actions = actions.OrderByDescending(a => a.RiskRemoved).ThenByDescending(a => a.Fixes.Count).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
    }
}
