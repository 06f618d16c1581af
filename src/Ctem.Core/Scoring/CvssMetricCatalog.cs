namespace Ctem.Core.Scoring;

/// <summary>
/// The metrics of each CVSS version in specification order (which is also the order of a normalized vector), with
/// the values each accepts. The not-defined value (<c>ND</c> in v2.0, <c>X</c> later) is listed where allowed.
/// </summary>
internal static class CvssMetricCatalog
{
    public const string V20 = "2.0";
    public const string V30 = "3.0";
    public const string V31 = "3.1";
    public const string V40 = "4.0";

    private static readonly IReadOnlyList<CvssMetricDefinition> V2Metrics =
    [
        Base("AV", "L", "A", "N"),
        Base("AC", "H", "M", "L"),
        Base("Au", "M", "S", "N"),
        Base("C", "N", "P", "C"),
        Base("I", "N", "P", "C"),
        Base("A", "N", "P", "C"),
        Temporal("E", "U", "POC", "F", "H", "ND"),
        Temporal("RL", "OF", "TF", "W", "U", "ND"),
        Temporal("RC", "UC", "UR", "C", "ND"),
        Environmental("CDP", "N", "L", "LM", "MH", "H", "ND"),
        Environmental("TD", "N", "L", "M", "H", "ND"),
        Environmental("CR", "L", "M", "H", "ND"),
        Environmental("IR", "L", "M", "H", "ND"),
        Environmental("AR", "L", "M", "H", "ND"),
    ];

    private static readonly IReadOnlyList<CvssMetricDefinition> V3Metrics =
    [
        Base("AV", "N", "A", "L", "P"),
        Base("AC", "L", "H"),
        Base("PR", "N", "L", "H"),
        Base("UI", "N", "R"),
        Base("S", "U", "C"),
        Base("C", "H", "L", "N"),
        Base("I", "H", "L", "N"),
        Base("A", "H", "L", "N"),
        Temporal("E", "X", "H", "F", "P", "U"),
        Temporal("RL", "X", "U", "W", "T", "O"),
        Temporal("RC", "X", "C", "R", "U"),
        Environmental("CR", "X", "H", "M", "L"),
        Environmental("IR", "X", "H", "M", "L"),
        Environmental("AR", "X", "H", "M", "L"),
        Environmental("MAV", "X", "N", "A", "L", "P"),
        Environmental("MAC", "X", "L", "H"),
        Environmental("MPR", "X", "N", "L", "H"),
        Environmental("MUI", "X", "N", "R"),
        Environmental("MS", "X", "U", "C"),
        Environmental("MC", "X", "H", "L", "N"),
        Environmental("MI", "X", "H", "L", "N"),
        Environmental("MA", "X", "H", "L", "N"),
    ];

    private static readonly IReadOnlyList<CvssMetricDefinition> V4Metrics =
    [
        Base("AV", "N", "A", "L", "P"),
        Base("AC", "L", "H"),
        Base("AT", "N", "P"),
        Base("PR", "N", "L", "H"),
        Base("UI", "N", "P", "A"),
        Base("VC", "H", "L", "N"),
        Base("VI", "H", "L", "N"),
        Base("VA", "H", "L", "N"),
        Base("SC", "H", "L", "N"),
        Base("SI", "H", "L", "N"),
        Base("SA", "H", "L", "N"),
        Temporal("E", "X", "A", "P", "U"),
        Environmental("CR", "X", "H", "M", "L"),
        Environmental("IR", "X", "H", "M", "L"),
        Environmental("AR", "X", "H", "M", "L"),
        Environmental("MAV", "X", "N", "A", "L", "P"),
        Environmental("MAC", "X", "L", "H"),
        Environmental("MAT", "X", "N", "P"),
        Environmental("MPR", "X", "N", "L", "H"),
        Environmental("MUI", "X", "N", "P", "A"),
        Environmental("MVC", "X", "H", "L", "N"),
        Environmental("MVI", "X", "H", "L", "N"),
        Environmental("MVA", "X", "H", "L", "N"),
        Environmental("MSC", "X", "H", "L", "N"),
        Environmental("MSI", "X", "S", "H", "L", "N"),
        Environmental("MSA", "X", "S", "H", "L", "N"),
        Supplemental("S", "X", "N", "P"),
        Supplemental("AU", "X", "N", "Y"),
        Supplemental("R", "X", "A", "U", "I"),
        Supplemental("V", "X", "D", "C"),
        Supplemental("RE", "X", "L", "M", "H"),
        Supplemental("U", "X", "Clear", "Green", "Amber", "Red"),
    ];

    public static IReadOnlyList<string> Versions { get; } = [V20, V30, V31, V40];

    public static IReadOnlyList<CvssMetricDefinition> For(string version) => version switch
    {
        V20 => V2Metrics,
        V30 or V31 => V3Metrics,
        V40 => V4Metrics,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "unsupported CVSS version"),
    };

    public static string NotDefined(string version) => version == V20 ? "ND" : "X";

    private static CvssMetricDefinition Base(string name, params string[] values) => new(name, CvssMetricGroup.Base, values);

    private static CvssMetricDefinition Temporal(string name, params string[] values) => new(name, CvssMetricGroup.Temporal, values);

    private static CvssMetricDefinition Environmental(string name, params string[] values) =>
        new(name, CvssMetricGroup.Environmental, values);

    private static CvssMetricDefinition Supplemental(string name, params string[] values) =>
        new(name, CvssMetricGroup.Supplemental, values);
}
