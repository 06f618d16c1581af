namespace Ctem.Core.Scoring;

/// <summary>
/// CVSS v2.0 scores per the FIRST "Complete Guide to the CVSS Version 2" equations (section 3.2), each rounded to one
/// decimal. Not-defined temporal and environmental metrics take their neutral weight.
/// </summary>
internal static class CvssV2Calculator
{
    private static readonly Dictionary<string, Dictionary<string, decimal>> Weights = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ["L"] = 0.395m, ["A"] = 0.646m, ["N"] = 1.0m },
        ["AC"] = new() { ["H"] = 0.35m, ["M"] = 0.61m, ["L"] = 0.71m },
        ["Au"] = new() { ["M"] = 0.45m, ["S"] = 0.56m, ["N"] = 0.704m },
        ["C"] = Impact(),
        ["I"] = Impact(),
        ["A"] = Impact(),
        ["E"] = new() { ["U"] = 0.85m, ["POC"] = 0.9m, ["F"] = 0.95m, ["H"] = 1.0m, ["ND"] = 1.0m },
        ["RL"] = new() { ["OF"] = 0.87m, ["TF"] = 0.90m, ["W"] = 0.95m, ["U"] = 1.0m, ["ND"] = 1.0m },
        ["RC"] = new() { ["UC"] = 0.90m, ["UR"] = 0.95m, ["C"] = 1.0m, ["ND"] = 1.0m },
        ["CDP"] = new() { ["N"] = 0m, ["L"] = 0.1m, ["LM"] = 0.3m, ["MH"] = 0.4m, ["H"] = 0.5m, ["ND"] = 0m },
        ["TD"] = new() { ["N"] = 0m, ["L"] = 0.25m, ["M"] = 0.75m, ["H"] = 1.0m, ["ND"] = 1.0m },
        ["CR"] = Requirement(),
        ["IR"] = Requirement(),
        ["AR"] = Requirement(),
    };

    public static CvssScore Score(CvssVector vector)
    {
        var baseScore = Math.Max(0m, BaseEquation(vector, adjusted: false));
        decimal? temporal = vector.Defines(CvssMetricGroup.Temporal) ? Math.Max(0m, Temporal(vector, baseScore)) : null;
        decimal? environmental = vector.Defines(CvssMetricGroup.Environmental) ? Math.Max(0m, Environmental(vector)) : null;
        var score = CvssRounding.ToDouble(environmental ?? temporal ?? baseScore);
        return new CvssScore(
            vector.Version,
            vector.ToString(),
            CvssRounding.ToDouble(baseScore),
            temporal is { } t ? CvssRounding.ToDouble(t) : null,
            environmental is { } e ? CvssRounding.ToDouble(e) : null,
            score,
            CvssSeverityScale.V2(score),
            Nomenclature: null);
    }

    private static decimal BaseEquation(CvssVector vector, bool adjusted)
    {
        var (c, i, a) = (Weight(vector, "C"), Weight(vector, "I"), Weight(vector, "A"));
        var impact = adjusted
            ? Math.Min(10m, 10.41m * (1m - ((1m - (c * Weight(vector, "CR"))) * (1m - (i * Weight(vector, "IR"))) * (1m - (a * Weight(vector, "AR"))))))
            : 10.41m * (1m - ((1m - c) * (1m - i) * (1m - a)));
        var exploitability = 20m * Weight(vector, "AV") * Weight(vector, "AC") * Weight(vector, "Au");
        var fImpact = impact == 0m ? 0m : 1.176m;
        return CvssRounding.HalfUp(((0.6m * impact) + (0.4m * exploitability) - 1.5m) * fImpact);
    }

    private static decimal Temporal(CvssVector vector, decimal baseScore) =>
        CvssRounding.HalfUp(baseScore * Weight(vector, "E") * Weight(vector, "RL") * Weight(vector, "RC"));

    private static decimal Environmental(CvssVector vector)
    {
        // The guide recomputes the temporal score on top of a base score whose impact uses AdjustedImpact.
        var adjustedTemporal = Temporal(vector, BaseEquation(vector, adjusted: true));
        var collateral = Weight(vector, "CDP");
        return CvssRounding.HalfUp((adjustedTemporal + ((10m - adjustedTemporal) * collateral)) * Weight(vector, "TD"));
    }

    private static decimal Weight(CvssVector vector, string metric) => Weights[metric][vector.Get(metric) ?? "ND"];

    private static Dictionary<string, decimal> Impact() => new() { ["N"] = 0m, ["P"] = 0.275m, ["C"] = 0.660m };

    private static Dictionary<string, decimal> Requirement() => new() { ["L"] = 0.5m, ["M"] = 1.0m, ["H"] = 1.51m, ["ND"] = 1.0m };
}
