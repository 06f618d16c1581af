using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Ctem.Core.Stores;

namespace Ctem.Engine.Tests.Mobilization.Notifications;

/// <summary>Findings and KEV entries built in code, for detection, routing and payload tests.</summary>
internal static class NotificationSamples
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An open npm finding of <paramref name="product"/>, first seen <paramref name="seenDaysAgo"/> days ago; the priority sets its SLA days (7, 30, 90, 180).</summary>
    public static StoredFinding Finding(long id, Priority priority, int seenDaysAgo, string product = "shop", string? owner = "web", string cve = "CVE-2021-23337")
    {
        var slaDays = priority switch { Priority.Critical => 7, Priority.High => 30, Priority.Medium => 90, _ => 180 };
        var firstSeen = Now.AddDays(-seenDaysAgo);
        return new StoredFinding(
            id, product, "pkg:npm/lodash@4.17.20", "npm", "lodash", "4.17.20",
            new VulnerabilityRef(cve, ["GHSA-35jh-r3h4-6jhm"], "Command Injection in lodash", "HIGH", ["GHSA-35jh-r3h4-6jhm"]), ["4.17.21"],
            FindingStatus.Open, firstSeen, Now, ["ctem-scan"])
        {
            Risk = new RiskAssessment(priority switch { Priority.Critical => 82.5, Priority.High => 61.25, Priority.Medium => 30, _ => 10 }, priority, slaDays, SsvcOutcome.Track, [], firstSeen),
            Owner = owner,
        };
    }

    public static KevEntry Kev(string cve, DateOnly? due = null) =>
        new(cve, "lodash", "lodash", "Lodash Command Injection", new DateOnly(2026, 5, 20), due, "Apply mitigations per vendor instructions.", "Unknown");

    public static FindingEvent Opened(long eventId, long findingId, int daysAgo, FindingEventKind kind = FindingEventKind.Opened) =>
        new(eventId, findingId, 1, Now.AddDays(-daysAgo), kind, "high", null);
}
