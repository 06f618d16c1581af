namespace Ctem.Core.Scoring.Ssvc;

/// <summary>The CISA Levels outcome group (<c>cisa:CISA:1.1.0</c>), least to most urgent.</summary>
public enum SsvcOutcome
{
    /// <summary>No action now; remediate within standard update timelines (data key <c>T</c>).</summary>
    Track,

    /// <summary>Track, but monitor closely for changes (<c>Track*</c>, data key <c>T*</c>).</summary>
    TrackStar,

    /// <summary>Needs supervisory attention; remediate sooner than standard timelines (data key <c>AT</c>).</summary>
    Attend,

    /// <summary>Needs leadership attention; remediate as soon as possible (data key <c>AC</c>).</summary>
    Act,
}
