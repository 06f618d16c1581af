using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Engine.Knowledge;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Discovery;

/// <summary>No silent "no findings": real SBOMs against an empty or partial knowledge base say what was not matched and why.</summary>
public sealed class MatchCoverageTests
{
    private const string InTheWild = "bom-shelter-in-the-wild.zip";

    /// <summary>SBOM entry, advisories held (none or the demo's Go records), the coverage warnings expected ("{db}" is the database).</summary>
    public static TheoryData<string, bool, string[]> Cases => new()
    {
        { "in-the-wild/spdx/istio-release.spdx", false, ["CTEM011 istio-release.spdx: 3,461 of 3,461 packages have no purl: not matched"] },
        {
            "in-the-wild/cyclonedx/redis-commander-sbom-cdx.json", true,
            ["CTEM016 {db}: no advisories for npm (514 packages) in the knowledge base: those packages were not checked; run 'ctem db update --ecosystem npm' (or 'ctem db import')"]
        },
        { "in-the-wild/cyclonedx/harp-darwin-amd64.sbom.json", true, [] },
        {
            "in-the-wild/cyclonedx/harp-darwin-amd64.sbom.json", false,
            ["CTEM016 {db}: no advisories for Go (705 packages) in the knowledge base: those packages were not checked; run 'ctem db update --ecosystem Go' (or 'ctem db import')"]
        },
        {
            "in-the-wild/cyclonedx/mediawiki-cdx.xml", false,
            [
                "CTEM011 mediawiki-cdx.xml: 1 of 196 packages have no purl: not matched",
                "CTEM015 mediawiki-cdx.xml: 97 of 196 packages have a purl type no advisory ecosystem covers (pkg:alpine ×97): not matched",
                "CTEM016 {db}: no advisories for Packagist (98 packages) in the knowledge base: those packages were not checked; run 'ctem db update --ecosystem Packagist' (or 'ctem db import')",
            ]
        },
        // Partial knowledge: Go is held, so only the others are named; Debian:11 is fetched as Debian.
        {
            "in-the-wild/spdx/grype-sbom.spdx.json", true,
            [
                "CTEM011 grype-sbom.spdx.json: 3 of 1,160 packages have no purl: not matched",
                "CTEM015 grype-sbom.spdx.json: 1 of 1,160 packages have a purl type no advisory ecosystem covers (pkg:alpine ×1): not matched",
                "CTEM016 {db}: no advisories for Maven (2 packages), PyPI (1 package), RubyGems (1 package) in the knowledge base: those packages were not checked; run 'ctem db update --ecosystem Maven --ecosystem PyPI --ecosystem RubyGems' (or 'ctem db import')",
            ]
        },
        {
            "in-the-wild/cyclonedx/elixir-cdx.xml", true,
            [
                "CTEM011 elixir-cdx.xml: 1 of 584 packages have no purl: not matched",
                "CTEM016 {db}: no advisories for Debian:11 (582 packages), PyPI (1 package) in the knowledge base: those packages were not checked; run 'ctem db update --ecosystem Debian --ecosystem PyPI' (or 'ctem db import')",
            ]
        },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Scan_RealSbom_SaysWhatWasNotMatched(string entry, bool goAdvisories, string[] expected)
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();
        if (goAdvisories)
        {
            await fixture.ImportAsync(fixture.DemoAdvisories);
        }

        var report = await fixture.ScanAsync(Extract(fixture, entry));

        Assert.Equal(OperationStatus.Succeeded, report.Status);
        Assert.NotNull(report.Run);
        var coverage = report.Diagnostics
            .Where(d => d.Code is DiagnosticCodes.ComponentWithoutPurl or DiagnosticCodes.ComponentWithoutEcosystem or DiagnosticCodes.NoAdvisoriesForEcosystem)
            .Select(d => $"{d.Code} {(d.Path == fixture.Store.Description ? "{db}" : Path.GetFileName(d.Path))}: {d.Message}");
        Assert.Equal(expected, coverage);
        Assert.All(report.Coverage!.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [SkippableFact]
    public async Task Summary_NoPurlAnywhere_CountsThemAll()
    {
        RepoPaths.RequireShared();
        await using var fixture = await EngineFixture.CreateAsync();

        var report = await fixture.ScanAsync(Extract(fixture, "in-the-wild/spdx/istio-release.spdx"));

        Assert.Equal("3,461 of 3,461 packages have no purl: not matched", report.Coverage?.Summary());
        Assert.Empty(report.Findings);
    }

    private static string Extract(EngineFixture fixture, string entry)
    {
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", InTheWild));
        var path = fixture.File(Path.GetFileName(entry), "");
        archive.GetEntry(entry)!.ExtractToFile(path, overwrite: true);
        return path;
    }
}
