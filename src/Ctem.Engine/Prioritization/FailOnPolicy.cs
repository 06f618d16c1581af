using System.Globalization;
using System.Text.RegularExpressions;
using Ctem.Core.Model;
using Ctem.Core.Scoring;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;

namespace Ctem.Engine.Prioritization;

/// <summary>One finding as the gate sees it: what it is about, and what is known of its exploitation.</summary>
public sealed record GateFinding(string Component, VulnerabilityRef Vulnerability, Exploitation? Exploitation)
{
    /// <summary>The finding's risk assessment; findings without one never meet priority, risk or SSVC conditions.</summary>
    public RiskAssessment? Risk { get; init; }
}

/// <summary>
/// <c>--fail-on</c> conditions for CI gating. A finding breaches the policy when it meets any condition:
/// <c>kev</c> (listed in CISA KEV), <c>epss&gt;=N</c> (score 0–1), <c>epss-percentile&gt;=N</c>, <c>cvss&gt;=N</c> (the
/// score of the vulnerability's CVSS vector), <c>severity&gt;=low|medium|high|critical</c> (CVSS qualitative severity),
/// <c>priority&gt;=low|medium|high|critical</c> and <c>risk&gt;=N</c> (Ctem's risk assessment), <c>ssvc=track|track*|attend|act</c>
/// and <c>ssvc&gt;=…</c> (the CISA SSVC decision).
/// </summary>
public sealed partial class FailOnPolicy
{
    public static readonly string[] Forms =
    [
        "kev", "epss>=N", "epss-percentile>=N", "cvss>=N", "severity>=low|medium|high|critical", "priority>=low|medium|high|critical",
        "risk>=N", "ssvc=track|track*|attend|act", "ssvc>=track*|attend|act",
    ];

    private readonly List<(string Text, Func<GateFinding, bool> Test)> _conditions;

    private FailOnPolicy(List<(string, Func<GateFinding, bool>)> conditions) => _conditions = conditions;

    // The numeric conditions and the range of their numbers; a threshold outside it is a mistake, never a silent "never".
    private static readonly (string Prefix, double Min, double Max)[] Thresholds =
        [("epss-percentile>=", 0, 1), ("epss>=", 0, 1), ("cvss>=", 0, 10), ("risk>=", 0, 100)];

    private static readonly (string Prefix, string[] Names)[] Levels =
    [
        ("severity>=", ["low", "medium", "high", "critical"]), ("priority>=", ["low", "medium", "high", "critical"]),
        ("ssvc>=", ["track", "track*", "attend", "act"]), ("ssvc=", ["track", "track*", "attend", "act"]),
    ];

    /// <summary>
    /// The policy, or an error naming the condition that is not one of <see cref="Forms"/>: an unknown condition (with
    /// the nearest one), an unknown level, or a threshold outside its range.
    /// </summary>
    public static (FailOnPolicy? Policy, string? Error) Parse(IEnumerable<string> conditions)
    {
        var parsed = new List<(string, Func<GateFinding, bool>)>();
        foreach (var raw in conditions.SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var (test, problem) = ParseOne(raw.ToLowerInvariant());
            if (test is null)
            {
                return (null, $"'{raw}' is not a --fail-on condition{problem}");
            }

            parsed.Add((raw, test));
        }

        return (new FailOnPolicy(parsed), null);
    }

    private static (Func<GateFinding, bool>? Test, string Problem) ParseOne(string condition)
    {
        if (condition == "kev")
        {
            return (f => f.Exploitation?.Kev is not null, "");
        }

        foreach (var (prefix, min, max) in Thresholds.Where(t => condition.StartsWith(t.Prefix, StringComparison.Ordinal)))
        {
            var text = condition[prefix.Length..];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
            {
                return (null, $": {prefix} takes a number from {Number(min)} to {Number(max)}");
            }

            return (prefix switch
            {
                "epss-percentile>=" => f => f.Exploitation?.Epss?.Percentile >= value,
                "epss>=" => f => f.Exploitation?.Epss?.Score >= value,
                "cvss>=" => f => CvssOf(f)?.Score >= value,
                _ => f => f.Risk?.Score >= value,
            }, "");
        }

        foreach (var (prefix, names) in Levels.Where(l => condition.StartsWith(l.Prefix, StringComparison.Ordinal)))
        {
            var name = condition[prefix.Length..];
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                var nearest = Scoping.Suggestions.Nearest(name, names);
                return (null, $": {prefix} takes {string.Join(", ", names)}{(nearest is null ? "" : $"; did you mean '{prefix}{nearest}'?")}");
            }

            if (prefix == "severity>=")
            {
                var least = Enum.Parse<CvssSeverity>(name, ignoreCase: true);
                return (f => CvssOf(f)?.Severity >= least, "");
            }

            if (prefix == "priority>=")
            {
                var least = Enum.Parse<Priority>(name, ignoreCase: true);
                return (f => f.Risk?.Priority >= least, "");
            }

            var decision = SsvcNamed(name);
            return (prefix == "ssvc>=" ? f => f.Risk?.Ssvc >= decision : f => f.Risk?.Ssvc == decision, "");
        }

        // An unknown name or operator: suggest the nearest known one, keeping what was given after it.
        var key = ConditionKey().Match(condition).Value;
        var known = Thresholds.Select(t => t.Prefix).Concat(Levels.Select(l => l.Prefix)).Prepend("kev");
        var suggestion = Scoping.Suggestions.Nearest(key, known) is { } near ? $"; did you mean '{near}{condition[key.Length..]}'?" : "";
        return (null, $"{suggestion} (use {string.Join(", ", Forms)})");
    }

    [GeneratedRegex("^[a-z-]*[<>=]*")]
    private static partial Regex ConditionKey();

    public bool IsEmpty => _conditions.Count == 0;

    /// <summary>Each breached condition with the findings that meet it, in condition order.</summary>
    public IReadOnlyList<(string Condition, IReadOnlyList<GateFinding> Findings)> Breaches(IReadOnlyList<GateFinding> findings) =>
        _conditions
            .Select(c => (c.Text, (IReadOnlyList<GateFinding>)findings.Where(c.Test).ToList()))
            .Where(b => b.Item2.Count > 0)
            .ToList();

    private static SsvcOutcome? SsvcNamed(string name) => name switch
    {
        "track" => SsvcOutcome.Track,
        "track*" => SsvcOutcome.TrackStar,
        "attend" => SsvcOutcome.Attend,
        "act" => SsvcOutcome.Act,
        _ => null,
    };

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static CvssScore? CvssOf(GateFinding finding) =>
        finding.Vulnerability.Cvss is { } vector && Cvss.Parse(vector) is { Success: true, Value: var score } ? score : null;
}
