using Ctem.Core.Stores;

namespace Ctem.Server.Dashboard.Charts;

/// <summary>The state of a set of findings at the end of one week, replayed from their history.</summary>
public sealed record WeekPoint(DateTimeOffset End, IReadOnlyDictionary<string, int> OpenByPriority, int Opened, int Fixed)
{
    public int Open => OpenByPriority.Values.Sum();
}

/// <summary>
/// Findings over time, from <c>finding_events</c> alone: opened and reopened make a finding open with the priority it
/// then had, a priority event changes it, resolved closes it. Weeks end at <c>now</c> and go back to the first event.
/// </summary>
public static class WeeklyHistory
{
    public const string Unassessed = "unassessed";

    public static readonly string[] Priorities = ["critical", "high", "medium", "low"];

    public static IReadOnlyList<WeekPoint> Of(IReadOnlyList<FindingEvent> events, DateTimeOffset now, int maxWeeks)
    {
        var ordered = events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var first = ordered.Count == 0 ? now : ordered[0].At;
        var weeks = Math.Clamp((int)Math.Ceiling((now - first).TotalDays / 7) + 1, 2, maxWeeks);
        var open = new Dictionary<long, string>();
        var points = new List<WeekPoint>(weeks);
        var next = 0;
        for (var week = weeks - 1; week >= 0; week--)
        {
            var end = now.AddDays(-7 * week);
            var (opened, fixedCount) = (0, 0);
            for (; next < ordered.Count && ordered[next].At <= end; next++)
            {
                var item = ordered[next];
                switch (item.Kind)
                {
                    case FindingEventKind.Opened or FindingEventKind.Reopened:
                        open[item.FindingId] = item.Priority ?? open.GetValueOrDefault(item.FindingId) ?? Unassessed;
                        opened++;
                        break;
                    case FindingEventKind.Resolved:
                        fixedCount += open.Remove(item.FindingId) ? 1 : 0;
                        break;
                    case FindingEventKind.Priority when open.ContainsKey(item.FindingId) && item.Priority is { } priority:
                        open[item.FindingId] = priority;
                        break;
                }
            }

            var byPriority = Priorities.Append(Unassessed).ToDictionary(p => p, p => 0, StringComparer.Ordinal);
            foreach (var priority in open.Values)
            {
                byPriority[byPriority.ContainsKey(priority) ? priority : Unassessed]++;
            }

            points.Add(new WeekPoint(end, byPriority, opened, fixedCount));
        }

        return points;
    }
}
