using Ctem.Core.Scoring;

namespace Ctem.Plugins.Reports;

/// <summary>Which of the CVSS vectors a report gives for one finding speaks for it.</summary>
internal static class ReportCvss
{
    /// <summary>
    /// The newest CVSS version among the vectors that score, and the first vector of that version, as written; null when
    /// none scores. The same rule as Ctem's own matching, so a reported and a matched finding get the same vector.
    /// </summary>
    public static string? Best(IEnumerable<string?> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        string? best = null;
        string? bestVersion = null;
        foreach (var vector in vectors)
        {
            if (string.IsNullOrWhiteSpace(vector) || Cvss.Parse(vector) is not { Success: true } scored)
            {
                continue;
            }

            if (bestVersion is null || string.CompareOrdinal(scored.Value.Version, bestVersion) > 0)
            {
                (best, bestVersion) = (vector.Trim(), scored.Value.Version);
            }
        }

        return best;
    }
}
