using System.Globalization;

namespace Ctem.Plugins.Reports.Nmap;

/// <summary>Nmap scripts give a CVSS base score, not a severity word; the CVSS qualitative scale turns one into the other.</summary>
internal static class CvssScore
{
    public static string? Severity(string? score)
    {
        if (!double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 10)
        {
            return null;
        }

        return value switch
        {
            >= 9 => "critical",
            >= 7 => "high",
            >= 4 => "medium",
            > 0 => "low",
            _ => "info",
        };
    }
}
