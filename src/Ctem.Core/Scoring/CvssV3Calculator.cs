namespace Ctem.Core.Scoring;

/// <summary>
/// CVSS v3.0 and v3.1 scores per the FIRST specifications (section 7 of each). The versions differ in two places:
/// v3.1 rounds with its Roundup function instead of a plain ceiling, and changes the modified impact for a changed
/// modified scope to 7.52 × (MISS − 0.029) − 3.25 × (MISS × 0.9731 − 0.02)^13.
/// </summary>
internal static class CvssV3Calculator
{
    private static readonly Dictionary<string, decimal> AttackVector = new(StringComparer.Ordinal)
    {
        ["N"] = 0.85m, ["A"] = 0.62m, ["L"] = 0.55m, ["P"] = 0.2m,
    };

    private static readonly Dictionary<string, decimal> AttackComplexity = new(StringComparer.Ordinal) { ["L"] = 0.77m, ["H"] = 0.44m };

    private static readonly Dictionary<string, decimal> PrivilegesUnchanged = new(StringComparer.Ordinal)
    {
        ["N"] = 0.85m, ["L"] = 0.62m, ["H"] = 0.27m,
    };

    // A changed scope makes privileges matter less, so L and H weigh more than with an unchanged scope.
    private static readonly Dictionary<string, decimal> PrivilegesChanged = new(StringComparer.Ordinal)
    {
        ["N"] = 0.85m, ["L"] = 0.68m, ["H"] = 0.5m,
    };

    private static readonly Dictionary<string, decimal> UserInteraction = new(StringComparer.Ordinal) { ["N"] = 0.85m, ["R"] = 0.62m };

    private static readonly Dictionary<string, decimal> Impact = new(StringComparer.Ordinal) { ["H"] = 0.56m, ["L"] = 0.22m, ["N"] = 0m };

    private static readonly Dictionary<string, decimal> ExploitMaturity = new(StringComparer.Ordinal)
    {
        ["H"] = 1m, ["F"] = 0.97m, ["P"] = 0.94m, ["U"] = 0.91m,
    };

    private static readonly Dictionary<string, decimal> RemediationLevel = new(StringComparer.Ordinal)
    {
        ["U"] = 1m, ["W"] = 0.97m, ["T"] = 0.96m, ["O"] = 0.95m,
    };

    private static readonly Dictionary<string, decimal> ReportConfidence = new(StringComparer.Ordinal)
    {
        ["C"] = 1m, ["R"] = 0.96m, ["U"] = 0.92m,
    };

    private static readonly Dictionary<string, decimal> Requirement = new(StringComparer.Ordinal) { ["H"] = 1.5m, ["M"] = 1m, ["L"] = 0.5m };

    public static CvssScore Score(CvssVector vector)
    {
        var (baseScore, temporal, environmental) = Compute(vector);
        double? temporalScore = vector.Defines(CvssMetricGroup.Temporal) ? temporal : null;
        double? environmentalScore = vector.Defines(CvssMetricGroup.Environmental) ? environmental : null;
        var score = environmentalScore ?? temporalScore ?? baseScore;
        return new CvssScore(
            vector.Version,
            vector.ToString(),
            baseScore,
            temporalScore,
            environmentalScore,
            score,
            CvssSeverityScale.V3AndLater(score),
            Nomenclature: null);
    }

    /// <summary>All three scores, temporal and environmental computed even when none of their metrics is defined.</summary>
    internal static (double Base, double Temporal, double Environmental) Compute(CvssVector vector)
    {
        var v31 = vector.Version == CvssMetricCatalog.V31;
        Func<decimal, decimal> roundUp = v31 ? CvssRounding.Roundup : CvssRounding.Ceiling;

        var changed = vector.Get("S") == "C";
        var baseScore = Subscore(
            changed,
            changedImpact: iss => (7.52m * (iss - 0.029m)) - (3.25m * CvssRounding.Power(iss - 0.02m, 15)),
            impactBase: 1m - ((1m - Impact[vector.Get("C")!]) * (1m - Impact[vector.Get("I")!]) * (1m - Impact[vector.Get("A")!])),
            exploitability: Exploitability(vector.Get("AV")!, vector.Get("AC")!, vector.Get("PR")!, vector.Get("UI")!, changed),
            roundUp);

        var temporalFactor = Weight(ExploitMaturity, vector.Get("E")) * Weight(RemediationLevel, vector.Get("RL")) *
            Weight(ReportConfidence, vector.Get("RC"));
        var temporal = roundUp(baseScore * temporalFactor);

        var modifiedChanged = (vector.Get("MS") ?? vector.Get("S")) == "C";
        var modifiedImpactBase = Math.Min(
            1m - ((1m - (Modified(vector, "C") * Weight(Requirement, vector.Get("CR")))) *
                  (1m - (Modified(vector, "I") * Weight(Requirement, vector.Get("IR")))) *
                  (1m - (Modified(vector, "A") * Weight(Requirement, vector.Get("AR"))))),
            0.915m);
        var modifiedScore = Subscore(
            modifiedChanged,
            changedImpact: v31
                ? miss => (7.52m * (miss - 0.029m)) - (3.25m * CvssRounding.Power((miss * 0.9731m) - 0.02m, 13))
                : miss => (7.52m * (miss - 0.029m)) - (3.25m * CvssRounding.Power(miss - 0.02m, 15)),
            modifiedImpactBase,
            Exploitability(
                vector.Get("MAV") ?? vector.Get("AV")!,
                vector.Get("MAC") ?? vector.Get("AC")!,
                vector.Get("MPR") ?? vector.Get("PR")!,
                vector.Get("MUI") ?? vector.Get("UI")!,
                modifiedChanged),
            roundUp);
        var environmental = modifiedScore == 0m ? 0m : roundUp(modifiedScore * temporalFactor);

        return (CvssRounding.ToDouble(baseScore), CvssRounding.ToDouble(temporal), CvssRounding.ToDouble(environmental));
    }

    /// <summary>The base equation, shared by the base score and (with modified inputs) the environmental score.</summary>
    private static decimal Subscore(
        bool changed,
        Func<decimal, decimal> changedImpact,
        decimal impactBase,
        decimal exploitability,
        Func<decimal, decimal> roundUp)
    {
        var impact = changed ? changedImpact(impactBase) : 6.42m * impactBase;
        if (impact <= 0m)
        {
            return 0m;
        }

        return roundUp(Math.Min(changed ? 1.08m * (impact + exploitability) : impact + exploitability, 10m));
    }

    private static decimal Exploitability(string attackVector, string complexity, string privileges, string interaction, bool changed) =>
        8.22m * AttackVector[attackVector] * AttackComplexity[complexity] *
        (changed ? PrivilegesChanged : PrivilegesUnchanged)[privileges] * UserInteraction[interaction];

    private static decimal Modified(CvssVector vector, string impactMetric) =>
        Impact[vector.Get("M" + impactMetric) ?? vector.Get(impactMetric)!];

    private static decimal Weight(Dictionary<string, decimal> weights, string? value) => value is null ? 1m : weights[value];
}
