namespace Ctem.Core.Scoring.Ssvc;

/// <summary>SSVC <em>Automatable</em> (<c>ssvc:A:2.0.0</c>): can an attacker reliably automate kill-chain steps 1–4?</summary>
public enum SsvcAutomatable
{
    /// <summary>Data key <c>N</c>.</summary>
    No,

    /// <summary>Data key <c>Y</c>.</summary>
    Yes,
}
