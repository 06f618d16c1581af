namespace Ctem.Core.Scoring.Risk;

/// <summary>How soon a finding must be fixed, derived from its risk score; ordered, so <c>&gt;=</c> compares urgency.</summary>
public enum Priority
{
    /// <summary>Not assessed (a finding stored before risk scoring existed, until it is seen again).</summary>
    Unspecified = 0,
    Low,
    Medium,
    High,
    Critical,
}
