using System.Text.Json.Nodes;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;
using Ctem.Plugins;
using Ctem.Storage;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Plan;

/// <summary>
/// The check: the plan applied to real SBOMs and rescanned removes every finding an action claims to fix and
/// brings nothing it did not announce, and no smaller fixed version would have done the same.
/// </summary>
public sealed class PlanCheckTests
{
    // Three Flux projects that hold golang.org/x modules at different versions (actions across products), syft's own SBOM
    // (Go and PyPI), and a CycloneDX SBOM with a dependency graph.
    private static readonly (string Zip, string Entry)[] Sboms =
    [
        ("bom-shelter-in-the-wild.zip", "in-the-wild/spdx/flux_0.26.3_sbom.spdx.json"),
        ("bom-shelter-in-the-wild.zip", "in-the-wild/spdx/kustomizer_2.1.0_sbom.spdx.json"),
        ("bom-shelter-in-the-wild.zip", "in-the-wild/spdx/flagger_1.18.0_sbom.spdx.json"),
        ("bom-shelter-in-the-wild.zip", "in-the-wild/spdx/grype-sbom.spdx.json"),
        ("cyclonedx-bom-examples.zip", "SBOM/proton-bridge/proton-bridge-v1.8.0.bom.json"),
    ];

    [SkippableFact]
    public async Task Plan_AppliedToRealSbomsAndRescanned_RemovesEveryClaimedFixAndNothingElseAppears()
    {
        using var fixture = new CliFixture();
        var paths = await ScanAsync(fixture);
        var before = await OpenFindingsAsync(fixture);
        var actions = PlannedAction.Read((await fixture.RunAsync("plan", "--format", "json")).Stdout);
        Assert.Contains(actions, a => a.Products.Count > 1 && a.From.Count > 1);
        Assert.Contains(actions, a => a.Ecosystem == "PyPI");
        Assert.Contains(actions, a => a.Remaining.Count > 0);

        foreach (var path in paths)
        {
            Assert.True(PlanSbom.Apply(path, actions) > 0, $"no package of {path} moved");
            Assert.Equal(0, (await fixture.RunAsync("scan", path, "--product", Path.GetFileName(path))).ExitCode);
        }

        var after = await OpenFindingsAsync(fixture);
        Assert.All(actions.SelectMany(a => a.Fixes), id => Assert.DoesNotContain(id, after.Keys));
        var announced = actions
            .SelectMany(a => a.Remaining.SelectMany(id => a.Products.Select(p => (p, a.Name, before[id].Vulnerability))))
            .ToHashSet();
        Assert.All(after.Values.Where(f => !before.ContainsKey(f.Id)), f => Assert.Contains((f.Product, f.Name, f.Vulnerability), announced));
    }

    [SkippableFact]
    public async Task Plan_RealSboms_NoSmallerFixedVersionFixesAnActionWithoutAnotherKnownVulnerability()
    {
        using var fixture = new CliFixture();
        await ScanAsync(fixture);
        var open = await OpenFindingsAsync(fixture);
        var actions = PlannedAction.Read((await fixture.RunAsync("plan", "--format", "json")).Stdout);
        await using var store = await CtemStoreFactory.OpenAsync(fixture.Database, TimeProvider.System, CancellationToken.None);
        var schemes = BuiltInPlugins.VersionSchemes;

        var checkedCandidates = 0;
        foreach (var action in actions)
        {
            var key = new PackageKey(action.Ecosystem, Ecosystems.NormalizeName(action.Ecosystem, action.Name));
            var advisories = (await store.FindAdvisoriesAsync([key], CancellationToken.None))[key];
            var scheme = schemes.For(action.Ecosystem)!;
            var held = action.From.Select(v => Parse(scheme, v)).Max()!;
            var to = Parse(scheme, action.To);
            var fixes = action.Fixes.Select(id => open[id].Names).ToList();
            var known = fixes.Concat(action.Remaining.Select(id => open[id].Names)).ToList();
            var smaller = advisories.SelectMany(a => a.Affected.FixedVersions).Distinct()
                .Where(v => scheme.TryParse(v, out var parsed, out _) && parsed.CompareTo(held) > 0 && parsed.CompareTo(to) < 0);
            foreach (var candidate in smaller)
            {
                var affecting = advisories.Where(a => AffectedVersionEvaluator.Check(a.Affected, candidate, scheme).Verdict == AffectedVerdict.Affected).ToList();
                var fixesAll = fixes.TrueForAll(names => !affecting.Exists(a => Names(a).Overlaps(names)));
                var bringsAnother = affecting.Exists(a => !known.Exists(names => Names(a).Overlaps(names)));
                Assert.False(fixesAll && !bringsAnother, $"{action.Name} {candidate} fixes all that {action.To} fixes without another known vulnerability");
                checkedCandidates++;
            }
        }

        Assert.True(checkedCandidates > 0, "no action had a smaller fixed version to compare with");
    }

    private static async Task<List<string>> ScanAsync(CliFixture fixture)
    {
        RepoPaths.RequireShared();
        Assert.Equal(0, (await fixture.RunAsync("db", "import", RepoPaths.SharedData("osv", "Go.zip"), RepoPaths.SharedData("osv", "PyPI.zip"))).ExitCode);
        var paths = Sboms.Select(s => PlanSbom.Extract(fixture, s.Zip, s.Entry)).ToList();
        foreach (var path in paths)
        {
            Assert.Equal(0, (await fixture.RunAsync("scan", path, "--product", Path.GetFileName(path))).ExitCode);
        }

        return paths;
    }

    private static async Task<Dictionary<long, OpenFinding>> OpenFindingsAsync(CliFixture fixture)
    {
        var json = JsonNode.Parse((await fixture.RunAsync("findings", "--format", "json")).Stdout)!;
        return json["findings"]!.AsArray().Select(f =>
        {
            var vulnerability = f!["vulnerability"]!;
            var names = new[] { (string)vulnerability["id"]! }
                .Concat(vulnerability["aliases"]!.AsArray().Select(a => (string)a!))
                .Concat(vulnerability["advisories"]!.AsArray().Select(a => (string)a!))
                .ToHashSet(StringComparer.Ordinal);
            return new OpenFinding((long)f["id"]!, (string)f["product"]!, (string)f["component"]!["name"]!, (string)vulnerability["id"]!, names);
        }).ToDictionary(f => f.Id);
    }

    private static HashSet<string> Names(AdvisoryCandidate advisory) => [advisory.AdvisoryId, .. advisory.Aliases];

    private static ISchemeVersion Parse(IVersionScheme scheme, string version) =>
        scheme.TryParse(version, out var parsed, out var error) ? parsed : throw new InvalidOperationException(error);

    private sealed record OpenFinding(long Id, string Product, string Name, string Vulnerability, HashSet<string> Names);
}
