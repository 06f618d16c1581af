using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;

namespace Ctem.Server.Dashboard.Charts;

/// <summary>SLA compliance at the end of one week: of the findings with a due date by then, those within it.</summary>
public sealed record SlaWeek(DateTimeOffset End, int Findings, int WithinSla)
{
    /// <summary>The share within the SLA, 0–100; 100 when there is nothing to keep (as <c>ctem sla</c> says it).</summary>
    public double Percent => Findings == 0 ? 100 : Math.Round(100.0 * WithinSla / Findings, 1);
}

/// <summary>
/// SLA compliance week by week, as <c>ctem sla</c> counts it now (SlaCalculator), at the end of each past week: a
/// finding seen by then is due its first sighting plus its SLA days, or KEV's due day when that is earlier and the
/// entry was in the catalogue by then; open and not yet due, or resolved by the due date, is within the SLA. The
/// status and priority are those the finding's history gives at that time; the SLA days those the product's policy
/// gives that priority (the current assessment's for the current priority, so the last week is today's figure).
/// </summary>
public static class WeeklySla
{
    public static IReadOnlyList<SlaWeek> Of(
        IReadOnlyList<StoredFinding> findings,
        IReadOnlyDictionary<string, KevEntry> kev,
        IReadOnlyList<FindingEvent> events,
        IReadOnlyDictionary<string, ProductRiskSettings> settings,
        DateTimeOffset now,
        int maxWeeks)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(kev);
        ArgumentNullException.ThrowIfNull(settings);
        var ordered = WeeklyHistory.InOrder(events);
        var states = new Dictionary<long, WeeklyHistory.State>();
        var assessed = findings.Where(f => f.Risk is not null).ToList();
        var points = new List<SlaWeek>();
        var next = 0;
        foreach (var end in WeeklyHistory.WeekEnds(ordered, now, maxWeeks))
        {
            for (; next < ordered.Count && ordered[next].At <= end; next++)
            {
                var item = ordered[next];
                (states.TryGetValue(item.FindingId, out var known) ? known : states[item.FindingId] = new WeeklyHistory.State()).Apply(item);
            }

            var (counted, within) = (0, 0);
            foreach (var finding in assessed.Where(f => f.FirstSeenAt <= end))
            {
                var state = states.GetValueOrDefault(finding.Id);
                var due = DueAt(finding, state?.Priority, kev.GetValueOrDefault(finding.Vulnerability.Id), settings.GetValueOrDefault(finding.Product), end);
                counted++;
                within += (state is null || state.Open) ? (due >= end ? 1 : 0) : (state.ResolvedAt <= due ? 1 : 0);
            }

            points.Add(new SlaWeek(end, counted, within));
        }

        return points;
    }

    private static DateTimeOffset DueAt(StoredFinding finding, string? priorityThen, KevEntry? kev, ProductRiskSettings? settings, DateTimeOffset end)
    {
        var risk = finding.Risk!;
        var priority = Enum.TryParse<Priority>(priorityThen, ignoreCase: true, out var parsed) && parsed != Priority.Unspecified ? parsed : risk.Priority;
        var days = priority == risk.Priority ? risk.SlaDays : RiskModel.SlaDays(priority, settings?.Policy.Sla ?? RemediationSla.Default);
        var bySla = finding.FirstSeenAt.AddDays(days);
        if (kev?.DueDate is not { } kevDay || kev.DateAdded > DateOnly.FromDateTime(end.UtcDateTime))
        {
            return bySla;
        }

        var byKev = new DateTimeOffset(kevDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return byKev < bySla ? byKev : bySla;
    }
}
