using Ctem.Core.Stores;
using Ctem.Server.Dashboard;
using Ctem.Server.Dashboard.Charts;
using Xunit;

namespace Ctem.Server.Tests.Dashboard;

/// <summary>The trends' replay of finding events into weekly open counts by priority, new and fixed.</summary>
public sealed class WeeklyHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    // Finding 1: opened high 3 weeks ago, critical 2 weeks ago, resolved last week, reopened today.
    // Finding 2: opened medium 2 weeks ago, never resolved. Finding 3: opened without a priority last week.
    private static readonly FindingEvent[] Events =
    [
        new(1, 1, 1, Now.AddDays(-21), FindingEventKind.Opened, "high", null),
        new(2, 1, 2, Now.AddDays(-14), FindingEventKind.Priority, "critical", "high"),
        new(3, 2, 2, Now.AddDays(-14), FindingEventKind.Opened, "medium", null),
        new(4, 1, 3, Now.AddDays(-7), FindingEventKind.Resolved, "critical", null),
        new(5, 3, 3, Now.AddDays(-7), FindingEventKind.Opened, null, null),
        new(6, 1, 4, Now, FindingEventKind.Reopened, "critical", null),
        new(7, 2, null, Now.AddDays(-3), FindingEventKind.Vex, null, null) { VexState = "affected" },
    ];

    /// <summary>Weeks back from now: the open count per priority (critical, high, medium, low, unassessed), new, fixed.</summary>
    public static readonly TheoryData<int, int[], int, int> Weeks = new()
    {
        { 3, [0, 1, 0, 0, 0], 1, 0 },
        { 2, [1, 0, 1, 0, 0], 1, 0 },
        { 1, [0, 0, 1, 0, 1], 1, 1 },
        { 0, [1, 0, 1, 0, 1], 1, 0 },
    };

    [Theory]
    [MemberData(nameof(Weeks))]
    public void Replay_GivesEachWeeksState(int weeksBack, int[] open, int opened, int fixedCount)
    {
        var history = WeeklyHistory.Of(Events, Now, maxWeeks: 26);

        var week = history.Single(w => w.End == Now.AddDays(-7 * weeksBack));
        Assert.Equal(open, WeeklyHistory.Priorities.Append(WeeklyHistory.Unassessed).Select(p => week.OpenByPriority[p]).ToArray());
        Assert.Equal(opened, week.Opened);
        Assert.Equal(fixedCount, week.Fixed);
    }

    // Finding 1: opened high, closed by VEX (not_affected) 10 days ago, reopened by VEX (affected) 3 days ago.
    // Finding 2: opened low, its risk accepted 2 weeks ago until the acceptance expired 2 days ago.
    // Finding 3: opened medium, VEX says fixed 15 days ago, then its source stopped reporting it 8 days ago.
    private static readonly FindingEvent[] Decided =
    [
        new(1, 1, 1, Now.AddDays(-21), FindingEventKind.Opened, "high", null),
        new(2, 2, 1, Now.AddDays(-21), FindingEventKind.Opened, "low", null),
        new(3, 3, 1, Now.AddDays(-21), FindingEventKind.Opened, "medium", null),
        new(4, 2, null, Now.AddDays(-14), FindingEventKind.Accepted, null, null) { Actor = "alice", To = "2026-11-27" },
        new(5, 3, null, Now.AddDays(-15), FindingEventKind.Vex, null, null) { VexState = "fixed" },
        new(6, 1, null, Now.AddDays(-10), FindingEventKind.Vex, null, null) { VexState = "not_affected" },
        new(7, 3, 2, Now.AddDays(-8), FindingEventKind.Resolved, "medium", null),
        new(8, 1, null, Now.AddDays(-3), FindingEventKind.Vex, null, null) { VexState = "affected" },
        new(9, 2, null, Now.AddDays(-2), FindingEventKind.AcceptanceExpired, null, null) { To = "2026-11-27" },
    ];

    /// <summary>Weeks back from now: the open count per priority (critical, high, medium, low, unassessed), new, fixed.</summary>
    public static readonly TheoryData<int, int[], int, int> DecidedWeeks = new()
    {
        { 3, [0, 1, 1, 1, 0], 3, 0 },
        { 2, [0, 1, 0, 0, 0], 0, 0 },
        { 1, [0, 0, 0, 0, 0], 0, 1 },
        { 0, [0, 1, 0, 1, 0], 0, 0 },
    };

    [Theory]
    [MemberData(nameof(DecidedWeeks))]
    public void Replay_LeavesAcceptedAndVexClosedFindingsOutOfTheOpenCount(int weeksBack, int[] open, int opened, int fixedCount)
    {
        var history = WeeklyHistory.Of(Decided, Now, maxWeeks: 26);

        var week = history.Single(w => w.End == Now.AddDays(-7 * weeksBack));
        Assert.Equal(open, WeeklyHistory.Priorities.Append(WeeklyHistory.Unassessed).Select(p => week.OpenByPriority[p]).ToArray());
        Assert.Equal(opened, week.Opened);
        Assert.Equal(fixedCount, week.Fixed);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(20, 4)]
    [InlineData(400, 26)]
    public void Weeks_GoBackToTheFirstEvent_WithinTheLimit(int daysOfHistory, int expected)
    {
        FindingEvent[] events = [new(1, 1, 1, Now.AddDays(-daysOfHistory), FindingEventKind.Opened, "low", null)];

        Assert.Equal(expected, WeeklyHistory.Of(events, Now, maxWeeks: 26).Count);
    }

    [Theory]
    [InlineData("open", null, null, null, "priority", 1, "")]
    [InlineData("closed", null, null, null, "priority", 1, "status 'closed' is not one of open, resolved, all")]
    [InlineData("open", "urgent", null, null, "priority", 1, "priority 'urgent' is not one of critical, high, medium, low")]
    [InlineData("open", null, "yes", null, "priority", 1, "kev 'yes' is not true or false")]
    [InlineData("open", null, null, "immediate", "priority", 1, "ssvc 'immediate' is not one of act, attend, track*, track")]
    [InlineData("open", null, null, null, "name", 1, "sort 'name' is not one of priority, id, due")]
    [InlineData("open", null, null, null, "priority", 0, "page 0 is not 1 or more")]
    public void FindingSearch_NamesWhatItCannotUse(string status, string? priority, string? kev, string? ssvc, string sort, int page, string expected)
    {
        var search = new FindingSearch(null, priority, status, null, kev, ssvc, null, sort, page);

        Assert.Equal(expected, string.Join("; ", search.Problems()));
    }

    [Theory]
    [InlineData(null, "open", "priority", 1, "/findings")]
    [InlineData("github.com/elastic/harp", "all", "due", 3, "/findings?product=github.com%2Felastic%2Fharp&status=all&sort=due&page=3")]
    public void FindingSearch_Url_KeepsTheFilterAndLeavesOutDefaults(string? product, string status, string sort, int page, string expected) =>
        Assert.Equal(expected, new FindingSearch(product, null, status, null, null, null, " ", sort, page).Url());
}
