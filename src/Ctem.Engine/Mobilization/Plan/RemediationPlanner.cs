using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Mobilization.Plan;

/// <summary>
/// Builds the remediation plan of one product or all: for each package version with open findings, the version to
/// upgrade to (<see cref="UpgradeChooser"/>) checked against every advisory of the package the knowledge base holds;
/// components going to the same version are one action across products, ranked by the risk it removes.
/// </summary>
public sealed class RemediationPlanner(ICtemStore store, VersionSchemeRegistry schemes)
{
    public Task<RemediationPlan> PlanAsync(string? product, CancellationToken cancellationToken) => PlanAsync(product, among: null, cancellationToken);

    /// <param name="among">Only these products (a team's, through the API); null for every product.</param>
    public async Task<RemediationPlan> PlanAsync(string? product, IReadOnlySet<string>? among, CancellationToken cancellationToken)
    {
        var findings = (await store.GetCurrentFindingsAsync(product, cancellationToken)).Where(f => among is null || among.Contains(f.Product)).ToList();
        var inventories = (await store.GetCurrentInventoriesAsync(product, cancellationToken)).Where(i => among is null || among.Contains(i.Product)).ToList();
        var inventoried = inventories
            .SelectMany(i => i.Components.Select(c => (Key: (i.Product, c.Coordinates), Component: c)))
            .DistinctBy(c => c.Key)
            .ToDictionary(c => c.Key, c => c.Component);

        // Findings without a package (an endpoint, a file, a host) have no version to upgrade: they are not planned.
        var packaged = findings
            .Select(f => (Finding: f, Component: inventoried.GetValueOrDefault((f.Product, f.ComponentPurl)) ?? ComponentOf(f)))
            .Where(x => x.Component is { PackageKey: not null, MatchVersion: { Length: > 0 } })
            .ToList();
        var keys = packaged.Select(x => x.Component!.PackageKey!.Value).Distinct().ToList();
        var advisories = keys.Count == 0 ? new Dictionary<PackageKey, IReadOnlyList<AdvisoryCandidate>>() : await store.FindAdvisoriesAsync(keys, cancellationToken);
        var via = DependencyVia.From(inventories, packaged.Select(x => (x.Finding.Product, x.Finding.ComponentPurl)).ToHashSet());

        var chosen = new List<(PackageKey Key, ComponentVersion From, UpgradeChoice Choice)>();
        var unplanned = new List<UnplannedFinding>();
        foreach (var package in packaged.GroupBy(x => x.Component!.PackageKey!.Value))
        {
            var compiled = PackageAdvisories.Compile(package.Key.Ecosystem, advisories.GetValueOrDefault(package.Key) ?? [], schemes);
            foreach (var version in package.GroupBy(x => x.Component!.MatchVersion!, StringComparer.Ordinal))
            {
                if (Choose(compiled, package.Key, version.Key, version.Select(x => x.Finding).ToList(), unplanned) is { } choice)
                {
                    chosen.Add((package.Key, ComponentVersion.Parse(version.Key, compiled.Scheme), choice));
                }
            }
        }

        var actions = chosen
            .GroupBy(c => (c.Key, c.Choice.To.Text))
            .Select(g => Action(g.ToList(), via))
            .OrderByDescending(a => a.RiskRemoved)
            .ThenByDescending(a => a.Fixes.Count)
            .ThenBy(a => a.Ecosystem, StringComparer.Ordinal)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .ThenBy(a => a.To, StringComparer.Ordinal)
            .ToList();
        return new RemediationPlan(actions, unplanned.OrderBy(u => u.Finding.Id).ToList());
    }

    /// <summary>The choice for one package version, or null with its findings added to <paramref name="unplanned"/>.</summary>
    private static UpgradeChoice? Choose(
        PackageAdvisories package, PackageKey key, string version, IReadOnlyList<StoredFinding> findings, List<UnplannedFinding> unplanned)
    {
        if (package.Scheme is null)
        {
            return Unplanned($"no version scheme for ecosystem '{key.Ecosystem}'");
        }

        var current = ComponentVersion.Parse(version, package.Scheme);
        if (current.Parsed is null)
        {
            return Unplanned($"'{version}' is not a {key.Ecosystem} version: {current.ParseError}");
        }

        var planned = findings.Select(f => new PlannedFinding(f, package.AdvisoriesOf(f.Vulnerability))).ToList();
        const string NoAdvisory = "no advisory of the package in the knowledge base is this vulnerability: its fixed versions are unknown";
        var known = planned.Where(f => f.Advisories.Count > 0).ToList();

        // A finding no advisory describes (a tool's id the knowledge base does not hold) may or may not go with the upgrade.
        unplanned.AddRange(planned.Where(f => f.Advisories.Count == 0).Select(f => new UnplannedFinding(f.Finding, NoAdvisory)));
        if (known.Count == 0)
        {
            return null;
        }

        var choice = UpgradeChooser.Choose(current, known, package);
        if (choice is null)
        {
            var reason = package.Candidates.Any(c => c.Parsed!.CompareTo(current.Parsed) > 0)
                ? $"no fixed version above {version} fixes it without another known vulnerability"
                : $"no advisory names a fixed version above {version}";
            unplanned.AddRange(known.Select(f => new UnplannedFinding(f.Finding, reason)));
        }

        return choice;

        UpgradeChoice? Unplanned(string reason)
        {
            unplanned.AddRange(findings.Select(f => new UnplannedFinding(f, reason)));
            return null;
        }
    }

    private static RemediationAction Action(
        IReadOnlyList<(PackageKey Key, ComponentVersion From, UpgradeChoice Choice)> components, DependencyVia via)
    {
        var first = components[0];
        var fixes = components.SelectMany(c => c.Choice.Fixes).Select(f => f.Finding).ToList();
        var remaining = components.SelectMany(c => c.Choice.Remaining).Select(f => f.Finding).OrderBy(f => f.Id).ToList();
        var all = fixes.Concat(remaining).ToList();
        var froms = components.Select(c => c.From).OrderBy(v => v.Parsed).ToList();
        return new RemediationAction(
            first.Key.Ecosystem,
            all[0].PackageName,
            froms.Select(v => v.Text).ToList(),
            first.Choice.To.Text,
            froms.Any(v => !VersionMajor.Same(v.Text, first.Choice.To.Text)),
            [.. fixes.OrderByDescending(f => f.Risk?.Score ?? 0).ThenBy(f => f.Id)],
            remaining,
            all.Select(f => f.Product).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Math.Round(fixes.Sum(f => f.Risk?.Score ?? 0), 1),
            via.Of(all));
    }

    /// <summary>
    /// The component a finding is on when no current inventory holds it (a scanner report's package), from its stored
    /// coordinates; null for endpoints, files and hosts. The inventory's component is preferred: its purl keeps the
    /// qualifiers (distribution release, source package) that coordinates drop.
    /// </summary>
    private static Component? ComponentOf(StoredFinding finding) =>
        finding.ComponentPurl.StartsWith("pkg:", StringComparison.Ordinal) && PackageUrl.Parse(finding.ComponentPurl) is { Success: true } parsed
            ? new Component(finding.PackageName, finding.Version, parsed.Value, null, new SourceLocation(finding.ComponentPurl, null))
            : null;
}
