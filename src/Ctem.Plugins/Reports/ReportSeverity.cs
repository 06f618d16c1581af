namespace Ctem.Plugins.Reports;

/// <summary>Tools' severity words, normalised to critical, high, medium, low or info.</summary>
internal static class ReportSeverity
{
    /// <summary>The normalised severity; null for an empty or unknown word (such as "unknown").</summary>
    public static string? Normalize(string? severity) => severity?.Trim().ToLowerInvariant() switch
    {
        "critical" => "critical",
        "high" or "error" or "important" => "high",
        "medium" or "moderate" or "warning" => "medium",
        "low" or "negligible" or "note" or "minor" => "low",
        "info" or "informational" or "information" or "none" => "info",
        _ => null,
    };
}
