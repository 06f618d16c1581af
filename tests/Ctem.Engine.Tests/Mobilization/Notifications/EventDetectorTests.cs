using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Notifications;
using Xunit;
using static Ctem.Engine.Tests.Mobilization.Notifications.NotificationSamples;

namespace Ctem.Engine.Tests.Mobilization.Notifications;

/// <summary>Issue 13, notifications: which events the current state holds, each under its stable key.</summary>
public sealed class EventDetectorTests
{
    /// <summary>
    /// Cases: priority, first seen (days ago), the latest opening event (days ago, reopened or not; null for none), KEV due
    /// date (days from now; null when not in KEV), a risk acceptance's end (days from now; null for none) → the event keys.
    /// </summary>
    public static TheoryData<Priority, int, int?, bool, int?, int?, string[]> Cases => new()
    {
        // Opened today: new; a high finding is not due for 30 days.
        { Priority.High, 0, 0, false, null, null, ["new-finding:1:5"] },
        // An opening older than the window is not news.
        { Priority.High, 8, 8, false, null, null, [] },
        { Priority.High, 7, 7, false, null, null, ["new-finding:1:5"] },
        // A reopening is news again, under its own event id.
        { Priority.High, 60, 1, true, null, null, ["new-finding:1:5", "sla-breached:1:2026-05-02"] },
        // Due within 7 days, on the day, and past it.
        { Priority.High, 24, null, false, null, null, ["sla-due-soon:1:2026-06-07"] },
        { Priority.High, 30, null, false, null, null, ["sla-due-soon:1:2026-06-01"] },
        { Priority.High, 31, null, false, null, null, ["sla-breached:1:2026-05-31"] },
        { Priority.Low, 100, null, false, null, null, [] },
        // In KEV: once per finding and CVE; KEV's earlier due date makes the SLA event.
        { Priority.Medium, 20, null, false, 3, null, ["kev:1:CVE-2021-23337", "sla-due-soon:1:2026-06-04"] },
        { Priority.Medium, 20, null, false, -1, null, ["kev:1:CVE-2021-23337", "sla-breached:1:2026-05-31"] },
        { Priority.Medium, 20, null, false, 60, null, ["kev:1:CVE-2021-23337"] },
        // Risk acceptances ending within 7 days, or ended and still on record; not one ending later.
        { Priority.Medium, 20, null, false, null, 7, ["acceptance-expiring:1:2026-06-08"] },
        { Priority.Medium, 20, null, false, null, -2, ["acceptance-expiring:1:2026-05-30"] },
        { Priority.Medium, 20, null, false, null, 8, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detect_Case_EventKeys(Priority priority, int seenDaysAgo, int? openedDaysAgo, bool reopened, int? kevDueInDays, int? acceptedForDays, string[] expected)
    {
        var finding = Finding(1, priority, seenDaysAgo);
        FindingEvent[] events = openedDaysAgo is { } days ? [Opened(5, 1, days, reopened ? FindingEventKind.Reopened : FindingEventKind.Opened)] : [];
        var kev = kevDueInDays is { } due ? new Dictionary<string, KevEntry> { ["CVE-2021-23337"] = Kev("CVE-2021-23337", DateOnly.FromDateTime(Now.AddDays(due).UtcDateTime)) } : [];
        RiskAcceptance[] acceptances = acceptedForDays is { } until ? [new(1, 1, "Not reachable: the template API is unused", Now.AddDays(until), "alice", Now)] : [];

        var detected = EventDetector.Detect(new NotificationFacts([finding], events, kev, acceptances, new Dictionary<long, StoredFinding> { [1] = finding }, Now, 7));

        Assert.Equal(expected, detected.Select(e => e.Key));
    }

    [Fact]
    public void Detect_OpeningOfAResolvedFinding_IsNotNews()
    {
        var open = Finding(1, Priority.High, 0);

        var detected = EventDetector.Detect(new NotificationFacts([open], [Opened(5, 1, 0), Opened(6, 2, 0)], new Dictionary<string, KevEntry>(), [], new Dictionary<long, StoredFinding>(), Now, 7));

        Assert.Equal(["new-finding:1:5"], detected.Select(e => e.Key));
    }

    [Fact]
    public void Detect_EventsOfEveryKind_CarryTheirFacts()
    {
        var finding = Finding(1, Priority.Critical, 10);
        var kev = new Dictionary<string, KevEntry> { ["CVE-2021-23337"] = Kev("CVE-2021-23337", new DateOnly(2026, 6, 10)) };
        var acceptance = new RiskAcceptance(1, 1, "Compensating WAF rule", Now.AddDays(2), "alice", Now);

        var detected = EventDetector.Detect(new NotificationFacts([finding], [Opened(9, 1, 1)], kev, [acceptance], new Dictionary<long, StoredFinding> { [1] = finding }, Now, 7));

        Assert.Equal(
            ["NewFinding 2026-05-31 kev", "Kev 2026-06-10 kev", "SlaBreached 2026-05-29 kev", "AcceptanceExpiring 2026-06-03 kev"],
            detected.Select(e => $"{e.Kind} {(e.Kind == Core.Scoping.NotificationKind.AcceptanceExpiring ? e.Acceptance!.Until : e.Kind == Core.Scoping.NotificationKind.SlaBreached ? e.Due!.At : e.Kind == Core.Scoping.NotificationKind.Kev ? new DateTimeOffset(e.Kev!.DueDate!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : e.OpenedAt!.Value):yyyy-MM-dd} {(e.Kev is null ? "-" : "kev")}"));
    }
}
