namespace Ctem.Core.Scoring;

/// <summary>
/// Severity as Ctem spells it wherever it prints one (tables, JSON, CSV, Markdown, explanations, <c>ctem cvss</c>):
/// <c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c> or <c>none</c>, lower-case — the words of the CVSS
/// qualitative scale, spelt as priorities are. Sources' own words ("MODERATE", "Important", "info") are mapped to them.
/// </summary>
public static class Severities
{
    public static string Name(CvssSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>The word for a source's severity label in any case; null for none or a label that says nothing ("Unknown").</summary>
    public static string? Normalize(string? label) => label?.Trim().ToLowerInvariant() switch
    {
        "critical" => "critical",
        "high" or "important" => "high",
        "medium" or "moderate" => "medium",
        "low" or "minor" or "negligible" => "low",
        "none" or "info" or "informational" => "none",
        _ => null,
    };
}
