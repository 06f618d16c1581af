using Ctem.Core.Model;

namespace Ctem.Core.Scoring.Risk;

/// <summary>
/// When a finding must be fixed: its priority's SLA counted from when it was first seen, or CISA's KEV due date for the
/// vulnerability (the start of that day, UTC) when that is earlier.
/// </summary>
public sealed record DueDate(DateTimeOffset At, DueDateBasis Basis)
{
    public static DueDate? Of(RiskAssessment? risk, DateTimeOffset? firstSeenAt, KevEntry? kev)
    {
        if (risk is null || firstSeenAt is not { } first)
        {
            return null;
        }

        var bySla = new DueDate(risk.DueFrom(first), DueDateBasis.Sla);
        if (kev?.DueDate is not { } kevDay)
        {
            return bySla;
        }

        var byKev = new DateTimeOffset(kevDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return byKev < bySla.At ? new DueDate(byKev, DueDateBasis.Kev) : bySla;
    }
}

public enum DueDateBasis
{
    Unspecified = 0,

    /// <summary>The SLA of the finding's priority, from the scope file's policy.</summary>
    Sla,

    /// <summary>CISA's KEV catalogue due date.</summary>
    Kev,
}
