using Ctem.Core.Scoring.Ssvc;

namespace Ctem.Core.Scoring.Risk;

/// <summary>
/// A finding's risk: the score (0–100, one decimal), the priority it falls in, the SLA days that priority allows, the
/// SSVC decision, and every factor with its contribution (the contributions add up to the score).
/// </summary>
public sealed record RiskAssessment(
    double Score,
    Priority Priority,
    int SlaDays,
    SsvcOutcome Ssvc,
    IReadOnlyList<RiskFactor> Factors,
    DateTimeOffset AssessedAt)
{
    /// <summary>The day the fix is due: the SLA counts from when the finding was first seen.</summary>
    public DateTimeOffset DueFrom(DateTimeOffset firstSeenAt) => firstSeenAt.AddDays(SlaDays);
}
