using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Scoring;

namespace Ctem.Engine.Graph;

/// <summary>
/// How likely an attacker takes one step, from 0 to 1, with every signal explained. A finding's step takes the strongest
/// of: a CISA KEV entry (0.95), validation by a dynamic scanner (0.9), its EPSS probability, and half its CVSS
/// exploitability (the base metrics AV, AC, PR and UI on CVSS 3.1's scale, 1 for AV:N/AC:L/PR:N/UI:N). A leaked secret
/// works until it is rotated (0.8).
/// </summary>
public static class StepLikelihood
{
    public const double Kev = 0.95;
    public const double Validated = 0.9;
    public const double LeakedSecret = 0.8;

    /// <summary>With no signal at all: a network finding is not known to be exploitable, nor known not to be.</summary>
    public const double Unknown = 0.1;

    // ctem discover's probes look at the running system as these tools do.
    private static readonly string[] DynamicScanners = ["nuclei", "zap", "nmap", "burp", "nikto", "nessus", "openvas", "testssl", "httpx", "ctem-discover"];

    /// <summary>True when a dynamic scanner (nuclei, ZAP, nmap, …) reports the finding: seen on the running system.</summary>
    public static bool IsValidated(StoredFinding finding) => ValidatedBy(finding) is not null;

    /// <summary>True when the finding's CVSS vector says the network attack vector (AV:N), or a dynamic scanner saw it.</summary>
    public static bool IsNetwork(StoredFinding finding) =>
        IsValidated(finding) || (Vector(finding) is { } vector && vector.Get("AV") == "N");

    /// <summary>
    /// True when the finding is an attack step: a network finding that is a weakness, not an observation (an open port,
    /// a banner: severity info).
    /// </summary>
    public static bool IsStep(StoredFinding finding) =>
        IsNetwork(finding) && finding.Vulnerability.Severity?.ToUpperInvariant() is not ("INFO" or "NONE" or "INFORMATIONAL");

    public static (double Likelihood, IReadOnlyList<string> Why) OfFinding(StoredFinding finding, Exploitation? exploitation)
    {
        var signals = new List<(double Value, string Why)>();
        if (exploitation?.Kev is { } kev)
        {
            signals.Add((Kev, $"{kev.CveId} is in CISA KEV (known exploited): {Format(Kev)}"));
        }

        if (ValidatedBy(finding) is { } tool)
        {
            signals.Add((Validated, $"validated on the running system by {tool}: {Format(Validated)}"));
        }

        if (exploitation?.Epss is { } epss)
        {
            signals.Add((epss.Score, $"EPSS {Format(epss.Score)} for {epss.CveId}: the probability of exploitation in the next 30 days"));
        }

        if (Vector(finding) is { } vector && Exploitability(vector) is { } level)
        {
            signals.Add((0.5 * level, $"CVSS exploitability {Format(level)} ({Metrics(vector)}), halved: {Format(0.5 * level)}"));
        }

        if (signals.Count == 0)
        {
            return (Unknown, [$"no KEV entry, EPSS score, validation or CVSS vector: {Format(Unknown)}"]);
        }

        var best = signals.MaxBy(s => s.Value);
        return (best.Value, [$"the strongest signal counts: {Format(best.Value)}", .. signals.Select(s => s.Why)]);
    }

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string? ValidatedBy(StoredFinding finding) =>
        finding.Sources.FirstOrDefault(s => DynamicScanners.Any(d => s.Contains(d, StringComparison.OrdinalIgnoreCase)));

    private static CvssVector? Vector(StoredFinding finding) =>
        finding.Vulnerability.Cvss is { } text && Cvss.ParseVector(text) is { Success: true } parsed ? parsed.Value : null;

    private static string Metrics(CvssVector vector) =>
        string.Join('/', new[] { "AV", "AC", "PR", "UI", "Au" }.Where(m => vector.Get(m) is not null).Select(m => $"{m}:{vector.Get(m)}"));

    // CVSS 3.1's exploitability weights, normalised so the easiest attack is 1; v4.0 uses the same metrics' letters and
    // v2.0 its own weights (AV, AC, Au). Unknown letters give no level rather than a guess.
    private static double? Exploitability(CvssVector vector)
    {
        if (vector.Version == "2.0")
        {
            return Weight(vector.Get("AV"), ("N", 1.0), ("A", 0.646), ("L", 0.395))
                * Weight(vector.Get("AC"), ("L", 0.71), ("M", 0.61), ("H", 0.35))
                * Weight(vector.Get("Au"), ("N", 0.704), ("S", 0.56), ("M", 0.45))
                / (1.0 * 0.71 * 0.704);
        }

        return Weight(vector.Get("AV"), ("N", 0.85), ("A", 0.62), ("L", 0.55), ("P", 0.2))
            * Weight(vector.Get("AC"), ("L", 0.77), ("H", 0.44))
            * Weight(vector.Get("PR"), ("N", 0.85), ("L", 0.62), ("H", 0.27))
            * Weight(vector.Get("UI"), ("N", 0.85), ("R", 0.62), ("P", 0.62), ("A", 0.62))
            / (0.85 * 0.77 * 0.85 * 0.85);
    }

    private static double? Weight(string? letter, params (string Letter, double Weight)[] weights) =>
        weights.Where(w => w.Letter == letter).Select(w => (double?)w.Weight).FirstOrDefault();
}
