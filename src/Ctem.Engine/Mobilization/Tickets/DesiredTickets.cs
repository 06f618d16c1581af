using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Engine.Mobilization.Plan;

namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>Where a ticket goes: a tracker and its repository (owner/name) or project key.</summary>
public sealed record TicketTarget(TicketTrackerKind Tracker, string Project)
{
    public string TrackerName => Tracker == TicketTrackerKind.GitHub ? "github" : "jira";
}

/// <summary>A ticket as it should be now: where, about what (its stable grouping key), its content and its findings.</summary>
public sealed record DesiredTicket(TicketTarget Target, string GroupingKey, TicketContent Content, IReadOnlyList<StoredFinding> Findings);

/// <summary>
/// The tickets the open findings call for, pure: one per remediation action (split by target when routes send its
/// findings to different trackers) or one per finding, each routed by the first route naming its product or owner.
/// </summary>
public static class DesiredTickets
{
    public static IReadOnlyList<DesiredTicket> FromPlan(RemediationPlan plan, TicketSettings settings) =>
        plan.Actions
            .SelectMany(action => action.Fixes
                .GroupBy(f => Route(f, settings))
                .Where(g => g.Key is not null)
                .Select(g =>
                {
                    var key = ActionKey(action.Ecosystem, action.Name, action.To);
                    var findings = g.OrderBy(f => f.Id).ToList();
                    return new DesiredTicket(g.Key!, key, TicketContent.ForAction(key, action.Ecosystem, action.Name, action.From, action.To, action.Breaking, findings), findings);
                }))
            .ToList();

    public static IReadOnlyList<DesiredTicket> FromFindings(IReadOnlyList<StoredFinding> findings, TicketSettings settings) =>
        findings
            .OrderBy(f => f.Id)
            .Select(f => (Finding: f, Target: Route(f, settings)))
            .Where(x => x.Target is not null)
            .Select(x => new DesiredTicket(x.Target!, FindingKey(x.Finding.Id), TicketContent.ForFinding(FindingKey(x.Finding.Id), x.Finding), [x.Finding]))
            .ToList();

    public static string ActionKey(string ecosystem, string name, string to) => $"action:{ecosystem}/{name}@{to}";

    public static string FindingKey(long findingId) => $"finding:{findingId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The first route naming the finding's product or owner, else the default tracker; null when no tracker is configured for it.</summary>
    public static TicketTarget? Route(StoredFinding finding, TicketSettings settings)
    {
        var route = settings.Routes.FirstOrDefault(r =>
            (r.Product is null || string.Equals(r.Product, finding.Product, StringComparison.Ordinal))
            && (r.Owner is null || string.Equals(r.Owner, finding.Owner, StringComparison.Ordinal)));
        var tracker = route?.Tracker ?? settings.DefaultTracker;
        return tracker switch
        {
            TicketTrackerKind.GitHub when (route?.Repository ?? settings.GitHub?.Repository) is { } repository => new TicketTarget(TicketTrackerKind.GitHub, repository),
            TicketTrackerKind.Jira when (route?.Project ?? settings.Jira?.Project) is { } project => new TicketTarget(TicketTrackerKind.Jira, project),
            _ => null,
        };
    }
}
