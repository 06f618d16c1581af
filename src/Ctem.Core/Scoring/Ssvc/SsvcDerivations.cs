namespace Ctem.Core.Scoring.Ssvc;

/// <summary>
/// Derives SSVC decision points from facts Ctem already holds (KEV membership, exploit references, CVSS vectors).
/// These are heuristics that approximate an analyst's judgement; an analyst's explicit value should win over them.
/// </summary>
public static class SsvcDerivations
{
    /// <summary>
    /// <em>Exploitation</em> (<c>ssvc:E:1.1.0</c>): in CISA KEV → <see cref="SsvcExploitation.Active"/>; else a public
    /// exploit or proof of concept → <see cref="SsvcExploitation.PublicPoc"/>; else <see cref="SsvcExploitation.None"/>.
    /// </summary>
    /// <remarks>
    /// Source: the value definitions of <c>ssvc:E:1.1.0</c> in CERT/CC SSVC data ("Active: shared, observable, reliable
    /// evidence that the exploit is being used in the wild"), and CISA's KEV inclusion criteria, which require reliable
    /// evidence of active exploitation. KEV wins over a PoC because Active is the higher, more specific value.
    /// </remarks>
    public static SsvcExploitation ExploitationFrom(bool inKev, bool hasPublicExploit) =>
        inKev ? SsvcExploitation.Active
        : hasPublicExploit ? SsvcExploitation.PublicPoc
        : SsvcExploitation.None;

    /// <summary>
    /// <em>Automatable</em> (<c>ssvc:A:2.0.0</c>) from the CVSS base metrics: <see cref="SsvcAutomatable.Yes"/> when
    /// AV:N, AC:L, PR:N and UI:N (v4.0: also AT:N), else <see cref="SsvcAutomatable.No"/>. Null for CVSS v2.0, which
    /// has no user-interaction metric, so the rule cannot be applied.
    /// </summary>
    /// <remarks>
    /// Source: Ctem's SSVC rule set, following CISA's guidance on approximating SSVC from CVSS: a vulnerability reachable over
    /// the network, with low complexity, no privileges, no user interaction (and, in v4.0, no attack requirements)
    /// lets an attacker automate kill-chain steps 1–4 (reconnaissance, weaponization, delivery, exploitation), which is
    /// the definition of <em>yes</em> in <c>ssvc:A:2.0.0</c>. Base metrics only (not MAV etc.): Automatable describes
    /// the vulnerability; deployment context is carried by Mission &amp; Well-Being Impact.
    /// </remarks>
    public static SsvcAutomatable? AutomatableFrom(CvssScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Vector(score) is { } vector ? AutomatableFrom(vector) : null;
    }

    /// <inheritdoc cref="AutomatableFrom(CvssScore)"/>
    public static SsvcAutomatable? AutomatableFrom(CvssVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (!IsSupported(vector))
        {
            return null;
        }

        var automatable = vector.Get("AV") == "N" && vector.Get("AC") == "L" && vector.Get("PR") == "N" && vector.Get("UI") == "N"
            && (vector.Version != "4.0" || vector.Get("AT") == "N");
        return automatable ? SsvcAutomatable.Yes : SsvcAutomatable.No;
    }

    /// <summary>
    /// <em>Technical Impact</em> (<c>ssvc:TI:1.0.0</c>) from the CVSS base metrics: <see cref="SsvcTechnicalImpact.Total"/>
    /// when confidentiality, integrity and availability impacts on the vulnerable system are all High (v3.x: C:H, I:H,
    /// A:H; v4.0: VC:H, VI:H, VA:H), else <see cref="SsvcTechnicalImpact.Partial"/>. Null for CVSS v2.0.
    /// </summary>
    /// <remarks>
    /// Source: Ctem's SSVC rule set, following CISA's guidance on approximating SSVC from CVSS. <em>Total</em> in
    /// <c>ssvc:TI:1.0.0</c> means total control of the vulnerable component or total disclosure of its information;
    /// only high loss on all three of C, I and A is taken as evidence of that, so anything less stays partial. v4.0
    /// subsequent-system impacts (SC/SI/SA) are ignored because SSVC scopes Technical Impact to the vulnerable
    /// component. (CISA Vulnrichment uses a looser C:H + I:H variant; Ctem keeps the stricter all-three rule.)
    /// </remarks>
    public static SsvcTechnicalImpact? TechnicalImpactFrom(CvssScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Vector(score) is { } vector ? TechnicalImpactFrom(vector) : null;
    }

    /// <inheritdoc cref="TechnicalImpactFrom(CvssScore)"/>
    public static SsvcTechnicalImpact? TechnicalImpactFrom(CvssVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (!IsSupported(vector))
        {
            return null;
        }

        string[] metrics = vector.Version == "4.0" ? ["VC", "VI", "VA"] : ["C", "I", "A"];
        return metrics.All(metric => vector.Get(metric) == "H") ? SsvcTechnicalImpact.Total : SsvcTechnicalImpact.Partial;
    }

    private static bool IsSupported(CvssVector vector) => vector.Version is "3.0" or "3.1" or "4.0";

    // CvssScore keeps its vector as canonical text; re-parsing it cannot fail for a score Cvss produced.
    private static CvssVector? Vector(CvssScore score) => Cvss.ParseVector(score.Vector) is { Success: true } parsed ? parsed.Value : null;
}
