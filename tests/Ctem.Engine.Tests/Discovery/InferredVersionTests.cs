using Ctem.Engine.Discovery;
using Ctem.Engine.Prioritization;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Discovery;

/// <summary>
/// The Go standard library's version from a go.mod: stated by a <c>toolchain</c> directive, else inferred from the
/// minimum <c>go</c> version and scored with less confidence, from the scan through storage to every re-assessment.
/// Advisories: GO-2024-2598 (CVE-2024-24783) and GO-2024-2599 (CVE-2023-45290), both fixed in 1.21.8 and 1.22.1.
/// </summary>
public sealed class InferredVersionTests
{
    private const string Product = "example.com/app";

    [SkippableTheory]
    [InlineData("go 1.21", "1.21.0", "inferred version", 0.75)]
    [InlineData("go 1.21\ntoolchain go1.21.5", "1.21.5", "stated version", 1.0)]
    public async Task Scan_GoMod_StdlibFindingScoredWithItsConfidence(string directives, string version, string confidence, double multiplier)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.SharedOsvRecord("Go.zip", "GO-2024-2598.json"));

        var report = await fixture.ScanAsync(fixture.File("go.mod", $"module {Product}\n\n{directives}\n"));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("CVE-2024-24783", version), (finding.Vulnerability.Id, finding.Component.MatchVersion));
        var factor = finding.Risk!.Factors.Single(f => f.Name == "confidence");
        Assert.Equal((confidence, multiplier), (factor.Value, factor.Level));
    }

    [SkippableFact]
    public async Task StoredFinding_KeepsItsInferredVersionThroughReassessmentAndReanalysis()
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.SharedOsvRecord("Go.zip", "GO-2024-2598.json"));
        await fixture.ScanAsync(fixture.File("go.mod", $"module {Product}\n\ngo 1.21\n"));

        // A feed update re-assesses stored findings; an advisory import re-matches the stored inventory.
        await Reprioritizer.RunAsync(fixture.Store, fixture.Time, CancellationToken.None);
        var import = await fixture.ImportAsync(fixture.SharedOsvRecord("Go.zip", "GO-2024-2599.json"));
        var reanalysis = await new Reanalyzer(fixture.Store, BuiltInPlugins.VersionSchemes, fixture.Time).RunAsync(import.ChangedPackages, CancellationToken.None);

        Assert.Equal(1, reanalysis.New);
        var stored = await fixture.Store.GetCurrentFindingsAsync(Product, CancellationToken.None);
        Assert.Equal(["CVE-2023-45290", "CVE-2024-24783"], stored.Select(f => f.Vulnerability.Id).Order(StringComparer.Ordinal));
        Assert.All(stored, f =>
        {
            Assert.StartsWith("'go 1.21' in go.mod (line 3)", f.VersionInferredFrom, StringComparison.Ordinal);
            Assert.Equal("inferred version", f.Risk!.Factors.Single(x => x.Name == "confidence").Value);
        });
    }

    /// <summary>The standard library of two modules of one scan: its version is inferred only when neither names a toolchain.</summary>
    [SkippableTheory]
    [InlineData("go 1.21", "go 1.21\ntoolchain go1.21.0", false)]
    [InlineData("go 1.21\ntoolchain go1.21.0", "go 1.21", false)]
    [InlineData("go 1.21", "go 1.21.0", true)]
    public async Task Scan_StdlibOfTwoModules_InferredOnlyWhenNeitherStatesIt(string first, string second, bool inferred)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.SharedOsvRecord("Go.zip", "GO-2024-2598.json"));
        fixture.File("inputs/a/go.mod", $"module example.com/a\n\n{first}\n");
        var root = Path.GetDirectoryName(Path.GetDirectoryName(fixture.File("inputs/b/go.mod", $"module example.com/b\n\n{second}\n")))!;

        var report = await fixture.ScanAsync(root, product: "app");

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("1.21.0", inferred), (finding.Component.Version, finding.Component.VersionInferredFrom is not null));
        Assert.Equal(inferred ? "inferred version" : "stated version", finding.Risk!.Factors.Single(f => f.Name == "confidence").Value);
    }
}
