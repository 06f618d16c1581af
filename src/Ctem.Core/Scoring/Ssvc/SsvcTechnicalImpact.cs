namespace Ctem.Core.Scoring.Ssvc;

/// <summary>SSVC <em>Technical Impact</em> (<c>ssvc:TI:1.0.0</c>): how much control exploitation gives over the vulnerable component.</summary>
public enum SsvcTechnicalImpact
{
    /// <summary>Limited control or information exposure (data key <c>P</c>).</summary>
    Partial,

    /// <summary>Total control of the component or total disclosure of its information (data key <c>T</c>).</summary>
    Total,
}
