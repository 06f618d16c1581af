using Ctem.Core.Stores;

namespace Ctem.Engine.History;

/// <summary>
/// A finding's state at a point of the history (an event id): open, resolved or absent, and its priority then.
/// Pure: computed from the finding's events alone.
/// </summary>
internal static class FindingStates
{
    public enum State
    {
        Absent,
        Open,
        Resolved,
    }

    public static State StatusAt(IEnumerable<FindingEvent> events, long point) =>
        events.Where(e => e.Id <= point && e.Kind is not (FindingEventKind.Priority or FindingEventKind.Vex)).MaxBy(e => e.Id)?.Kind switch
        {
            null => State.Absent,
            FindingEventKind.Resolved => State.Resolved,
            _ => State.Open,
        };

    public static string? PriorityAt(IEnumerable<FindingEvent> events, long point) =>
        events.Where(e => e.Id <= point && e.Priority is not null).MaxBy(e => e.Id)?.Priority;

    /// <summary>What changed between the two points, or null when nothing a diff shows did.</summary>
    public static FindingChangeKind? Change(State before, State after, string? priorityBefore, string? priorityAfter) => (before, after) switch
    {
        (State.Absent, State.Open) => FindingChangeKind.New,
        (State.Open, State.Resolved) => FindingChangeKind.Resolved,
        (State.Resolved, State.Open) => FindingChangeKind.Reopened,
        (State.Open, State.Open) when priorityBefore is not null && priorityAfter is not null && priorityBefore != priorityAfter
            => FindingChangeKind.PriorityChanged,
        _ => null,
    };
}
