using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary><c>ctem ingest</c>: one finding per exposure across tools and Ctem's own scans, per-source resolution, nothing half-written.</summary>
public sealed class IngestTests
{
    // The GitHub advisory for jQuery's prototype pollution, trimmed: its CVE alias is what joins the tools' names.
    private const string Advisory = """
        {"id": "GHSA-6c3j-c64m-qhgq", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2019-11358"],
         "affected": [{"package": {"ecosystem": "npm", "name": "jquery"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "3.4.0"}]}]}]}
        """;

    // jquery is the application's own dependency: the scan knows it is direct, no scanner report says so.
    private const string Sbom = """
        {"bomFormat": "CycloneDX", "specVersion": "1.5",
         "metadata": {"component": {"bom-ref": "app", "name": "web", "type": "application"}},
         "components": [{"bom-ref": "jq", "name": "jquery", "version": "3.3.9", "purl": "pkg:npm/jquery@3.3.9"}],
         "dependencies": [{"ref": "app", "dependsOn": ["jq"]}]}
        """;

    // A Grype report naming the GHSA id, not the CVE the others use.
    private const string Grype = """
        {"matches": [{"vulnerability": {"id": "GHSA-6c3j-c64m-qhgq", "severity": "Medium", "fix": {"versions": ["3.4.0"], "state": "fixed"}},
                      "relatedVulnerabilities": [],
                      "artifact": {"name": "jquery", "version": "3.3.9", "type": "npm", "purl": "pkg:npm/jquery@3.3.9", "locations": [{"path": "/app/package-lock.json"}]}}],
         "descriptor": {"name": "grype", "version": "0.80.0"}}
        """;

    private const string EmptyTrivy = """{"SchemaVersion": 2, "ArtifactName": "testdata/fixtures/repo/npm", "Results": []}""";

    private static readonly string Trivy = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Reports", "Trivy", "testdata", "npm.json");

    [Fact]
    public async Task Ingest_SameReportTwice_ChangesNothing()
    {
        using var fixture = new CliFixture();

        var first = Json(await fixture.RunAsync("ingest", Trivy, "--product", "web", "--format", "json"));
        var second = Json(await fixture.RunAsync("ingest", Trivy, "--product", "web", "--format", "json"));
        var findings = Findings(await fixture.RunAsync("findings", "--format", "json"));

        Assert.Equal((1, 0), (Run(first).GetProperty("new").GetInt32(), Run(second).GetProperty("new").GetInt32()));
        Assert.Equal((0, 0), (Run(second).GetProperty("reopened").GetInt32(), Run(second).GetProperty("resolved").GetInt32()));
        Assert.Equal(["CVE-2019-11358 pkg:npm/jquery@3.3.9 trivy"], findings);
    }

    [Fact]
    public async Task Ingest_ToolsCwes_AreKeptAndShownInJsonCsvAndSarif()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("ingest", Trivy, "--product", "web");

        var json = Json(await fixture.RunAsync("findings", "--format", "json")).GetProperty("findings")[0].GetProperty("vulnerability").GetProperty("cwes");
        var csv = (await fixture.RunAsync("findings", "--format", "csv")).Stdout.Split('\n');
        var sarif = (await fixture.RunAsync("findings", "--format", "sarif")).Stdout;

        Assert.Equal(["CWE-79"], json.EnumerateArray().Select(c => c.GetString()));
        Assert.EndsWith(",cwes", csv[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.EndsWith(",CWE-79", csv[1].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains("\"external/cwe/cwe-79\"", sarif, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TrivyGrypeAndOwnScan_OneFindingWithThreeSources()
    {
        using var fixture = await PreparedAsync();

        var findings = Findings(await fixture.RunAsync("findings", "--format", "json"));
        var explained = await fixture.RunAsync("findings", "--explain", "1");

        Assert.Equal(["CVE-2019-11358 pkg:npm/jquery@3.3.9 ctem-scan,grype,trivy"], findings);
        Assert.Contains("(grype) as GHSA-6c3j-c64m-qhgq in grype/json: reporting it since run 2", explained.Stdout, StringComparison.Ordinal);
        Assert.Contains("source 'trivy:testdata/fixtures/repo/npm' (trivy) as CVE-2019-11358 in trivy/json: reporting it since run 3", explained.Stdout, StringComparison.Ordinal);
        Assert.Contains("Merged: the sources name the same vulnerability (one alias group: CVE-2019-11358, GHSA-6c3j-c64m-qhgq) on the same package pkg:npm/jquery@3.3.9.", explained.Stdout, StringComparison.Ordinal);
    }

    // Issue 10.6: the scan's advisory has no vector; Trivy's report gives one. The explanation names Trivy's report.
    [Fact]
    public async Task Explain_CvssFromAReport_NamesThatReportNotTheAdvisoryMergedBesideIt()
    {
        using var fixture = await PreparedAsync();

        var finding = Json(await fixture.RunAsync("findings", "--format", "json")).GetProperty("findings")[0];
        var explained = await fixture.RunAsync("findings", "--explain", "1", "--format", "table");

        var cvss = finding.GetProperty("risk").GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "cvss");
        Assert.Equal("CVSS 3.1 vector CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N (report:trivy)", cvss.GetProperty("source").GetString());
        Assert.Contains("(report:trivy)", explained.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_NewerReportWithoutIt_ReleasedByThatSourceOnly_AndBackWhenReported()
    {
        using var fixture = await PreparedAsync();

        var empty = Json(await fixture.RunAsync("ingest", fixture.File("trivy-empty.json", EmptyTrivy), "--product", "web", "--format", "json"));
        var stillOpen = Findings(await fixture.RunAsync("findings", "--format", "json"));
        var explained = await fixture.RunAsync("findings", "--explain", "1");
        var back = Json(await fixture.RunAsync("ingest", Trivy, "--product", "web", "--format", "json"));

        // Trivy lets go of it, but Ctem's scan and Grype still report it: the finding stays open.
        Assert.Equal(0, Run(empty).GetProperty("resolved").GetInt32());
        Assert.Equal(["CVE-2019-11358 pkg:npm/jquery@3.3.9 ctem-scan,grype"], stillOpen);
        Assert.Contains("source 'trivy:testdata/fixtures/repo/npm' (trivy) as CVE-2019-11358 in trivy/json: stopped reporting it after run 3", explained.Stdout, StringComparison.Ordinal);
        Assert.Equal((0, 0), (Run(back).GetProperty("new").GetInt32(), Run(back).GetProperty("reopened").GetInt32()));
        Assert.Equal(["CVE-2019-11358 pkg:npm/jquery@3.3.9 ctem-scan,grype,trivy"], Findings(await fixture.RunAsync("findings", "--format", "json")));
    }

    [Fact]
    public async Task Ingest_OnlySourceStopsReporting_ResolvesThenReopens()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("ingest", Trivy, "--product", "web");

        var empty = Json(await fixture.RunAsync("ingest", fixture.File("trivy-empty.json", EmptyTrivy), "--product", "web", "--format", "json"));
        var none = Findings(await fixture.RunAsync("findings", "--format", "json"));
        var back = Json(await fixture.RunAsync("ingest", Trivy, "--product", "web", "--format", "json"));

        Assert.Equal(1, Run(empty).GetProperty("resolved").GetInt32());
        Assert.Empty(none);
        Assert.Equal(1, Run(back).GetProperty("reopened").GetInt32());
    }

    [Fact]
    public async Task Ingest_ReportWithASkippedRecord_IsPartialAndResolvesNothing()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("ingest", Trivy, "--product", "web");
        var skipped = fixture.File("trivy-skipped.json", """{"SchemaVersion": 2, "ArtifactName": "x", "Results": [{"Target": "package-lock.json", "Vulnerabilities": [{"VulnerabilityID": "CVE-2019-11358"}]}]}""");

        var result = await fixture.RunAsync("ingest", skipped, "--product", "web");
        var findings = Findings(await fixture.RunAsync("findings", "--format", "json"));

        Assert.Equal(ExitCodes.Partial, result.ExitCode);
        Assert.Contains("warning:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["CVE-2019-11358 pkg:npm/jquery@3.3.9 trivy"], findings);
    }

    [Fact]
    public async Task Ingest_WarningThatKeepsTheRecord_IsNotPartialAndStillResolves()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("ingest", fixture.File("grype.json", Grype), "--product", "web", "--source", "grype-job");
        var badPurl = fixture.File("grype-bad-purl.json", Grype.Replace("GHSA-6c3j-c64m-qhgq", "GHSA-other", StringComparison.Ordinal).Replace("pkg:npm/jquery@3.3.9", "pkg:not a purl", StringComparison.Ordinal));

        var result = await fixture.RunAsync("ingest", badPurl, "--product", "web", "--source", "grype-job", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, Run(Json(result)).GetProperty("resolved").GetInt32());
    }

    [Fact]
    public async Task Ingest_ToolCallingItselfCtemScan_CannotReleaseTheScansFindings()
    {
        using var fixture = await PreparedAsync();
        var spoof = fixture.File("spoof.sarif", """{"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [{"tool": {"driver": {"name": "Ctem Scan"}}, "results": []}]}""");

        var result = Json(await fixture.RunAsync("ingest", spoof, "--product", "web", "--format", "json"));

        Assert.Equal(("ctem-scan-report", 0), (Run(result).GetProperty("tool").GetString(), Run(result).GetProperty("resolved").GetInt32()));
        Assert.Equal(["CVE-2019-11358 pkg:npm/jquery@3.3.9 ctem-scan,grype,trivy"], Findings(await fixture.RunAsync("findings", "--format", "json")));
    }

    [Fact]
    public async Task Ingest_AfterScan_KeepsTheScansAdvisoryFacts()
    {
        using var fixture = await PreparedAsync();

        var finding = Json(await fixture.RunAsync("findings", "--format", "json")).GetProperty("findings")[0];

        Assert.Equal(["GHSA-6c3j-c64m-qhgq"], finding.GetProperty("vulnerability").GetProperty("advisories").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("direct", finding.GetProperty("component").GetProperty("relation").GetString());
    }

    [Fact]
    public async Task Ingest_MalformedReportAmongGoodOnes_WritesNothingAndNamesThePlace()
    {
        using var fixture = new CliFixture();
        var broken = fixture.File("broken.json", """{"SchemaVersion": 2, "ArtifactName": "x", "Results": [""");

        var result = await fixture.RunAsync("ingest", Trivy, broken, "--product", "web");
        var findings = Findings(await fixture.RunAsync("findings", "--format", "json"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"error: {broken}:1:55: invalid JSON", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was ingested", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(findings);
    }

    [Fact]
    public async Task Ingest_NmapWithExternalEntity_IsRefusedClearly()
    {
        using var fixture = new CliFixture();
        var hostile = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Reports", "Nmap", "testdata", "defused_et_local_includer.xml");

        var result = await fixture.RunAsync("ingest", hostile, "--format-in", "nmap/xml");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("refused: the document has a DOCTYPE (DTD or entity declarations)", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SbomInsteadOfReport_SaysToUseScan()
    {
        using var fixture = new CliFixture();

        var result = await fixture.RunAsync("ingest", fixture.File("app.cdx.json", Sbom));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("assess its components with 'ctem scan'", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<CliFixture> PreparedAsync()
    {
        var fixture = new CliFixture();
        Assert.Equal(0, (await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory))).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("scan", fixture.File("app.cdx.json", Sbom), "--product", "web")).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("ingest", fixture.File("grype.json", Grype), "--product", "web")).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("ingest", Trivy, "--product", "web")).ExitCode);
        return fixture;
    }

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static JsonElement Run(JsonElement ingest) => Assert.Single(ingest.GetProperty("runs").EnumerateArray());

    private static string[] Findings(CliResult result) =>
        Json(result).GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("vulnerability").GetProperty("id").GetString()} {f.GetProperty("component").GetProperty("purl").GetString()} {string.Join(",", f.GetProperty("sources").EnumerateArray().Select(s => s.GetString()))}")
            .ToArray();
}
