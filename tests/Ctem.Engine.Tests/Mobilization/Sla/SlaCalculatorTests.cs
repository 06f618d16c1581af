using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Ctem.Core.Stores;
using Ctem.Engine.Mobilization.Sla;
using Xunit;

namespace Ctem.Engine.Tests.Mobilization.Sla;

/// <summary>Issue 13: due dates from the SLA of the priority, or KEV's when earlier; breaches, due soon, compliance and MTTR.</summary>
public sealed class SlaCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Cases: SLA days of its priority, first seen (days before now), KEV due date (days from now, or null), resolved
    /// (days before now, or null for open) → "breached", "due soon", "within" or "resolved late", and the due date's basis.
    /// </summary>
    public static TheoryData<int, int, int?, int?, string, DueDateBasis> Cases => new()
    {
        { 30, 40, null, null, "breached", DueDateBasis.Sla },
        { 30, 25, null, null, "due soon", DueDateBasis.Sla },
        { 30, 23, null, null, "due soon", DueDateBasis.Sla },
        { 30, 22, null, null, "within", DueDateBasis.Sla },
        { 90, 1, null, null, "within", DueDateBasis.Sla },
        // A KEV due date earlier than the SLA's wins, later loses.
        { 90, 1, -2, null, "breached", DueDateBasis.Kev },
        { 90, 1, 3, null, "due soon", DueDateBasis.Kev },
        { 7, 1, 30, null, "due soon", DueDateBasis.Sla },
        // Resolved findings count in compliance only: by the due date or after it.
        { 30, 40, null, 20, "within", DueDateBasis.Sla },
        { 7, 40, null, 20, "resolved late", DueDateBasis.Sla },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_Case_SortsTheFindingByItsDueDate(int slaDays, int seenDaysAgo, int? kevInDays, int? resolvedDaysAgo, string expected, DueDateBasis basis)
    {
        var finding = Finding(1, "shop", "web", slaDays, Now.AddDays(-seenDaysAgo), resolvedDaysAgo is { } r ? Now.AddDays(-r) : null);
        var kev = kevInDays is { } k ? new Dictionary<string, KevEntry> { ["CVE-2024-1"] = Kev(DateOnly.FromDateTime(Now.AddDays(k).UtcDateTime)) } : [];

        var report = SlaCalculator.Compute([finding], kev, [], Now);

        var state = report.Breached.Count == 1 ? "breached" : report.DueSoon.Count == 1 ? "due soon" : report.Products[0].WithinSla == 1 ? "within" : "resolved late";
        Assert.Equal(expected, state);
        Assert.Equal(basis, DueDate.Of(finding.Risk, finding.FirstSeenAt, kev.GetValueOrDefault("CVE-2024-1"))!.Basis);
        Assert.Equal(state == "breached" ? 1 : 0, report.Products[0].Breached);
    }

    [Fact]
    public void Compute_ProductsAndOwners_CompliancePercentPerGroupWorstFirst()
    {
        StoredFinding[] findings =
        [
            Finding(1, "shop", "web", 30, Now.AddDays(-40), null),
            Finding(2, "shop", "web", 30, Now.AddDays(-1), null),
            Finding(3, "shop", null, 30, Now.AddDays(-1), null),
            Finding(4, "blog", "web", 30, Now.AddDays(-1), null),
        ];

        var report = SlaCalculator.Compute(findings, new Dictionary<string, KevEntry>(), [], Now);

        Assert.Equal(["shop 2/3 66.7", "blog 1/1 100"], report.Products.Select(c => $"{c.Name} {c.WithinSla}/{c.Findings} {c.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Equal(["web 2/3 66.7", "(no owner) 1/1 100"], report.Owners.Select(c => $"{c.Name} {c.WithinSla}/{c.Findings} {c.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    [Fact]
    public void Compute_History_MeanTimeFromEachOpeningToItsResolutionUnderThePriorityThen()
    {
        var t0 = Now.AddDays(-100);
        StoredFinding[] findings = [Finding(1, "shop", null, 30, t0, Now.AddDays(-50)), Finding(2, "shop", null, 90, t0, Now.AddDays(-80)), Finding(3, "shop", null, 30, t0, null)];
        FindingEvent[] events =
        [
            new(1, 1, 1, t0, FindingEventKind.Opened, "high", null),
            new(2, 2, 1, t0, FindingEventKind.Opened, "medium", null),
            new(3, 3, 1, t0, FindingEventKind.Opened, "high", null),
            // Finding 2: fixed in 20 days, back, fixed again in 10 — two remediations, still medium.
            new(4, 2, 2, t0.AddDays(20), FindingEventKind.Resolved, "medium", null),
            new(5, 2, 3, t0.AddDays(30), FindingEventKind.Reopened, "medium", null),
            new(6, 2, 4, t0.AddDays(40), FindingEventKind.Resolved, "medium", null),
            // Finding 1: raised to critical on day 10, fixed on day 50.
            new(7, 1, null, t0.AddDays(10), FindingEventKind.Priority, "critical", "high"),
            new(8, 1, 5, t0.AddDays(50), FindingEventKind.Resolved, "critical", null),
        ];

        var report = SlaCalculator.Compute(findings, new Dictionary<string, KevEntry>(), events, Now);

        Assert.Equal([(Priority.Critical, 1, 50.0), (Priority.Medium, 2, 15.0)], report.MeanTimeToRemediate.Select(m => (m.Priority, m.Remediations, m.MeanDays)));
    }

    private static StoredFinding Finding(long id, string product, string? owner, int slaDays, DateTimeOffset firstSeen, DateTimeOffset? resolvedAt)
    {
        var priority = slaDays switch { 7 => Priority.Critical, 30 => Priority.High, 90 => Priority.Medium, _ => Priority.Low };
        return new StoredFinding(
            id, product, "pkg:npm/x@1.0.0", "npm", "x", "1.0.0", new VulnerabilityRef("CVE-2024-1", [], null, null, []), [],
            resolvedAt is null ? FindingStatus.Open : FindingStatus.Resolved, firstSeen, resolvedAt ?? Now, ["ctem-scan"])
        {
            Risk = new RiskAssessment(50, priority, slaDays, SsvcOutcome.Track, [], firstSeen),
            ResolvedAt = resolvedAt,
            Owner = owner,
        };
    }

    private static KevEntry Kev(DateOnly due) => new("CVE-2024-1", "x", "x", "x", new DateOnly(2026, 1, 1), due, "Apply updates.", "Unknown");
}
