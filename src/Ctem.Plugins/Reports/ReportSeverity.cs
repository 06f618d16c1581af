using System.Globalization;

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

    /// <summary>The CVSS qualitative rating of a score, for tools that give a score where others give a word; 0 is info.</summary>
    public static string FromCvssScore(double score) => score switch
    {
        >= 9 => "critical",
        >= 7 => "high",
        >= 4 => "medium",
        > 0 => "low",
        _ => "info",
    };

    /// <summary>The rating of a score written as text; null unless it is a number from 0 to 10.</summary>
    public static string? FromCvssScore(string? score) =>
        double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 10
            ? FromCvssScore(value)
            : null;
}
