using Ctem.Core.Diagnostics;
using Ctem.Engine.Knowledge;
using Xunit;

namespace Ctem.Engine.Tests.Discovery;

public sealed class ScanRunnerTests
{
    [Fact]
    public async Task Scan_DemoSbom_FindsAndStoresFindings()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.DemoAdvisories);

        var report = await fixture.ScanAsync(fixture.DemoSbom);

        Assert.Equal(OperationStatus.Succeeded, report.Status);
        Assert.Equal("github.com/elastic/harp", report.Product?.Name);
        Assert.Equal(705, report.Components);
        Assert.Equal(91, report.Findings.Count);
        Assert.Equal(91, report.Run?.New);
        Assert.Equal(91, (await fixture.Store.GetCurrentFindingsAsync("github.com/elastic/harp", CancellationToken.None)).Count);
        Assert.Equal(report.Findings.Count, report.Findings.Select(f => f.Key).Distinct().Count());
    }

    // Hand-checked against GO-2020-0015 (golang.org/x/text: introduced 0, fixed 0.3.3; CVE-2020-14040).
    [Theory]
    [InlineData("v0.3.2", true)]
    [InlineData("v0.0.0-20170915032832-14c0d48ead0c", true)]
    [InlineData("v0.3.3", false)]
    [InlineData("v0.3.8", false)]
    public async Task Scan_RealGoAdvisory_FixedIsExclusive(string version, bool affected)
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.DemoAdvisories);
        var sbom = fixture.Sbom("sbom.json", "app", $"pkg:golang/golang.org/x/text@{version}");

        var report = await fixture.ScanAsync(sbom);

        Assert.Equal(affected, report.Findings.Any(f => f.Vulnerability.Id == "CVE-2020-14040"));
    }

    [Fact]
    public async Task Scan_SameVulnerabilityFromTwoDatabases_IsOneFindingWithAllIds()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(
            fixture.File("go.json", Advisory("GO-2099-0001", "CVE-2099-0001", "1.2.0")),
            fixture.File("ghsa.json", Advisory("GHSA-aaaa-bbbb-cccc", "CVE-2099-0001", "1.2.1")));
        var sbom = fixture.Sbom("sbom.json", "app", "pkg:golang/example.com/lib@v1.1.0");

        var report = await fixture.ScanAsync(sbom);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("CVE-2099-0001", finding.Vulnerability.Id);
        Assert.Equal(["GHSA-aaaa-bbbb-cccc", "GO-2099-0001"], finding.Vulnerability.Aliases);
        Assert.Equal(["GHSA-aaaa-bbbb-cccc", "GO-2099-0001"], finding.Vulnerability.AdvisoryIds);
        Assert.Equal(["1.2.0", "1.2.1"], finding.FixedVersions);
    }

    [Fact]
    public async Task Scan_ComponentUpgradedThenDowngraded_ResolvesThenReopens()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.File("go.json", Advisory("GO-2099-0001", "CVE-2099-0001", "1.2.0")));
        var vulnerable = fixture.Sbom("v1.json", "app", "pkg:golang/example.com/lib@v1.1.0");
        var upgraded = fixture.Sbom("v2.json", "app", "pkg:golang/example.com/lib@v1.2.0");

        // One CI job whose SBOM file name changes with the release: one source.
        var first = await fixture.ScanAsync(vulnerable, source: "build");
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var again = await fixture.ScanAsync(vulnerable, source: "build");
        var fixedRun = await fixture.ScanAsync(upgraded, source: "build");
        var open = await fixture.Store.GetCurrentFindingsAsync("app", CancellationToken.None);
        var back = await fixture.ScanAsync(vulnerable, source: "build");

        Assert.Equal((1, 0, 0), (first.Run!.New, first.Run.Reopened, first.Run.Resolved));
        Assert.Equal((0, 1, 0), (again.Run!.New, again.Run.StillOpen, again.Run.Resolved));
        Assert.Equal(1, fixedRun.Run!.Resolved);
        Assert.Empty(open);
        Assert.Equal((0, 1), (back.Run!.New, back.Run.Reopened));
    }

    // Found in review: one unreadable file in a multi-file scan resolved the findings of the components it holds.
    [Fact]
    public async Task Scan_OneInputUnreadable_ResolvesNothing()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.File("go.json", Advisory("GO-2099-0001", "CVE-2099-0001", "1.2.0")));
        var sbom = fixture.Sbom("project/bom.json", "app", "pkg:golang/example.com/lib@v1.1.0");
        var directory = Path.GetDirectoryName(sbom)!;
        await fixture.ScanAsync(directory, product: "app");
        File.WriteAllText(sbom, "{\"bomFormat\": \"CycloneDX\", \"components\": [");
        fixture.Sbom("project/other.cdx.json", "app", "pkg:npm/left-pad@1.0.0");

        var partial = await fixture.ScanAsync(directory, product: "app");

        Assert.Equal(OperationStatus.Partial, partial.Status);
        Assert.Equal(0, partial.Run!.Resolved);
        Assert.Single(await fixture.Store.GetCurrentFindingsAsync("app", CancellationToken.None));
    }

    // Found in review: a FIFO named like a lockfile hung the walk, and any zip in a source tree was opened.
    [Fact]
    public async Task Scan_TreeWithFifoAndBrokenZip_NeitherHangsNorFails()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var sbom = fixture.Sbom("tree/bom.json", "app", "pkg:npm/left-pad@1.0.0");
        var directory = Path.GetDirectoryName(sbom)!;
        fixture.File("tree/fixtures/broken.zip", "PK\u0003\u0004 not a zip");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(directory, "requirements.txt")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var scan = fixture.ScanAsync(directory);
        var finished = await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(scan, finished);
        Assert.Equal(1, (await scan).Components);
        Assert.DoesNotContain((await scan).Diagnostics, d => d.IsError);
    }

    [Fact]
    public async Task Scan_AdvisoryWithCvssVectors_FindingCarriesNewestValidVectorThroughStorage()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.File("ghsa.json", """
            {"id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-01T00:00:00Z",
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
                          {"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"},
                          {"type": "CVSS_V4", "score": "not a vector"}],
             "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"},
                           "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]}]}
            """));

        var report = await fixture.ScanAsync(fixture.Sbom("sbom.json", "app", "pkg:npm/left-pad@1.0.0"));

        const string V4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        Assert.Equal(V4, Assert.Single(report.Findings).Vulnerability.Cvss);
        Assert.Equal(V4, Assert.Single(await fixture.Store.GetCurrentFindingsAsync("app", CancellationToken.None)).Vulnerability.Cvss);
    }

    [Fact]
    public async Task Scan_ProductOption_OverridesSbomName()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var report = await fixture.ScanAsync(fixture.Sbom("sbom.json", "from-sbom", "pkg:npm/left-pad@1.0.0"), product: "payments-api");
        Assert.Equal("payments-api", report.Product?.Name);
        Assert.Single(await fixture.Store.ListProductsAsync(CancellationToken.None), p => p.Name == "payments-api");
    }

    [Fact]
    public async Task Scan_MalformedSbom_StoresNothing()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var report = await fixture.ScanAsync(fixture.File("bad.json", "{\"bomFormat\": \"CycloneDX\", \"components\": [ {\"name\": }"));
        Assert.Equal(OperationStatus.Failed, report.Status);
        Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(report.Diagnostics).Code);
        Assert.Null(report.Run);
        Assert.Empty(await fixture.Store.ListProductsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Scan_DirectoryWithSbomAndOtherJson_ReadsOnlyTheSbom()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        var sbom = fixture.Sbom("project/bom.json", "app", "pkg:npm/left-pad@1.0.0");
        fixture.File("project/package.json", "{\"name\": \"app\"}");
        fixture.File("project/node_modules/x/bom.json", "{\"bomFormat\": \"CycloneDX\", \"components\": [{\"name\": \"hidden\"}]}");

        var report = await fixture.ScanAsync(Path.GetDirectoryName(sbom)!);

        Assert.Equal(OperationStatus.Succeeded, report.Status);
        Assert.Equal(1, report.Components);
        Assert.Equal(sbom, Assert.Single(report.Inputs).Path);
    }

    [Fact]
    public async Task Scan_EcosystemWithoutScheme_CountsUndecidedChecks()
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(fixture.File("conan.json", """
            {"id": "GLAD-2099-1", "modified": "2024-01-01T00:00:00Z",
             "affected": [{"package": {"ecosystem": "ConanCenter", "name": "zlib"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2.12"}]}]}]}
            """));

        var report = await fixture.ScanAsync(fixture.Sbom("sbom.json", "app", "pkg:conan/zlib@1.2.11"));

        Assert.Empty(report.Findings);
        Assert.Equal(1, Assert.Single(report.Undetermined).Value);
    }

    // OSV-2099-0003 names both CVEs and links the other two into one vulnerability, but only where it applies itself:
    // a version it does not affect meets two vulnerabilities, one each (the package's alias group is split), or one.
    [Theory]
    [InlineData("v0.5.0", "CVE-2099-0001", "GHSA-aaaa-bbbb-cccc,GO-2099-0001,OSV-2099-0003")]
    [InlineData("v1.5.0", "CVE-2099-0001|CVE-2099-0002", "GO-2099-0001|GHSA-aaaa-bbbb-cccc")]
    [InlineData("v1.0.0", "CVE-2099-0001|CVE-2099-0002", "GO-2099-0001|GHSA-aaaa-bbbb-cccc")]
    [InlineData("v1.9.0", "CVE-2099-0001", "GO-2099-0001")]
    [InlineData("v2.0.0", "", "")]
    public async Task Scan_AdvisoryLinkingTwoOthers_LinksThemOnlyWhereItApplies(string version, string vulnerabilities, string advisories)
    {
        await using var fixture = await EngineFixture.CreateAsync();
        await fixture.ImportAsync(
            fixture.File("go.json", Advisory("GO-2099-0001", "CVE-2099-0001", "2.0.0")),
            fixture.File("ghsa.json", Advisory("GHSA-aaaa-bbbb-cccc", "CVE-2099-0002", "1.8.0")),
            fixture.File("osv.json", Advisory("OSV-2099-0003", "CVE-2099-0001\", \"CVE-2099-0002", "1.0.0")));
        var sbom = fixture.Sbom("sbom.json", "app", $"pkg:golang/example.com/lib@{version}");

        var report = await fixture.ScanAsync(sbom);

        Assert.Equal(vulnerabilities, string.Join('|', report.Findings.Select(f => f.Vulnerability.Id)));
        Assert.Equal(advisories, string.Join('|', report.Findings.Select(f => string.Join(',', f.Vulnerability.AdvisoryIds))));
    }

    private static string Advisory(string id, string alias, string fixedIn) => $$"""
        {"id": "{{id}}", "modified": "2024-01-01T00:00:00Z", "aliases": ["{{alias}}"], "summary": "{{id}} summary",
         "affected": [{"package": {"ecosystem": "Go", "name": "example.com/lib"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "{{fixedIn}}"}]}]}]}
        """;
}
