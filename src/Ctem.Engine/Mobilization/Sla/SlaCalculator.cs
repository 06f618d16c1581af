using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Sla;

/// <summary>
/// Computes an <see cref="SlaReport"/> from stored findings (open and resolved), their KEV entries and their history.
/// Pure: the store is read by <see cref="SlaReporter"/>.
/// </summary>
public static class SlaCalculator
{
    public const int DefaultDueSoonDays = 7;

    public static SlaReport Compute(
        IReadOnlyList<StoredFinding> findings,
        IReadOnlyDictionary<string, KevEntry> kev,
        IReadOnlyList<FindingEvent> events,
        DateTimeOffset now,
        int dueSoonDays = DefaultDueSoonDays)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(kev);
        ArgumentNullException.ThrowIfNull(events);
        var dated = findings
            .Select(f => (Finding: f, Due: DueDate.Of(f.Risk, f.FirstSeenAt, kev.GetValueOrDefault(f.Vulnerability.Id))))
            .Where(d => d.Due is not null)
            .Select(d => (d.Finding, Due: d.Due!))
            .ToList();
        var open = dated.Where(d => d.Finding.Status == FindingStatus.Open).Select(d => new SlaFinding(d.Finding, d.Due, d.Due.At - now)).ToList();
        var horizon = TimeSpan.FromDays(dueSoonDays);
        return new SlaReport(
            now,
            dueSoonDays,
            [.. open.Where(f => f.Remaining < TimeSpan.Zero).OrderBy(f => f.Due.At).ThenByDescending(f => f.Finding.Risk?.Score).ThenBy(f => f.Finding.Id)],
            [.. open.Where(f => f.Remaining >= TimeSpan.Zero && f.Remaining <= horizon).OrderBy(f => f.Due.At).ThenByDescending(f => f.Finding.Risk?.Score).ThenBy(f => f.Finding.Id)],
            Compliance(dated, d => d.Finding.Product, now),
            Compliance(dated, d => d.Finding.Owner ?? SlaReport.Unowned, now),
            MeanTimes(findings, events));
    }

    private static List<SlaCompliance> Compliance(List<(StoredFinding Finding, DueDate Due)> dated, Func<(StoredFinding Finding, DueDate Due), string> key, DateTimeOffset now) =>
        [.. dated
            .GroupBy(key, StringComparer.Ordinal)
            .Select(g => new SlaCompliance(
                g.Key,
                g.Count(),
                g.Count(d => Within(d.Finding, d.Due, now)),
                g.Count(d => d.Finding.Status == FindingStatus.Open && d.Due.At < now)))
            .OrderBy(c => c.Percent)
            .ThenBy(c => c.Name, StringComparer.Ordinal)];

    // Open and not yet due, or resolved by the due date; a resolved finding without its resolution time is not counted as kept.
    private static bool Within(StoredFinding finding, DueDate due, DateTimeOffset now) =>
        finding.Status == FindingStatus.Open ? due.At >= now : finding.ResolvedAt is { } resolved && resolved <= due.At;

    /// <summary>
    /// One remediation per resolution in a finding's history, timed from the opening or reopening before it, under the
    /// priority it had then (the event's, else the latest known before it, else the finding's current one).
    /// </summary>
    private static List<MeanTimeToRemediate> MeanTimes(IReadOnlyList<StoredFinding> findings, IReadOnlyList<FindingEvent> events)
    {
        var current = findings.ToDictionary(f => f.Id, f => f.Risk?.Priority ?? Priority.Unspecified);
        var durations = new List<(Priority Priority, TimeSpan Took)>();
        foreach (var history in events.Where(e => current.ContainsKey(e.FindingId)).GroupBy(e => e.FindingId))
        {
            DateTimeOffset? openedAt = null;
            var priority = current[history.Key];
            var known = Priority.Unspecified;
            foreach (var e in history.OrderBy(e => e.Id))
            {
                known = Parse(e.Priority) is var p && p != Priority.Unspecified ? p : known;
                switch (e.Kind)
                {
                    case FindingEventKind.Opened or FindingEventKind.Reopened:
                        openedAt = e.At;
                        break;
                    case FindingEventKind.Resolved when openedAt is { } start:
                        durations.Add((known != Priority.Unspecified ? known : priority, e.At - start));
                        openedAt = null;
                        break;
                }
            }
        }

        return [.. durations
            .Where(d => d.Priority != Priority.Unspecified)
            .GroupBy(d => d.Priority)
            .OrderByDescending(g => g.Key)
            .Select(g => new MeanTimeToRemediate(g.Key, g.Count(), Math.Round(g.Average(d => d.Took.TotalDays), 1)))];
    }

    private static Priority Parse(string? priority) =>
        Enum.TryParse<Priority>(priority, ignoreCase: true, out var parsed) ? parsed : Priority.Unspecified;
}
