using Ctem.Core.Model;
using Ctem.Core.Scoring;

namespace Ctem.Engine.Discovery.Matching;

/// <summary>
/// Which of a vulnerability's CVSS vectors speaks for it: the newest CVSS version the advisories give, and among those
/// the first valid one, so the same advisories always give the same vector.
/// </summary>
internal static class CvssChoice
{
    private static readonly string[] Preference = ["CVSS_V4", "CVSS_V3", "CVSS_V2"];

    public static string? Best(IEnumerable<SeverityScore> scores) => Best(scores.Select(s => (string.Empty, s))).Vector;

    /// <summary>The best vector and the source (an advisory id) that gave it.</summary>
    public static (string? Vector, string? Source) Best(IEnumerable<(string Source, SeverityScore Score)> scores)
    {
        var list = scores.ToList();
        foreach (var type in Preference)
        {
            foreach (var (source, score) in list.Where(s => s.Score.Type == type))
            {
                if (Cvss.Parse(score.Score).Success)
                {
                    return (score.Score, source);
                }
            }
        }

        return (null, null);
    }
}
