using System.Globalization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Discovery.Matching;

/// <summary>
/// What matching could not look at, said rather than left behind a silent "no findings": components without a purl,
/// or whose purl type has no advisory ecosystem, and scanned ecosystems the knowledge base holds no advisories for.
/// </summary>
/// <param name="WithoutEcosystem">Components with a purl but no ecosystem, by purl type.</param>
/// <param name="EcosystemsWithoutAdvisories">Scanned ecosystems (as package keys name them) with no advisory held, and how many components each has.</param>
/// <param name="Diagnostics">The warnings that say so: per input file for the components, one for the knowledge base.</param>
public sealed record MatchCoverage(
    int Components,
    int WithoutPurl,
    IReadOnlyDictionary<string, int> WithoutEcosystem,
    IReadOnlyDictionary<string, int> EcosystemsWithoutAdvisories,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public static async Task<MatchCoverage> CheckAsync(
        ICtemStore store,
        IReadOnlyList<Component> components,
        IReadOnlyDictionary<PackageKey, IReadOnlyList<AdvisoryCandidate>> candidates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(candidates);
        var scanned = components.Select(c => c.PackageKey?.Ecosystem).OfType<string>()
            .GroupBy(e => e, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // An ecosystem some package met advisories in has advisories: only the others are worth asking the store about.
        var met = candidates.Where(c => c.Value.Count > 0).Select(c => c.Key.Ecosystem).ToHashSet(StringComparer.Ordinal);
        var unmet = scanned.Keys.Where(e => !met.Contains(e)).ToList();
        var held = unmet.Count == 0 ? new HashSet<string>() : await store.FindEcosystemsWithAdvisoriesAsync(unmet, cancellationToken);
        var empty = new SortedDictionary<string, int>(
            unmet.Where(e => !held.Contains(e)).ToDictionary(e => e, e => scanned[e], StringComparer.Ordinal), StringComparer.Ordinal);

        var diagnostics = new List<Diagnostic>();
        foreach (var file in components.GroupBy(c => c.Location.Path, StringComparer.Ordinal))
        {
            diagnostics.AddRange(Unmatchable(file.Key, [.. file]));
        }

        if (empty.Count > 0)
        {
            diagnostics.Add(NoAdvisories(store.Description, empty));
        }

        return new MatchCoverage(components.Count, components.Count(c => c.Purl is null), ByPurlType(components), empty, diagnostics);
    }

    /// <summary>The summary's words for the components that were not matched; null when every one could be.</summary>
    public string? Summary()
    {
        var parts = new List<string>();
        if (WithoutPurl > 0)
        {
            parts.Add(NoPurl(WithoutPurl, Components));
        }

        if (WithoutEcosystem.Count > 0)
        {
            parts.Add(NoEcosystem(WithoutEcosystem, Components));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static IEnumerable<Diagnostic> Unmatchable(string path, IReadOnlyList<Component> components)
    {
        var withoutPurl = components.Count(c => c.Purl is null);
        if (withoutPurl > 0)
        {
            yield return Diagnostic.Warning(DiagnosticCodes.ComponentWithoutPurl, path, NoPurl(withoutPurl, components.Count));
        }

        if (ByPurlType(components) is { Count: > 0 } types)
        {
            yield return Diagnostic.Warning(DiagnosticCodes.ComponentWithoutEcosystem, path, NoEcosystem(types, components.Count));
        }
    }

    private static Diagnostic NoAdvisories(string knowledgeBase, IReadOnlyDictionary<string, int> ecosystems)
    {
        var named = string.Join(", ", ecosystems.Select(e => $"{e.Key} ({Packages(e.Value)})"));

        // "Debian:12" is downloaded as part of "Debian".
        var update = string.Join(" ", ecosystems.Keys.Select(Ecosystems.BaseOf).Distinct(StringComparer.Ordinal).Select(e => $"--ecosystem {Quoted(e)}"));
        return Diagnostic.Warning(
            DiagnosticCodes.NoAdvisoriesForEcosystem,
            knowledgeBase,
            $"no advisories for {named} in the knowledge base: those packages were not checked; run 'ctem db update {update}' (or 'ctem db import')");
    }

    private static string NoPurl(int count, int of) => $"{Count(count)} of {Count(of)} packages have no purl: not matched";

    private static string NoEcosystem(IReadOnlyDictionary<string, int> types, int of) =>
        $"{Count(types.Values.Sum())} of {Count(of)} packages have a purl type no advisory ecosystem covers ({string.Join(", ", types.Select(t => $"pkg:{t.Key} ×{Count(t.Value)}"))}): not matched";

    private static SortedDictionary<string, int> ByPurlType(IEnumerable<Component> components) =>
        new(components.Where(c => c.Purl is not null && c.PackageKey is null)
            .GroupBy(c => c.Purl!.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Packages(int n) => n == 1 ? "1 package" : $"{Count(n)} packages";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Quoted(string ecosystem) => ecosystem.Contains(' ', StringComparison.Ordinal) ? $"\"{ecosystem}\"" : ecosystem;
}
