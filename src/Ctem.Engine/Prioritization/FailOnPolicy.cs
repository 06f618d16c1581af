using System.Globalization;
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
public sealed class FailOnPolicy
{
    public static readonly string[] Forms =
    [
        "kev", "epss>=N", "epss-percentile>=N", "cvss>=N", "severity>=low|medium|high|critical", "priority>=low|medium|high|critical",
        "risk>=N", "ssvc=track|track*|attend|act", "ssvc>=track*|attend|act",
    ];

    private readonly List<(string Text, Func<GateFinding, bool> Test)> _conditions;

    private FailOnPolicy(List<(string, Func<GateFinding, bool>)> conditions) => _conditions = conditions;

    /// <summary>The policy, or an error naming the condition that is not one of <see cref="Forms"/>.</summary>
    public static (FailOnPolicy? Policy, string? Error) Parse(IEnumerable<string> conditions)
    {
        var parsed = new List<(string, Func<GateFinding, bool>)>();
        foreach (var raw in conditions.SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var condition = raw.ToLowerInvariant();
            Func<GateFinding, bool>? test = condition switch
            {
                "kev" => f => f.Exploitation?.Kev is not null,
                _ when Threshold(condition, "epss-percentile>=") is { } p => f => f.Exploitation?.Epss?.Percentile >= p,
                _ when Threshold(condition, "epss>=") is { } e => f => f.Exploitation?.Epss?.Score >= e,
                _ when Threshold(condition, "cvss>=") is { } c => f => CvssOf(f)?.Score >= c,
                _ when condition.StartsWith("severity>=", StringComparison.Ordinal)
                    && Enum.TryParse<CvssSeverity>(condition["severity>=".Length..], ignoreCase: true, out var severity)
                    => f => CvssOf(f)?.Severity >= severity,
                _ when condition.StartsWith("priority>=", StringComparison.Ordinal) && PriorityNamed(condition["priority>=".Length..]) is { } priority
                    => f => f.Risk?.Priority >= priority,
                _ when Threshold(condition, "risk>=") is { } r => f => f.Risk?.Score >= r,
                _ when condition.StartsWith("ssvc>=", StringComparison.Ordinal) && SsvcNamed(condition["ssvc>=".Length..]) is { } least
                    => f => f.Risk?.Ssvc >= least,
                _ when condition.StartsWith("ssvc=", StringComparison.Ordinal) && SsvcNamed(condition["ssvc=".Length..]) is { } decision
                    => f => f.Risk?.Ssvc == decision,
                _ => null,
            };
            if (test is null)
            {
                return (null, $"'{raw}' is not a --fail-on condition; use {string.Join(", ", Forms)}");
            }

            parsed.Add((raw, test));
        }

        return (new FailOnPolicy(parsed), null);
    }

    public bool IsEmpty => _conditions.Count == 0;

    /// <summary>Each breached condition with the findings that meet it, in condition order.</summary>
    public IReadOnlyList<(string Condition, IReadOnlyList<GateFinding> Findings)> Breaches(IReadOnlyList<GateFinding> findings) =>
        _conditions
            .Select(c => (c.Text, (IReadOnlyList<GateFinding>)findings.Where(c.Test).ToList()))
            .Where(b => b.Item2.Count > 0)
            .ToList();

    private static Priority? PriorityNamed(string name) =>
        Enum.TryParse<Priority>(name, ignoreCase: true, out var priority) && priority != Priority.Unspecified && !char.IsDigit(name[0]) ? priority : null;

    private static SsvcOutcome? SsvcNamed(string name) => name switch
    {
        "track" => SsvcOutcome.Track,
        "track*" => SsvcOutcome.TrackStar,
        "attend" => SsvcOutcome.Attend,
        "act" => SsvcOutcome.Act,
        _ => null,
    };

    private static double? Threshold(string condition, string prefix) =>
        condition.StartsWith(prefix, StringComparison.Ordinal)
        && double.TryParse(condition[prefix.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    private static CvssScore? CvssOf(GateFinding finding) =>
        finding.Vulnerability.Cvss is { } vector && Cvss.Parse(vector) is { Success: true, Value: var score } ? score : null;
}
