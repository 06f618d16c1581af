using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Sla;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>
/// Finds the events of every kind in the current state (pure). Detection does not remember what was sent: the
/// dispatcher does, per channel, by <see cref="NotificationEvent.Key"/>.
/// </summary>
public static class EventDetector
{
    /// <summary>How far back an opening counts as new: older ones were news before notifications were set up.</summary>
    public static readonly TimeSpan NewFindingWindow = TimeSpan.FromDays(7);

    public static IReadOnlyList<NotificationEvent> Detect(NotificationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var events = new List<NotificationEvent>();
        events.AddRange(NewFindings(facts));
        events.AddRange(KevListed(facts));
        events.AddRange(SlaEvents(facts));
        events.AddRange(ExpiringAcceptances(facts));
        return [.. events.OrderBy(e => e.Kind).ThenBy(e => e.Finding.Product, StringComparer.Ordinal).ThenBy(e => e.Finding.Id).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>Each opening or reopening of a finding still open, within <see cref="NewFindingWindow"/>; a reopening is news again.</summary>
    private static IEnumerable<NotificationEvent> NewFindings(NotificationFacts facts)
    {
        var open = facts.OpenFindings.ToDictionary(f => f.Id);
        return facts.Events
            .Where(e => e.Kind is FindingEventKind.Opened or FindingEventKind.Reopened && e.At >= facts.Now - NewFindingWindow && open.ContainsKey(e.FindingId))
            .GroupBy(e => e.FindingId)
            .Select(g => g.MaxBy(e => e.Id)!)
            .Select(e => new NotificationEvent(NotificationKind.NewFinding, $"new-finding:{e.FindingId}:{e.Id}", open[e.FindingId])
            {
                OpenedAt = e.At,
                Due = DueOf(open[e.FindingId], facts),
                Kev = facts.Kev.GetValueOrDefault(open[e.FindingId].Vulnerability.Id),
            });
    }

    /// <summary>Each open finding whose vulnerability CISA lists as exploited: once per finding and KEV CVE id.</summary>
    private static IEnumerable<NotificationEvent> KevListed(NotificationFacts facts) =>
        facts.OpenFindings
            .Where(f => facts.Kev.ContainsKey(f.Vulnerability.Id))
            .Select(f => new NotificationEvent(NotificationKind.Kev, $"kev:{f.Id}:{facts.Kev[f.Vulnerability.Id].CveId}", f)
            {
                Kev = facts.Kev[f.Vulnerability.Id],
                Due = DueOf(f, facts),
            });

    /// <summary>Breaches and what falls due soon, exactly as <c>ctem sla</c> counts them; once per finding and due date.</summary>
    private static IEnumerable<NotificationEvent> SlaEvents(NotificationFacts facts)
    {
        var report = SlaCalculator.Compute(facts.OpenFindings, facts.Kev, [], facts.Now, facts.DueSoonDays);
        return report.Breached.Select(s => Sla(NotificationKind.SlaBreached, "sla-breached", s, facts))
            .Concat(report.DueSoon.Select(s => Sla(NotificationKind.SlaDueSoon, "sla-due-soon", s, facts)));
    }

    private static NotificationEvent Sla(NotificationKind kind, string name, SlaFinding finding, NotificationFacts facts) =>
        new(kind, $"{name}:{finding.Finding.Id}:{Day(finding.Due.At)}", finding.Finding)
        {
            Due = finding.Due,
            Kev = facts.Kev.GetValueOrDefault(finding.Finding.Vulnerability.Id),
        };

    /// <summary>Acceptances that end within the due-soon window (or have ended and are still on record): once per finding and end date.</summary>
    private static IEnumerable<NotificationEvent> ExpiringAcceptances(NotificationFacts facts) =>
        facts.Acceptances
            .Where(a => a.Until <= facts.Now.AddDays(facts.DueSoonDays) && facts.AcceptedFindings.ContainsKey(a.FindingId))
            .Select(a => new NotificationEvent(NotificationKind.AcceptanceExpiring, $"acceptance-expiring:{a.FindingId}:{Day(a.Until)}", facts.AcceptedFindings[a.FindingId])
            {
                Acceptance = a,
                Due = DueOf(facts.AcceptedFindings[a.FindingId], facts),
                Kev = facts.Kev.GetValueOrDefault(facts.AcceptedFindings[a.FindingId].Vulnerability.Id),
            });

    private static DueDate? DueOf(StoredFinding finding, NotificationFacts facts) =>
        DueDate.Of(finding.Risk, finding.FirstSeenAt, facts.Kev.GetValueOrDefault(finding.Vulnerability.Id));

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
