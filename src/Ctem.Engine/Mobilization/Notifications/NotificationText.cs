using System.Globalization;
using Ctem.Core.Scoring.Risk;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>The words of a notification for people, shared by Slack and e-mail: a subject and a few detail lines per event.</summary>
public static class NotificationText
{
    /// <summary>"ctem: 3 notifications (1 sla-breached, 2 kev)", or the one event's title and finding.</summary>
    public static string Subject(IReadOnlyList<NotificationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 1)
        {
            var e = events[0];
            return $"ctem: {NotificationKinds.Title(e.Kind)}: {e.Finding.Vulnerability.Id} in {e.Finding.Product}";
        }

        var kinds = events.GroupBy(e => e.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {NotificationKinds.Name(g.Key)}");
        return $"ctem: {events.Count} notifications ({string.Join(", ", kinds)})";
    }

    /// <summary>What a reader needs to act: product, priority and owner, the due date, and the kind's own facts.</summary>
    public static IReadOnlyList<string> Details(NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var f = e.Finding;
        var lines = new List<string>
        {
            $"Product: {f.Product} · finding {f.Id.ToString(CultureInfo.InvariantCulture)} · priority {(e.Priority == Priority.Unspecified ? "unassessed" : e.Priority.ToString().ToLowerInvariant())} · owner {f.Owner ?? "none"}",
        };
        if (f.Vulnerability.Summary is { Length: > 0 } summary)
        {
            lines.Add($"Summary: {summary}");
        }

        if (e.Due is { } due)
        {
            lines.Add($"Due: {Day(due.At)} (by {(due.Basis == DueDateBasis.Kev ? "CISA KEV" : "SLA")})");
        }

        if (e.Kev is { } kev)
        {
            lines.Add($"KEV: {kev.CveId} added {kev.DateAdded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(kev.RequiredAction is { } action ? $"; {action}" : "")}");
        }

        if (e.Acceptance is { } acceptance)
        {
            lines.Add($"Accepted until {Day(acceptance.Until)} by {acceptance.By}: {acceptance.Reason}");
        }

        lines.Add($"Event: {e.Key}");
        return lines;
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
