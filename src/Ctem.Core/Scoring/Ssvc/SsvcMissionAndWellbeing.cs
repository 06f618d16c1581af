namespace Ctem.Core.Scoring.Ssvc;

/// <summary>
/// SSVC <em>Mission and Well-Being Impact</em> (<c>ssvc:MWI:1.0.0</c>), CISA's combination of Mission Prevalence and
/// Public Well-Being Impact. It is an organisational judgement, so Ctem takes it as input rather than deriving it.
/// </summary>
public enum SsvcMissionAndWellbeing
{
    /// <summary>Mission Prevalence minimal and Public Well-Being Impact minimal (data key <c>L</c>).</summary>
    Low,

    /// <summary>Mission Prevalence support and Public Well-Being Impact minimal or material (data key <c>M</c>).</summary>
    Medium,

    /// <summary>Mission Prevalence essential or Public Well-Being Impact irreversible (data key <c>H</c>).</summary>
    High,
}
