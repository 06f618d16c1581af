using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Semgrep;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Semgrep;

public sealed class SemgrepJsonParserTests
{
    private static readonly SemgrepJsonParser Parser = new();

    // Counted with python3 json: len(results); for the Supply Chain export the vulns whose triage.status is not FIXED
    // or CLOSED (21 of 22), each with one CVE.
    [SkippableTheory]
    [InlineData("defectdojo__close_old_findings_report_line31.json", 1)]
    [InlineData("defectdojo__close_old_findings_report_second_run_line24.json", 1)]
    [InlineData("defectdojo__close_old_findings_report_third_run_different_unique_id.json", 1)]
    [InlineData("defectdojo__cwe_list.json", 1)]
    [InlineData("defectdojo__empty.json", 0)]
    [InlineData("defectdojo__fingerprint_test.json", 2)]
    [InlineData("defectdojo__high-medium-low-severities.json", 3)]
    [InlineData("defectdojo__issue_8435.json", 1)]
    [InlineData("defectdojo__many_findings.json", 3)]
    [InlineData("defectdojo__many_vulns.json", 48)]
    [InlineData("defectdojo__multiple_cwes_fabricated.json", 1)]
    [InlineData("defectdojo__one_finding.json", 1)]
    [InlineData("defectdojo__repeated_findings.json", 2)]
    [InlineData("defectdojo__sca-deployments-vulns.json", 21)]
    [InlineData("defectdojo__semgrep_version_1_30_0_line_26.json", 5)]
    [InlineData("defectdojo__semgrep_version_1_30_0_line_27.json", 5)]
    public async Task Parse_SharedSamples_CountsMatchIndependentCount(string file, int findings)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "semgrep", file);
        Assert.Equal(["semgrep/json"], BuiltInPlugins.ReportParsers.Where(p => p.ClaimsFile(path)).Select(p => p.Name));

        var result = await Parser.ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(findings, report.Findings.Count);
        Assert.Equal("Semgrep", report.Tool);
    }

    [SkippableFact]
    public void CanParse_EverySharedOutputClaimed_IsSemgrep()
    {
        RepoPaths.RequireShared();
        var claimed = ReportParserHarness.SharedOutputsClaimedBy(Parser);

        Assert.All(claimed, c => Assert.True(c.StartsWith("semgrep/", StringComparison.Ordinal) || c.StartsWith("zip:semgrep", StringComparison.Ordinal), c));
    }

    [Fact]
    public async Task Parse_CodeFinding_FileLineRuleAndEveryCwe()
    {
        var result = await Parser.ParseTestDataAsync("Semgrep", "multiple_cwes_fabricated.json");

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(("file:src/main/java/org/owasp/benchmark/testcode/BenchmarkTest02194.java", "line 64", "medium"), (finding.Asset.Key, finding.Location?.Pointer, finding.Severity));
        Assert.Equal("java.lang.security.audit.cbc-padding-oracle.cbc-padding-oracle", finding.RuleId);
        Assert.Equal(["CWE-327", "CWE-696"], finding.Cwes);
        Assert.Null(finding.ToolFingerprint);
    }

    [Fact]
    public async Task Parse_RequiresLoginFingerprint_IsNoIdentity()
    {
        var result = await Parser.ParseTestDataAsync("Semgrep", "fingerprint_test.json");

        Assert.All(result.Report!.Findings, f => Assert.Null(f.ToolFingerprint));
        Assert.Equal(["high", "medium"], result.Report.Findings.Select(f => f.Severity));
    }

    // The second run moved the code from line 31 to line 24; Semgrep's fingerprint is unchanged, so is the identity.
    [SkippableFact]
    public async Task Parse_SameFingerprintOnAnotherLine_SameIdentity()
    {
        RepoPaths.RequireShared();
        var first = Assert.Single((await Parser.ParseSharedAsync("semgrep", "defectdojo__close_old_findings_report_line31.json")).Report!.Findings);
        var second = Assert.Single((await Parser.ParseSharedAsync("semgrep", "defectdojo__close_old_findings_report_second_run_line24.json")).Report!.Findings);

        Assert.Equal(("line 31", "line 24"), (first.Location?.Pointer, second.Location?.Pointer));
        Assert.NotNull(first.ToolFingerprint);
        Assert.Equal(first.ToolFingerprint, second.ToolFingerprint);
    }

    [SkippableFact]
    public async Task Parse_SupplyChainExport_CveOnTheMatchedPackageOfItsOwnEcosystem()
    {
        RepoPaths.RequireShared();
        var result = await Parser.ParseSharedAsync("semgrep", "defectdojo__sca-deployments-vulns.json");

        var first = result.Report!.Findings[0];
        Assert.Equal(("pkg:pypi/grpcio@1.47.0", "CVE-2023-1428", "high"), (first.Asset.Purl?.ToString(), first.VulnerabilityIds.Single(), first.Severity));
        Assert.Equal(("requirements3.txt", "line 222"), (first.Location?.Path, first.Location?.Pointer));
        Assert.Equal(["1.53.0"], first.FixedVersions);
        Assert.Equal(["CWE-617"], first.Cwes);
    }

    [Fact]
    public async Task Parse_CliSupplyChainResult_IsThePackageFinding()
    {
        var result = await Parser.ParseJsonAsync("""
            {"version": "1.50.0", "errors": [], "results": [{"check_id": "ssc-1", "path": "package-lock.json", "start": {"line": 10},
             "extra": {"message": "lodash before 4.17.21 has command injection", "severity": "ERROR",
                       "metadata": {"sca-vuln-database-identifier": "CVE-2021-23337", "cwe": ["CWE-94: Code Injection"]},
                       "sca_info": {"reachable": false, "dependency_match": {"lockfile": "package-lock.json",
                                    "found_dependency": {"package": "lodash", "version": "4.17.20", "ecosystem": "npm"}}}}}]}
            """);

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(("pkg:npm/lodash@4.17.20", "CVE-2021-23337", "1.50.0"), (finding.Asset.Key, finding.VulnerabilityIds.Single(), result.Report.ToolVersion));
    }

    [Theory]
    [InlineData("{\"results\": [{\"check_id\": \"x\",}", DiagnosticCodes.InvalidJson)]
    [InlineData("{\"errors\": []}", DiagnosticCodes.UnsupportedFormat)]
    public async Task Parse_Malformed_FailsAndNoReport(string text, string code)
    {
        var result = await Parser.ParseJsonAsync(text);

        Assert.Null(result.Report);
        Assert.Equal(code, Assert.Single(result.Diagnostics).Code);
    }
}
