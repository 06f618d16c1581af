using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>
/// One scan may report the same exposure twice (the same package found in two lock files, say); those
/// reports become one finding whose names, advisories and fixes are the union of both.
/// </summary>
internal static class ObservedFindingMerger
{
    public static IReadOnlyList<ObservedFinding> Merge(IEnumerable<ObservedFinding> findings)
    {
        var byKey = new Dictionary<string, ObservedFinding>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var finding in findings)
        {
            if (byKey.TryGetValue(finding.Key, out var first))
            {
                byKey[finding.Key] = Combine(first, finding);
            }
            else
            {
                byKey.Add(finding.Key, finding);
                order.Add(finding.Key);
            }
        }

        return order.Select(k => byKey[k]).ToList();
    }

    private static ObservedFinding Combine(ObservedFinding first, ObservedFinding second)
    {
        var a = first.Vulnerability;
        var b = second.Vulnerability;
        var vulnerability = a with
        {
            Aliases = Union(a.Aliases, b.Aliases),
            Summary = a.Summary ?? b.Summary,
            Severity = a.Severity ?? b.Severity,
            Cvss = a.Cvss ?? b.Cvss,
            AdvisoryIds = Union(a.AdvisoryIds, b.AdvisoryIds),
        };
        return first with { Vulnerability = vulnerability, FixedVersions = Union(first.FixedVersions, second.FixedVersions) };
    }

    private static string[] Union(IEnumerable<string> a, IEnumerable<string> b) => a.Union(b, StringComparer.Ordinal).ToArray();
}
