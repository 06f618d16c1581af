namespace Ctem.Plugins.Reports.OpenVas;

/// <summary>OpenVAS's threat levels: High, Medium, Low, Log (a note, not a weakness: info), else the score's rating.</summary>
internal static class OpenVasThreat
{
    /// <summary>The normalised severity; null for "False Positive" (an override that says the result is not one).</summary>
    public static string? Severity(string? threat, string? score, out bool falsePositive)
    {
        falsePositive = string.Equals(threat?.Trim(), "False Positive", StringComparison.OrdinalIgnoreCase);
        if (falsePositive)
        {
            return null;
        }

        return string.Equals(threat?.Trim(), "Log", StringComparison.OrdinalIgnoreCase)
            ? "info"
            : ReportSeverity.Normalize(threat) ?? ReportSeverity.FromCvssScore(score);
    }
}
