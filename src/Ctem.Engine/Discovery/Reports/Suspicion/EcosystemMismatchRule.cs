using Ctem.Core.Model;

namespace Ctem.Engine.Discovery.Reports.Suspicion;

/// <summary>
/// A package finding whose advisories are all for other ecosystems than the component's: Grype matched CVE-2021-29940,
/// which is the Rust advisory RUSTSEC-2021-0049 for the crate <c>through</c>, to <c>pkg:npm/through</c> by its name.
/// What an advisory is for comes from its record in the knowledge base, else from a database that covers one ecosystem
/// only (<see cref="Advisory.EcosystemOf"/>). Only language registries count, on both sides (<see cref="LanguageRegistries"/>).
/// An advisory the tool itself names but Ctem cannot read may be for the component's ecosystem, and then nothing is
/// said: Grype's Maven finding of CVE-2023-39410 names GHSA-rhrv-645h-fjfh (for Maven), while the PyPI record
/// PYSEC-2023-188 lists the same Java CVE for PyPI.
/// </summary>
public sealed class EcosystemMismatchRule : ISuspicionRule
{
    private const int NamedAdvisories = 3;

    public string? Judge(ObservedFinding finding, SuspicionEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(evidence);
        if (finding.Component.Ecosystem is not { } component || !LanguageRegistries.Ecosystems.Contains(component) || finding.ReportedAs.Any(id => Unreadable(id, evidence)))
        {
            return null;
        }

        var advisoriesFor = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var name in SuspicionEvidence.NamesOf(finding))
        {
            // A held record says more than its id's database: a GHSA or a PYSEC record lists every package it is for.
            IEnumerable<string> ecosystems = evidence.AdvisoryEcosystems.TryGetValue(name, out var held) ? held
                : Advisory.EcosystemOf(name) is { } implied ? [implied]
                : [];
            foreach (var ecosystem in ecosystems.Select(Ecosystems.BaseOf).Where(LanguageRegistries.Ecosystems.Contains))
            {
                if (!advisoriesFor.TryGetValue(ecosystem, out var ids))
                {
                    advisoriesFor[ecosystem] = ids = new SortedSet<string>(StringComparer.Ordinal);
                }

                ids.Add(name);
            }
        }

        if (advisoriesFor.Count == 0 || advisoriesFor.ContainsKey(component))
        {
            return null;
        }

        var advisories = advisoriesFor.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var named = string.Join(", ", advisories.Take(NamedAdvisories)) + (advisories.Count > NamedAdvisories ? ", …" : "");
        var subject = advisories.Count == 1 ? "the advisory is" : "the advisories are";
        return $"{subject} for {string.Join(" and ", advisoriesFor.Keys)} ({named}), the component is {component}";
    }

    // A CVE names a vulnerability, not an ecosystem; any other id is an advisory of some database.
    private static bool Unreadable(string id, SuspicionEvidence evidence) =>
        Advisory.SourceOf(id) != "CVE" && !evidence.AdvisoryEcosystems.ContainsKey(id) && Advisory.EcosystemOf(id) is null;
}
