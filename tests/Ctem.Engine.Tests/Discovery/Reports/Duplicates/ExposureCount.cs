using Ctem.Core.Model;

namespace Ctem.Engine.Tests.Discovery.Reports.Duplicates;

/// <summary>
/// The duplicates measure of a set of reports of one target: the raw entries the reports hold, the open findings
/// stored, and the duplicates left — open findings beyond the first for one (asset, vulnerability alias group).
/// </summary>
internal sealed record ExposureCount(int RawEntries, int Stored, int Duplicates)
{
    public override string ToString() => $"{RawEntries} raw entries, {Stored} findings stored, {Duplicates} duplicates left";

    /// <summary>
    /// The asset is judged apart from Ctem's own key, so that a key that fails to merge still counts: a package by its
    /// name and version as any tool spells them (case aside), whatever ecosystem or purl the finding got; anything else
    /// by its key. Alias groups join every name a finding carries, transitively.
    /// </summary>
    public static ExposureCount Of(int rawEntries, IReadOnlyList<StoredFinding> findings)
    {
        var open = findings.Where(f => f.Status == FindingStatus.Open).ToList();
        var groups = new AliasGroups();
        foreach (var finding in open)
        {
            groups.Join(finding.Vulnerability.Aliases.Prepend(finding.Vulnerability.Id));
        }

        var duplicates = open
            .GroupBy(f => (Asset: AssetOf(f), Group: groups.RootOf(f.Vulnerability.Id)))
            .Sum(g => g.Count() - 1);
        return new ExposureCount(rawEntries, open.Count, duplicates);
    }

    private static string AssetOf(StoredFinding finding) =>
        finding.Version is { Length: > 0 } version
            ? $"{finding.PackageName.ToLowerInvariant()}@{version}"
            : finding.ComponentPurl;

    private sealed class AliasGroups
    {
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

        public void Join(IEnumerable<string> names)
        {
            string? first = null;
            foreach (var name in names)
            {
                first ??= RootOf(name);
                _parent[RootOf(name)] = first;
            }
        }

        public string RootOf(string name)
        {
            while (_parent.TryGetValue(name, out var parent) && parent != name)
            {
                name = parent;
            }

            return name;
        }
    }
}
