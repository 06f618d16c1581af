using Ctem.Core.Model;

namespace Ctem.Engine.Discovery.Reports.Suspicion;

/// <summary>
/// A package finding whose CVE is known only by CPEs that name no software of the component's registry. Two cases,
/// both ignored when an advisory held for the component's ecosystem names the weakness:
/// <list type="bullet">
/// <item>every vulnerable CPE that NVD or the tool gives is for another language's software (<c>target_sw</c>
/// <c>node.js</c> on a PyPI package);</item>
/// <item>the tool matched by CPE alone, none of those CPEs is for the component's language, and the knowledge base holds
/// the component's ecosystem's advisories but none for this weakness: Grype matched the Redis server's CVE-2021-32626
/// (<c>cpe:2.3:a:redis:redis:*</c>, for any platform) to the Python client <c>pkg:pypi/redis</c> by the CPE it made
/// up from the package name, and no PyPI advisory lists the CVE.</item>
/// </list>
/// A CPE for any platform says nothing by itself: most library CVEs have one (<c>fasterxml:jackson-databind</c>), and
/// Grype matches Java archives by CPE by design. Nor does a platform Ctem cannot place (<c>target_sw</c> it does not
/// know) count as another language.
/// </summary>
public sealed class CpeProductMismatchRule : ISuspicionRule
{
    private const int NamedCpes = 2;

    public string? Judge(ObservedFinding finding, SuspicionEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(evidence);
        if (finding.Component.Ecosystem is not { } component || !LanguageRegistries.Ecosystems.Contains(component) || HeldFor(component, finding, evidence))
        {
            return null;
        }

        var matchedByTool = finding.MatchedCpes.Select(CpeName.Parse).OfType<CpeName>().ToList();
        var fromNvd = SuspicionEvidence.NamesOf(finding)
            .SelectMany(name => evidence.NvdVulnerableCpes.TryGetValue(name, out var cpes) ? cpes : [])
            .ToList();
        var applications = matchedByTool.Concat(fromNvd).Where(cpe => cpe.Part == "a").DistinctBy(cpe => cpe.Text).ToList();
        if (applications.Count == 0 || applications.Any(cpe => LanguageOf(cpe) == component))
        {
            return null;
        }

        if (applications.All(cpe => LanguageOf(cpe) is { } language && language != component))
        {
            var languages = string.Join(" and ", applications.Select(cpe => cpe.TargetSoftware.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            return $"its CPEs are for {languages} software ({Named(applications)}), the component is {component}";
        }

        var cpeOnly = matchedByTool.Where(cpe => cpe.Part == "a").ToList();
        return cpeOnly.Count > 0 && evidence.EcosystemsHeld.Contains(component)
            ? $"the tool matched it by CPE only ({Named(cpeOnly)}), which names no {component} software, and none of the {component} advisories held names it"
            : null;
    }

    private static string? LanguageOf(CpeName cpe) =>
        cpe.NamesTargetSoftware ? LanguageRegistries.OfTargetSoftware(cpe.TargetSoftware) : null;

    private static bool HeldFor(string component, ObservedFinding finding, SuspicionEvidence evidence) =>
        SuspicionEvidence.NamesOf(finding).Any(name =>
            evidence.AdvisoryEcosystems.TryGetValue(name, out var ecosystems) && ecosystems.Any(e => Ecosystems.BaseOf(e) == component));

    private static string Named(IReadOnlyList<CpeName> cpes) =>
        string.Join(", ", cpes.Take(NamedCpes).Select(cpe => cpe.Text)) + (cpes.Count > NamedCpes ? ", …" : "");
}
