namespace Ctem.Core.Scoring;

/// <summary>The scores a CVSS vector defines.</summary>
/// <param name="Version">"2.0", "3.0", "3.1" or "4.0".</param>
/// <param name="Vector">The vector in canonical metric order, without not-defined (<c>X</c> / <c>ND</c>) metrics.</param>
/// <param name="BaseScore">The base score (v4.0: CVSS-B, from the base metrics alone).</param>
/// <param name="TemporalScore">v2/v3: the temporal score; v4.0: CVSS-BT. Null when no temporal / threat metric is defined.</param>
/// <param name="EnvironmentalScore">v2/v3: the environmental score; v4.0: CVSS-BE or CVSS-BTE. Null when no environmental metric is defined.</param>
/// <param name="Score">The most specific score the vector defines: environmental, else temporal, else base.</param>
/// <param name="Severity">The qualitative severity of <paramref name="Score"/>.</param>
/// <param name="Nomenclature">v4.0 only: "CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE", naming what <paramref name="Score"/> covers.</param>
public sealed record CvssScore(
    string Version,
    string Vector,
    double BaseScore,
    double? TemporalScore,
    double? EnvironmentalScore,
    double Score,
    CvssSeverity Severity,
    string? Nomenclature);
