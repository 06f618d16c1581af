using System.Text;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.OsvScanner;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.OsvScanner;

public sealed class OsvScannerJsonParserTests
{
    private static readonly OsvScannerJsonParser Parser = new();

    [Theory]
    [InlineData("{\"results\": [{\"source\": {\"path\": \"/src/go.mod\", \"type\": \"lockfile\"}, \"packages\": [", true)]
    [InlineData("{\"results\": [{\"packages\": [{\"package\": {\"name\": \"x\", \"ecosystem\": \"npm\"}}], \"source\": {}}]}", true)]
    [InlineData("{\"experimental_config\": {}, \"results\": [{\"source\": {\"path\": \"a\"}, \"packages\": []}]}", true)]
    [InlineData("{\"results\": [], \"experimental_config\": {\"licenses\": {\"summary\": false}}}", true)]
    [InlineData("{\"results\": []}", false)]
    [InlineData("{\"results\": [{\"source\": \"semgrep\", \"check_id\": \"x\"}]}", false)]
    [InlineData("{\"errors\": [], \"results\": [{\"check_id\": \"python.lang.x\", \"path\": \"a.py\"}]}", false)]
    [InlineData("{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"x\", \"Packages\": []}]}", false)]
    [InlineData("{\"matches\": [{\"vulnerability\": {}}]}", false)]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}", false)]
    [InlineData("", false)]
    public void CanParse_Head_ClaimsOnlyOsvScannerJson(string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse("report.json", Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_ThreeSources_OneFindingPerGroup()
    {
        var result = await Parser.ParseTestDataAsync("OsvScanner", "three-sources.json");
        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(("osv-scanner/json", "osv-scanner", (string?)null, (string?)null), (report.Format, report.Tool, report.ToolVersion, report.Target));
        Assert.Equal(
            [
                ("pkg:composer/guzzlehttp/psr7@1.6.1", "/tmpcardmarket-api/composer.lock", "/results/0/packages/0/groups/0"),
                ("pkg:pypi/urllib3@1.26.17", "/tmpgapps/requirements.txt", "/results/1/packages/0/groups/0"),
                ("GIT:f5f3c22f3ed5a6804a2a8d9ee9fa43044cfa24a6@", "/tmprengine/", "/results/2/packages/0/groups/0"),
            ],
            report.Findings.Select(f => (f.Asset.Key, f.Location?.Path, f.ReportPointer)));

        // Two GitHub records grouped as one vulnerability: both ids, then every alias; the first record's summary.
        var psr7 = report.Findings[0];
        Assert.Equal(
            ["GHSA-q7rv-6hp3-vh96", "GHSA-wxmh-65f7-jcvw", "BIT-drupal-2022-24775", "CVE-2022-24775", "CVE-2023-29197", "CVE-2023-29530", "GHSA-xv3h-4844-9h36"],
            psr7.VulnerabilityIds);
        Assert.Equal("Improper Input Validation in guzzlehttp/psr7", psr7.Title);
        Assert.Equal("medium", psr7.Severity);
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N", psr7.CvssVector);
        Assert.Equal(["1.8.4", "2.1.1", "1.9.1", "2.4.5"], psr7.FixedVersions);
        Assert.Equal(["CWE-20", "CWE-436"], psr7.Cwes);

        // PYSEC-2023-212 also has a GIT range: its "fixed" is a commit, not a version.
        Assert.Equal(["2.0.7", "1.26.18"], report.Findings[1].FixedVersions);
        Assert.Equal(["GHSA-g4mx-q9vg-27p4", "PYSEC-2023-212", "CVE-2023-45803"], report.Findings[1].VulnerabilityIds);

        // A checkout known only by its commit: no purl, no severity word, the record's CVSS.
        var git = report.Findings[2];
        Assert.Null(git.Asset.Purl);
        Assert.Null(git.Severity);
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", git.CvssVector);
        Assert.Equal("CVE-2023-50094 in f5f3c22f3ed5a6804a2a8d9ee9fa43044cfa24a6", git.Title);
    }

    [Fact]
    public async Task Parse_MaliciousPackage_KeepsGroupAliasesAndPerPackageCwes()
    {
        var result = await Parser.ParseTestDataAsync("OsvScanner", "malicious-package.json");
        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal("pkg:npm/flot-axis@0.0.0", finding.Asset.Key);
        Assert.Equal(["MAL-2023-1035", "GHSA-8348-2q94-ffjx"], finding.VulnerabilityIds);
        Assert.Equal(["CWE-506"], finding.Cwes);
        Assert.Equal("Malicious code in flot-axis (npm)", finding.Title);
        Assert.Empty(finding.FixedVersions);
        Assert.Null(finding.Severity);
    }

    [Fact]
    public async Task Parse_NoGroups_OneFindingPerRecord()
    {
        var result = await Parser.ParseTestDataAsync("OsvScanner", "no-groups-fabricated.json");
        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(("GHSA-multi-cwe-0001", "/results/0/packages/0/vulnerabilities/0"), (Assert.Single(finding.VulnerabilityIds), finding.ReportPointer));
        Assert.Equal(["CWE-79", "CWE-89"], finding.Cwes);
    }

    public static TheoryData<string, string, string, string, string?> Packages => new()
    {
        // osv-scanner drops the "v" of Go module versions; the purl gets it back, as a go.mod or an SBOM writes it.
        { "Go", "golang.org/x/net", "0.1.0", "pkg:golang/golang.org/x/net@v0.1.0", "pkg:golang/golang.org/x/net@v0.1.0" },
        { "Go", "stdlib", "1.21.0", "pkg:golang/stdlib@1.21.0", "pkg:golang/stdlib@1.21.0" },
        { "Debian:10", "unixodbc", "2.3.11-2", "pkg:deb/debian/unixodbc@2.3.11-2", "pkg:deb/debian/unixodbc@2.3.11-2?distro=debian-10" },
        { "Maven", "org.apache.avro:avro", "1.11.1", "pkg:maven/org.apache.avro/avro@1.11.1", "pkg:maven/org.apache.avro/avro@1.11.1" },
        { "PyPI", "Django", "3.2.4", "pkg:pypi/django@3.2.4", "pkg:pypi/django@3.2.4" },
        { "Red Hat:8", "openssl", "1:1.1.1k-7.el8_6", "Red Hat:8:openssl@1:1.1.1k-7.el8_6", null },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public async Task Parse_Package_AssetIsItsPurlOrEcosystemNameVersion(string ecosystem, string name, string version, string key, string? purl)
    {
        var result = await Parser.ParseJsonAsync(Report($$"""{"ecosystem": "{{ecosystem}}", "name": "{{name}}", "version": "{{version}}"}""", """[{"id": "OSV-1"}]"""));
        var asset = Assert.Single(result.Report!.Findings).Asset;
        Assert.Equal((key, purl), (asset.Key, asset.Purl?.ToString()));
    }

    // GO-2022-1144 lists both stdlib and golang.org/x/net; only x/net's fix is a fix for this package.
    [Fact]
    public async Task Parse_RecordAffectingSeveralPackages_TakesThisPackagesFixes()
    {
        var record = """
            {"id": "GO-2022-1144", "affected": [
              {"package": {"ecosystem": "Go", "name": "stdlib"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.18.9"}]}]},
              {"package": {"ecosystem": "Go", "name": "golang.org/x/net"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.4.0"}]}]}]}
            """;
        var result = await Parser.ParseJsonAsync(Report("""{"ecosystem": "Go", "name": "golang.org/x/net", "version": "0.1.0"}""", $"[{record}]"));
        Assert.Equal(["0.4.0"], result.Report!.Findings[0].FixedVersions);
    }

    [Theory]
    [InlineData("""{"database_specific": {"severity": "MODERATE"}}""", """{"database_specific": {"severity": "CRITICAL"}}""", "\"max_severity\": \"5.0\"", "critical")]
    [InlineData("""{}""", """{"severity": [{"type": "Ubuntu", "score": "medium"}]}""", "\"max_severity\": \"9.8\"", "medium")]
    [InlineData("""{}""", """{}""", "\"max_severity\": \"7.5\"", "high")]
    [InlineData("""{}""", """{}""", "\"max_severity\": \"0\"", "info")]
    [InlineData("""{}""", """{}""", "\"max_severity\": \"\"", null)]
    [InlineData("""{}""", """{}""", "\"max_severity\": \"n/a\"", null)]
    public async Task Parse_GroupSeverity_RecordWordsFirstThenMaxSeverity(string first, string second, string maxSeverity, string? expected)
    {
        var records = $"[{With(first, "GHSA-aaaa-bbbb-cccc")}, {With(second, "PYSEC-2024-1")}]";
        var groups = $$"""[{"ids": ["GHSA-aaaa-bbbb-cccc", "PYSEC-2024-1"], {{maxSeverity}}}]""";
        var result = await Parser.ParseJsonAsync(Report("""{"ecosystem": "PyPI", "name": "x", "version": "1"}""", records, groups));
        Assert.Equal(expected, Assert.Single(result.Report!.Findings).Severity);
    }

    [Fact]
    public async Task Parse_SeveralCvssVersions_NewestValidWins()
    {
        var record = """
            {"id": "GHSA-aaaa-bbbb-cccc", "severity": [
              {"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
              {"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"},
              {"type": "CVSS_V4", "score": "CVSS:4.0/AV:X"},
              {"type": "Ubuntu", "score": "high"}]}
            """;
        var result = await Parser.ParseJsonAsync(Report("""{"ecosystem": "npm", "name": "x", "version": "1.0.0"}""", $"[{record}]"));
        Assert.Equal("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", result.Report!.Findings[0].CvssVector);
    }

    [Fact]
    public async Task Parse_RecordInNoGroup_IsAFindingOfItsOwn()
    {
        var records = """[{"id": "GHSA-aaaa-bbbb-cccc", "aliases": ["CVE-2024-1"]}, {"id": "RUSTSEC-2024-1"}, {"id": "GHSA-dddd-eeee-ffff"}]""";
        var groups = """[{"ids": ["GHSA-aaaa-bbbb-cccc", "RUSTSEC-2024-1"], "aliases": ["CVE-2024-1", "GHSA-aaaa-bbbb-cccc", "RUSTSEC-2024-1"]}, {"ids": []}]""";
        var result = await Parser.ParseJsonAsync(Report("""{"ecosystem": "crates.io", "name": "x", "version": "1.0.0"}""", records, groups));
        Assert.Equal(
            [
                ("GHSA-aaaa-bbbb-cccc RUSTSEC-2024-1 CVE-2024-1", "/results/0/packages/0/groups/0"),
                ("GHSA-dddd-eeee-ffff", "/results/0/packages/0/vulnerabilities/2"),
            ],
            result.Report!.Findings.Select(f => (string.Join(' ', f.VulnerabilityIds), f.ReportPointer)));
    }

    [Fact]
    public async Task Parse_PackageWithoutNameOrCommit_SkippedWithWarning()
    {
        var result = await Parser.ParseJsonAsync(Report("""{"ecosystem": "npm", "name": "", "version": "1.0.0"}""", """[{"id": "GHSA-aaaa-bbbb-cccc"}]"""));
        Assert.Empty(result.Report!.Findings);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "/results/0/packages/0/package"), (warning.Severity, warning.Location));
    }

    [Fact]
    public async Task Parse_LicenceOnlyPackage_IsNoFinding()
    {
        var result = await Parser.ParseJsonAsync("""{"results": [{"source": {"path": "package-lock.json"}, "packages": [{"package": {"name": "x", "version": "1.0.0", "ecosystem": "npm"}, "licenses": ["MIT"], "license_violations": ["MIT"]}]}]}""");
        Assert.Empty(result.Report!.Findings);
        Assert.Empty(result.Diagnostics);
    }

    // osv-scanner writes nothing at all when it finds no package source to scan: that is no report, not a clean one.
    [Theory]
    [InlineData("", DiagnosticCodes.InvalidJson)]
    [InlineData("{\"results\": {}}", DiagnosticCodes.UnsupportedFormat)]
    [InlineData("{\"experimental_config\": {}}", DiagnosticCodes.UnsupportedFormat)]
    public async Task Parse_NotAReport_Fails(string json, string code)
    {
        var result = await Parser.ParseJsonAsync(json);
        Assert.Null(result.Report);
        Assert.Equal(code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Registered_AsReportParser() =>
        Assert.Contains(BuiltInPlugins.ReportParsers, p => p is OsvScannerJsonParser);

    /// <summary>
    /// Every osv-scanner JSON document of the shared data parses: DefectDojo's reports and google/osv-scanner's filter
    /// fixtures (its VulnerabilityResults before and after ignore rules, the same shape as a report). Counted without
    /// the parser: one finding per group, or per record where a package has no groups.
    /// </summary>
    [SkippableFact]
    public async Task Parse_EverySharedOsvScannerReport_OneFindingPerGroup()
    {
        RepoPaths.RequireShared();
        var reports = Directory.GetFiles(Path.Combine(ReportParserHarness.SharedScanners, "osv-scanner"), "*.json")
            .Select(f => (Name: Path.GetFileName(f), Content: File.ReadAllBytes(f)))
            .Concat(ReportParserHarness.SharedArchiveEntries("osv_scanner/"))
            .ToList();
        Assert.Equal(9 + 4, reports.Count);
        foreach (var (name, content) in reports)
        {
            var result = await Parser.ParseAsync(name, content);
            if (content.Length == 0)
            {
                // DefectDojo's no_findings.json is an empty file.
                Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(result.Diagnostics).Code);
                continue;
            }

            Assert.True(Parser.Claims(name, content), name);
            Assert.True(result.Report is not null, $"{name}: {string.Join("; ", result.Diagnostics)}");
            Assert.Empty(result.Diagnostics);
            using var document = JsonDocument.Parse(content);
            var expected = document.RootElement.GetProperty("results").EnumerateArray()
                .SelectMany(r => r.GetProperty("packages").EnumerateArray())
                .Sum(p => p.TryGetProperty("groups", out var g) && g.ValueKind == JsonValueKind.Array && g.GetArrayLength() > 0
                    ? g.GetArrayLength()
                    : p.TryGetProperty("vulnerabilities", out var v) && v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : 0);
            Assert.Equal(expected, result.Report.Findings.Count);
        }
    }

    [SkippableFact]
    public async Task Parse_SharedFilterFixture_GroupsAndFixesPerPackage()
    {
        RepoPaths.RequireShared();
        var input = await File.ReadAllBytesAsync(Path.Combine(ReportParserHarness.SharedScanners, "osv-scanner", "osv-scanner-testdata__some__input.json"));
        var findings = (await Parser.ParseAsync("input.json", input)).Report!.Findings;
        Assert.Equal(
            [
                ("pkg:deb/debian/unixodbc@2.3.11-2", "CVE-2024-1013", ""),
                ("pkg:deb/debian/chromium@73.0.3683.75-1", "CVE-2024-3847", ""),
                ("pkg:cargo/remove_dir_all@0.5.3", "GHSA-mc8h-8q98-g5hr RUSTSEC-2023-0018", "0.8.0"),
                ("pkg:cargo/time@0.1.45", "GHSA-wcg3-cvx6-7396 RUSTSEC-2020-0071 CVE-2020-26235", "0.2.23 0.2.0 0.2.1 0.2.2 0.2.3 0.2.4 0.2.5 0.2.6"),
                ("pkg:golang/golang.org/x/net@v0.1.0", "GHSA-fxg5-wq6x-vr4w GO-2023-1495 CVE-2022-41721", "0.1.1-0.20221104162952-702349b0e862"),
                ("pkg:golang/golang.org/x/net@v0.1.0", "GO-2022-1144 CVE-2022-41717 GHSA-xrjj-mj9h-534m", "0.4.0"),
                ("pkg:golang/golang.org/x/net@v0.1.0", "GHSA-vvpx-j8f3-3w6h GO-2023-1571 CVE-2022-41723", "0.7.0"),
                ("pkg:cargo/ascii@0.8.7", "GHSA-mrrw-grhq-86gf", "0.9.3"),
                ("pkg:cargo/ascii@0.8.7", "RUSTSEC-2023-0015", "0.9.3"),
                ("pkg:cargo/remove_dir_all@0.5.3", "GHSA-mc8h-8q98-g5hr RUSTSEC-2023-0018", "0.8.0"),
                ("pkg:cargo/time@0.1.45", "GHSA-wcg3-cvx6-7396 RUSTSEC-2020-0071 CVE-2020-26235", "0.2.23 0.2.0 0.2.1 0.2.2 0.2.3 0.2.4 0.2.5 0.2.6"),
            ],
            findings.Select(f => (f.Asset.Key, string.Join(' ', f.VulnerabilityIds), string.Join(' ', f.FixedVersions))));
        Assert.Equal("Debian:10", Ecosystems.FromPurl(findings[0].Asset.Purl!));
    }

    /// <summary>Of all the shared scanner outputs, the parser claims the osv-scanner JSON documents and nothing else.</summary>
    [SkippableFact]
    public void CanParse_SharedScannerOutputs_ClaimsOnlyOsvScannerJson()
    {
        RepoPaths.RequireShared();

        // Every osv-scanner document except DefectDojo's empty no_findings.json.
        var expected = Directory.GetFiles(Path.Combine(ReportParserHarness.SharedScanners, "osv-scanner"), "*.json")
            .Where(f => new FileInfo(f).Length > 0)
            .Select(f => Path.GetRelativePath(ReportParserHarness.SharedScanners, f))
            .Concat(ReportParserHarness.SharedArchiveEntries("osv_scanner/").Where(e => e.Content.Length > 0).Select(e => "zip:" + e.Name));
        Assert.Equal(expected.Order(StringComparer.Ordinal), ReportParserHarness.SharedOutputsClaimedBy(Parser));
    }

    private static string With(string record, string id) =>
        record == "{}" ? $$"""{"id": "{{id}}"}""" : $$"""{"id": "{{id}}", {{record.TrimStart('{')}}""";

    private static string Report(string package, string vulnerabilities, string? groups = null) =>
        $$"""{"results": [{"source": {"path": "/src/lockfile", "type": "lockfile"}, "packages": [{"package": {{package}}, "vulnerabilities": {{vulnerabilities}}{{(groups is null ? "" : $", \"groups\": {groups}")}}}]}]}""";
}
