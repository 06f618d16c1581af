using Ctem.Core.Model;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Mobilization.Plan;

/// <summary>One component version's open finding with the advisories of its package that are its vulnerability.</summary>
internal sealed record PlannedFinding(StoredFinding Finding, IReadOnlySet<string> Advisories)
{
    public double Risk => Finding.Risk?.Score ?? 0;
}

/// <summary>The version one component goes to, what that fixes and what it leaves.</summary>
internal sealed record UpgradeChoice(ComponentVersion To, IReadOnlyList<PlannedFinding> Fixes, IReadOnlyList<PlannedFinding> Remaining);

/// <summary>
/// Chooses the version a component upgrades to from its package's fixed versions: the lowest one above the current
/// version that no advisory of the package affects. When none is, the candidate that removes the most risk (then fixes
/// the most findings, then stays in the current major, then is lowest) among those that bring no vulnerability the
/// component does not already have.
/// </summary>
internal static class UpgradeChooser
{
    public static UpgradeChoice? Choose(ComponentVersion current, IReadOnlyList<PlannedFinding> findings, PackageAdvisories package)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(package);
        if (current.Parsed is not { } from)
        {
            return null;
        }

        var known = findings.SelectMany(f => f.Advisories).ToHashSet(StringComparer.Ordinal);
        UpgradeChoice? best = null;
        (double Risk, int Count, bool SameMajor) bestRank = default;
        foreach (var candidate in package.Candidates.Where(c => c.Parsed!.CompareTo(from) > 0))
        {
            var affecting = package.AffectingAt(candidate);
            if (affecting.Count == 0)
            {
                return new UpgradeChoice(candidate, findings, []);
            }

            if (!affecting.IsSubsetOf(known))
            {
                continue;
            }

            var fixes = findings.Where(f => !f.Advisories.Overlaps(affecting)).ToList();
            if (fixes.Count == 0)
            {
                continue;
            }

            // Candidates come lowest first: a later one must be strictly better to take the place.
            var rank = (Math.Round(fixes.Sum(f => f.Risk), 1), fixes.Count, VersionMajor.Same(candidate.Text, current.Text));
            if (best is null || Better(rank, bestRank))
            {
                best = new UpgradeChoice(candidate, fixes, findings.Except(fixes).ToList());
                bestRank = rank;
            }
        }

        return best;
    }

    private static bool Better((double Risk, int Count, bool SameMajor) a, (double Risk, int Count, bool SameMajor) b) =>
        a.Risk != b.Risk ? a.Risk > b.Risk
        : a.Count != b.Count ? a.Count > b.Count
        : a.SameMajor && !b.SameMajor;
}
