using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Sla;
using Ctem.Server.Dashboard.Charts;
using Xunit;

namespace Ctem.Server.Tests.Dashboard;

/// <summary>The trends' SLA compliance week by week, replayed from a hand-built history with known answers.</summary>
public sealed class WeeklySlaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    // The product's policy gives a low finding 30 days (the default would give 180).
    private static readonly Dictionary<string, ProductRiskSettings> Settings = new(StringComparer.Ordinal)
    {
        ["shop"] = new(new ProductRiskContext("shop", true, Criticality.High, DataSensitivity.Confidential, false, Exposure.InternetFacingProduction, []),
            new RiskPolicy(RiskWeights.Default, PriorityThresholds.Default, new RemediationSla(7, 10, 90, 30))),
    };

    // 1: high (10 days) from 3 weeks ago, resolved a day before it was due. 2: critical (7 days) from 3 weeks ago, still open.
    // 3: low from 2 weeks ago, critical 10 days ago (7 days from its first sighting). 4: medium (90 days) from 3 weeks ago;
    // KEV added its CVE 10 days ago, due 5 days ago. 5: never assessed. 6: low from 3 days ago.
    private static readonly StoredFinding[] Findings =
    [
        Finding(1, "CVE-2026-0001", -21, Priority.High, 10, resolvedDaysAgo: 12),
        Finding(2, "CVE-2026-0002", -21, Priority.Critical, 7),
        Finding(3, "CVE-2026-0003", -14, Priority.Critical, 7),
        Finding(4, "CVE-2026-0004", -21, Priority.Medium, 90),
        Finding(5, "CVE-2026-0005", -21, null, 0),
        Finding(6, "CVE-2026-0006", -3, Priority.Low, 30),
    ];

    private static readonly FindingEvent[] Events =
    [
        new(1, 1, 1, Now.AddDays(-21), FindingEventKind.Opened, "high", null),
        new(2, 2, 1, Now.AddDays(-21), FindingEventKind.Opened, "critical", null),
        new(3, 4, 1, Now.AddDays(-21), FindingEventKind.Opened, "medium", null),
        new(4, 5, 1, Now.AddDays(-21), FindingEventKind.Opened, null, null),
        new(5, 3, 2, Now.AddDays(-14), FindingEventKind.Opened, "low", null),
        new(6, 1, 3, Now.AddDays(-12), FindingEventKind.Resolved, "high", null),
        new(7, 3, null, Now.AddDays(-10), FindingEventKind.Priority, "critical", "low"),
        new(8, 6, 4, Now.AddDays(-3), FindingEventKind.Opened, "low", null),
    ];

    private static readonly Dictionary<string, KevEntry> Kev = new(StringComparer.Ordinal)
    {
        ["CVE-2026-0004"] = new("CVE-2026-0004", "acme", "shop", null, Day(-10), Day(-5), null, null),
    };

    /// <summary>Weeks back from now: findings with a due date by then, and those within it.</summary>
    public static readonly TheoryData<int, int, int> Weeks = new()
    {
        { 3, 3, 3 },
        { 2, 4, 4 },
        { 1, 4, 3 },
        { 0, 5, 2 },
    };

    [Theory]
    [MemberData(nameof(Weeks))]
    public void Replay_GivesEachWeeksCompliance(int weeksBack, int findings, int within)
    {
        var weeks = WeeklySla.Of(Findings, Kev, Events, Settings, Now, maxWeeks: 26);

        Assert.Equal(4, weeks.Count);
        var week = weeks.Single(w => w.End == Now.AddDays(-7 * weeksBack));
        Assert.Equal((findings, within), (week.Findings, week.WithinSla));
    }

    [Fact]
    public void LastWeek_IsTodaysFigure_AsCtemSlaComputesIt()
    {
        var today = SlaCalculator.Compute(Findings, Kev, Events, Now).Products.Single();

        var last = WeeklySla.Of(Findings, Kev, Events, Settings, Now, maxWeeks: 26)[^1];

        Assert.Equal((today.Findings, today.WithinSla, today.Percent), (last.Findings, last.WithinSla, last.Percent));
    }

    private static DateOnly Day(int days) => DateOnly.FromDateTime(Now.AddDays(days).UtcDateTime);

    private static StoredFinding Finding(long id, string cve, int firstSeenDays, Priority? priority, int slaDays, int? resolvedDaysAgo = null) =>
        new(id, "shop", $"pkg:npm/p{id}@1.0.0", "npm", $"p{id}", "1.0.0", new VulnerabilityRef(cve, [], null, null, []), [],
            resolvedDaysAgo is null ? FindingStatus.Open : FindingStatus.Resolved, Now.AddDays(firstSeenDays), Now, ["ctem-scan"])
        {
            Risk = priority is { } p ? new RiskAssessment(50, p, slaDays, SsvcOutcome.Track, [], Now.AddDays(firstSeenDays)) : null,
            ResolvedAt = resolvedDaysAgo is { } ago ? Now.AddDays(-ago) : null,
        };
}
