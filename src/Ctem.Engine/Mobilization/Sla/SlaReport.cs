using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;

namespace Ctem.Engine.Mobilization.Sla;

/// <summary>An open finding with its due date, and the time left until it (negative once breached).</summary>
public sealed record SlaFinding(StoredFinding Finding, DueDate Due, TimeSpan Remaining);

/// <summary>
/// How a product or team keeps its SLAs: of the findings with a due date, those open and not yet due or resolved by
/// their due date count as within the SLA.
/// </summary>
public sealed record SlaCompliance(string Name, int Findings, int WithinSla, int Breached)
{
    /// <summary>The share within the SLA, 0–100; 100 when there is nothing to keep.</summary>
    public double Percent => Findings == 0 ? 100 : Math.Round(100.0 * WithinSla / Findings, 1);
}

/// <summary>The mean time from a finding's opening (or reopening) to its resolution, per priority at resolution.</summary>
public sealed record MeanTimeToRemediate(Priority Priority, int Remediations, double MeanDays);

/// <summary>What <c>ctem sla</c> reports: breaches, what falls due soon, compliance per product and owner, and MTTR.</summary>
public sealed record SlaReport(
    DateTimeOffset AsOf,
    int DueSoonDays,
    IReadOnlyList<SlaFinding> Breached,
    IReadOnlyList<SlaFinding> DueSoon,
    IReadOnlyList<SlaCompliance> Products,
    IReadOnlyList<SlaCompliance> Owners,
    IReadOnlyList<MeanTimeToRemediate> MeanTimeToRemediate)
{
    /// <summary>The owner group of findings nobody owns.</summary>
    public const string Unowned = "(no owner)";
}
