using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Server.Dashboard.Charts;

/// <summary>The state of a set of findings at the end of one week, replayed from their history.</summary>
public sealed record WeekPoint(DateTimeOffset End, IReadOnlyDictionary<string, int> OpenByPriority, int Opened, int Fixed)
{
    public int Open => OpenByPriority.Values.Sum();
}

/// <summary>
/// Findings over time, from <c>finding_events</c> alone: opened and reopened make a finding open with the priority it
/// then had, a priority event changes it, resolved closes it. Open means what the findings list and the portfolio
/// mean: a VEX state that closes it (<c>vex</c> events) or an accepted risk (from <c>accepted</c> until
/// <c>acceptance_expired</c>) keeps an open finding out of the count. Weeks end at <c>now</c> and go back to the first event.
/// </summary>
public static class WeeklyHistory
{
    public const string Unassessed = "unassessed";

    public static readonly string[] Priorities = ["critical", "high", "medium", "low"];

    /// <summary>The ends of the weeks the history covers, oldest first: back from <paramref name="now"/> to the first event, 2 to <paramref name="maxWeeks"/> of them.</summary>
    public static IReadOnlyList<DateTimeOffset> WeekEnds(IReadOnlyList<FindingEvent> events, DateTimeOffset now, int maxWeeks)
    {
        ArgumentNullException.ThrowIfNull(events);
        var first = events.Count == 0 ? now : events.Min(e => e.At);
        var weeks = Math.Clamp((int)Math.Ceiling((now - first).TotalDays / 7) + 1, 2, maxWeeks);
        return [.. Enumerable.Range(0, weeks).Select(week => now.AddDays(-7 * (weeks - 1 - week)))];
    }

    /// <summary>The events in the order they happened: by time, then as recorded.</summary>
    public static IReadOnlyList<FindingEvent> InOrder(IEnumerable<FindingEvent> events) => [.. events.OrderBy(e => e.At).ThenBy(e => e.Id)];

    public static IReadOnlyList<WeekPoint> Of(IReadOnlyList<FindingEvent> events, DateTimeOffset now, int maxWeeks)
    {
        var ordered = InOrder(events);
        var states = new Dictionary<long, State>();
        var points = new List<WeekPoint>();
        var next = 0;
        foreach (var end in WeekEnds(ordered, now, maxWeeks))
        {
            var (opened, fixedCount) = (0, 0);
            for (; next < ordered.Count && ordered[next].At <= end; next++)
            {
                var item = ordered[next];
                var state = states.TryGetValue(item.FindingId, out var known) ? known : states[item.FindingId] = new State();
                opened += item.Kind is FindingEventKind.Opened or FindingEventKind.Reopened ? 1 : 0;
                fixedCount += item.Kind == FindingEventKind.Resolved && state.Open ? 1 : 0;
                state.Apply(item);
            }

            var byPriority = Priorities.Append(Unassessed).ToDictionary(p => p, p => 0, StringComparer.Ordinal);
            foreach (var state in states.Values.Where(s => s.Listed))
            {
                byPriority[byPriority.ContainsKey(state.Priority) ? state.Priority : Unassessed]++;
            }

            points.Add(new WeekPoint(end, byPriority, opened, fixedCount));
        }

        return points;
    }

    /// <summary>One finding as its events so far leave it.</summary>
    internal sealed class State
    {
        public bool Open { get; private set; }

        public string Priority { get; private set; } = Unassessed;

        public DateTimeOffset? ResolvedAt { get; private set; }

        private bool VexClosed { get; set; }

        private bool Accepted { get; set; }

        /// <summary>In the open list: open, not closed by VEX, no accepted risk.</summary>
        public bool Listed => Open && !VexClosed && !Accepted;

        public void Apply(FindingEvent item)
        {
            switch (item.Kind)
            {
                case FindingEventKind.Opened or FindingEventKind.Reopened:
                    (Open, ResolvedAt) = (true, null);
                    Priority = item.Priority ?? Priority;
                    break;
                case FindingEventKind.Resolved:
                    (Open, ResolvedAt) = (false, item.At);
                    break;
                case FindingEventKind.Priority when item.Priority is { } priority:
                    Priority = priority;
                    break;
                case FindingEventKind.Vex:
                    VexClosed = item.VexState is { } name && VexNames.StateOf(name) is { } vex && VexNames.Closes(vex);
                    break;
                case FindingEventKind.Accepted:
                    Accepted = true;
                    break;
                case FindingEventKind.AcceptanceExpired:
                    Accepted = false;
                    break;
            }
        }
    }
}
