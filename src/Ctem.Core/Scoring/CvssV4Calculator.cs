namespace Ctem.Core.Scoring;

/// <summary>
/// CVSS v4.0 scores by the MacroVector method of the specification (section 8), computed as the FIRST calculator
/// (cvss_score.js) does: the vector's MacroVector score from the lookup table, lowered by the mean of its proportional
/// severity distances from that MacroVector's highest-severity vectors, towards the next lower MacroVectors.
/// </summary>
internal static class CvssV4Calculator
{
    private const double Step = 0.1;

    // The calculator lifts the value by 1e-6 before rounding: interpolation can land one ULP below an x.x5 tie.
    private const double RoundingEpsilon = 1e-6;

    private static readonly string[] ImpactMetrics = ["VC", "VI", "VA", "SC", "SI", "SA"];

    private static readonly string[] BaseMetrics = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];

    // Severity levels in tenths, as in the calculator; a higher level is less severe.
    private static readonly Dictionary<string, Dictionary<string, double>> Levels = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ["N"] = 0.0, ["A"] = 0.1, ["L"] = 0.2, ["P"] = 0.3 },
        ["PR"] = new() { ["N"] = 0.0, ["L"] = 0.1, ["H"] = 0.2 },
        ["UI"] = new() { ["N"] = 0.0, ["P"] = 0.1, ["A"] = 0.2 },
        ["AC"] = new() { ["L"] = 0.0, ["H"] = 0.1 },
        ["AT"] = new() { ["N"] = 0.0, ["P"] = 0.1 },
        ["VC"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VI"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VA"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["SC"] = new() { ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SI"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SA"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["CR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["IR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["AR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
    };

    public static CvssScore Score(CvssVector vector)
    {
        var threat = vector.Defines(CvssMetricGroup.Temporal);
        var environmental = vector.Defines(CvssMetricGroup.Environmental);
        var baseScore = Compute(Effective(vector, threat: false, environmental: false));
        double? threatScore = threat ? Compute(Effective(vector, threat: true, environmental: false)) : null;
        double? environmentalScore = environmental ? Compute(Effective(vector, threat, environmental: true)) : null;
        var score = environmentalScore ?? threatScore ?? baseScore;
        var nomenclature = "CVSS-B" + (threat ? "T" : string.Empty) + (environmental ? "E" : string.Empty);
        return new CvssScore(
            vector.Version,
            vector.ToString(),
            baseScore,
            threatScore,
            environmentalScore,
            score,
            CvssSeverityScale.V3AndLater(score),
            nomenclature);
    }

    /// <summary>
    /// The metric values the equations see. Groups left out fall back to their worst case (E:A, CR/IR/AR:H), as
    /// not-defined values do; a defined modified metric replaces its base metric.
    /// </summary>
    private static Dictionary<string, string> Effective(CvssVector vector, bool threat, bool environmental)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var metric in BaseMetrics)
        {
            values[metric] = (environmental ? vector.Get("M" + metric) : null) ?? vector.Get(metric)!;
        }

        values["E"] = (threat ? vector.Get("E") : null) ?? "A";
        foreach (var requirement in (string[])["CR", "IR", "AR"])
        {
            values[requirement] = (environmental ? vector.Get(requirement) : null) ?? "H";
        }

        return values;
    }

    private static double Compute(Dictionary<string, string> m)
    {
        if (ImpactMetrics.All(metric => m[metric] == "N"))
        {
            return 0.0;
        }

        var tables = CvssV4Tables.Instance;
        var eq = MacroVector(m);
        var macroVector = string.Concat(eq);
        var value = tables.MacroVectorScore(macroVector)!.Value;

        var distances = SeverityDistances(m, tables, eq);
        double Sum(params string[] metrics) => metrics.Sum(metric => distances[metric]);
        var current = new[]
        {
            Sum("AV", "PR", "UI"),
            Sum("AC", "AT"),
            Sum("VC", "VI", "VA", "CR", "IR", "AR"),
            Sum("SC", "SI", "SA"),
        };
        var depth = new[]
        {
            tables.MaxSeverity($"eq1/{eq[0]}") * Step,
            tables.MaxSeverity($"eq2/{eq[1]}") * Step,
            tables.MaxSeverity($"eq3eq6/{eq[2]}/{eq[5]}") * Step,
            tables.MaxSeverity($"eq4/{eq[3]}") * Step,
        };
        var lower = new[]
        {
            tables.MacroVectorScore(Shift(eq, 0)),
            tables.MacroVectorScore(Shift(eq, 1)),
            LowerEq3Eq6(tables, eq),
            tables.MacroVectorScore(Shift(eq, 3)),
            tables.MacroVectorScore(Shift(eq, 4)),
        };

        // Each EQ with a lower MacroVector contributes its share of the score gap to it; EQ5 (exploit maturity) has
        // no intra-MacroVector distance, so it only counts towards the mean.
        var existing = 0;
        var total = 0.0;
        for (var i = 0; i < lower.Length; i++)
        {
            if (lower[i] is not { } lowerScore)
            {
                continue;
            }

            existing++;
            var proportion = i < current.Length ? current[i] / depth[i] : 0.0;
            total += (value - lowerScore) * proportion;
        }

        var mean = existing == 0 ? 0.0 : total / existing;
        var score = Math.Clamp(value - mean, 0.0, 10.0);
        return Math.Round((score + RoundingEpsilon) * 10, MidpointRounding.AwayFromZero) / 10;
    }

    private static int[] MacroVector(Dictionary<string, string> m)
    {
        var eq1 = (m["AV"], m["PR"], m["UI"]) switch
        {
            ("N", "N", "N") => 0,
            var (av, pr, ui) when av != "P" && (av == "N" || pr == "N" || ui == "N") => 1,
            _ => 2,
        };
        var eq2 = m["AC"] == "L" && m["AT"] == "N" ? 0 : 1;
        var eq3 = (m["VC"] == "H" && m["VI"] == "H") ? 0 : (m["VC"] == "H" || m["VI"] == "H" || m["VA"] == "H") ? 1 : 2;
        var eq4 = (m["SI"] == "S" || m["SA"] == "S") ? 0 : (m["SC"] == "H" || m["SI"] == "H" || m["SA"] == "H") ? 1 : 2;
        var eq5 = m["E"] switch
        {
            "A" => 0,
            "P" => 1,
            _ => 2,
        };
        var eq6 = (m["CR"] == "H" && m["VC"] == "H") || (m["IR"] == "H" && m["VI"] == "H") || (m["AR"] == "H" && m["VA"] == "H")
            ? 0
            : 1;
        return [eq1, eq2, eq3, eq4, eq5, eq6];
    }

    /// <summary>
    /// The distance of each metric from the first composed highest-severity vector of the MacroVector that the
    /// vector does not exceed anywhere (the calculator keeps the last candidate when none qualifies).
    /// </summary>
    private static Dictionary<string, double> SeverityDistances(Dictionary<string, string> m, CvssV4Tables tables, int[] eq)
    {
        Dictionary<string, double> distances = [];
        foreach (var candidate in MaxVectors(tables, eq))
        {
            distances = Levels.Keys.ToDictionary(
                metric => metric,
                metric => Levels[metric][m[metric]] - Levels[metric][candidate[metric]],
                StringComparer.Ordinal);
            if (distances.Values.All(distance => distance >= 0))
            {
                break;
            }
        }

        return distances;
    }

    private static IEnumerable<Dictionary<string, string>> MaxVectors(CvssV4Tables tables, int[] eq) =>
        from eq1 in tables.MaxComposed($"eq1/{eq[0]}")
        from eq2 in tables.MaxComposed($"eq2/{eq[1]}")
        from eq3eq6 in tables.MaxComposed($"eq3/{eq[2]}/{eq[5]}")
        from eq4 in tables.MaxComposed($"eq4/{eq[3]}")
        from eq5 in tables.MaxComposed($"eq5/{eq[4]}")
        select ParseFragments(eq1 + eq2 + eq3eq6 + eq4 + eq5);

    private static Dictionary<string, string> ParseFragments(string fragments) =>
        fragments.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split(':'))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    /// <summary>
    /// EQ3 and EQ6 are scored jointly (their combination 20 does not exist): 11→21, 01→11, 10→11, and 00 steps to
    /// whichever of 01 and 10 scores higher.
    /// </summary>
    private static double? LowerEq3Eq6(CvssV4Tables tables, int[] eq) => (eq[2], eq[5]) switch
    {
        (0, 0) => Max(tables.MacroVectorScore(Shift(eq, 5)), tables.MacroVectorScore(Shift(eq, 2))),
        (1, 0) => tables.MacroVectorScore(Shift(eq, 5)),
        (0, 1) or (1, 1) => tables.MacroVectorScore(Shift(eq, 2)),
        _ => null,
    };

    private static double? Max(double? left, double? right) =>
        left is { } l && right is { } r ? Math.Max(l, r) : left ?? right;

    private static string Shift(int[] eq, int index)
    {
        var shifted = (int[])eq.Clone();
        shifted[index]++;
        return string.Concat(shifted);
    }
}
