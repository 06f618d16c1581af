using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.NpmAudit;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.NpmAudit;

public sealed class NpmAuditParserTests
{
    private const string TextPath = "/r/audit.json";

    private static readonly NpmAuditParser Parser = new();

    // Counted with python3: v2 = sum over vulnerabilities[*].via of the entries that are objects.
    [SkippableTheory]
    [InlineData("defectdojo__issue_10801.json", 1)]
    [InlineData("defectdojo__many_vulns.json", 3)]
    [InlineData("defectdojo__multiple_cwes_fabricated.json", 1)]
    [InlineData("defectdojo__no_vuln.json", 0)]
    [InlineData("defectdojo__one_vuln.json", 2)]
    public async Task Parse_SharedSamples_FindingCounts(string file, int expected)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "npm-audit", file);

        var result = await Parser.ParseFileAsync(path);

        Assert.True(Parser.ClaimsFile(path));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Report!.Findings.Count);
    }

    // The npm 6 and pnpm samples are only in DefectDojo's zip. Counted with python3: v1 = sum over advisories[*] of
    // the findings[] entries that have a version; v2 as above.
    [SkippableTheory]
    [InlineData("npm_audit/cwe_null.json", 1)]
    [InlineData("npm_audit/issue_7897.json", 5)]
    [InlineData("npm_audit/many_vuln.json", 5)]
    [InlineData("npm_audit/many_vuln_npm7.json", 8)]
    [InlineData("npm_audit/many_vuln_with_groups.json", 5)]
    [InlineData("npm_audit/many_vuln_with_groups_different_titles.json", 5)]
    [InlineData("npm_audit/multiple_cwes.json", 55)]
    [InlineData("npm_audit/multiple_cwes2.json", 15)]
    [InlineData("npm_audit/no_vuln.json", 0)]
    [InlineData("npm_audit/one_vuln.json", 1)]
    [InlineData("pnpm_audit/pnpm_audit_many_vuln.json", 43)]
    [InlineData("pnpm_audit/pnpm_audit_no_vuln.json", 0)]
    [InlineData("pnpm_audit/pnpm_audit_one_vuln.json", 2)]
    public async Task Parse_ZippedSamples_FindingCounts(string entryName, int expected)
    {
        RepoPaths.RequireShared();
        var content = ReportParserHarness.SharedArchiveEntry(entryName);

        Assert.True(Parser.Claims(entryName, content));
        var result = await Parser.ParseAsync(entryName, content);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Report!.Findings.Count);
    }

    [SkippableFact]
    public async Task Parse_NpmErrorReport_FailsWithNpmsMessage()
    {
        RepoPaths.RequireShared();
        var content = ReportParserHarness.SharedArchiveEntry("npm_audit/empty_with_error.json");

        var result = await Parser.ParseAsync("empty_with_error.json", content);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedFormat, "/error"), (error.Code, error.Location));
        Assert.Contains("ENOAUDIT", error.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("npm-audit/defectdojo__one_vuln.json", true)]
    [InlineData("dotnet-list-package-vulnerable/defectdojo__dotnet_vulnerable_many_vuln.json", false)]
    [InlineData("github-dependabot/defectdojo__github-vuln-version.json", false)]
    [InlineData("cyclonedx-vex/defectdojo__log4j.json", false)]
    [InlineData("trivy/defectdojo__all_statuses.json", false)]
    [InlineData("grype/defectdojo__check_all_fields.json", false)]
    [InlineData("grype/defectdojo__fix_available.json", false)]
    [InlineData("osv-scanner/defectdojo__some_findings.json", false)]
    [InlineData("sarif/defectdojo__appendix_k.sarif", false)]
    public void CanParse_SharedSamples(string file, bool expected) =>
        Assert.Equal(expected, Parser.ClaimsSharedSample(file));

    [Theory]
    [InlineData("/r/audit.json", "{\"auditReportVersion\": 2, \"vulnerabilities\": {}}", true)]
    [InlineData("/r/audit.txt", "{\"auditReportVersion\": 2, \"vulnerabilities\": {}}", false)]
    [InlineData("/r/audit.json", "{\"actions\": [{\"action\": \"install\", \"resolves\": []}]", true)]
    [InlineData("/r/audit.json", "{\"advisories\": {\"1\": {\"module_name\": \"x\"", true)]
    [InlineData("/r/audit.json", "{\"advisories\": []}", false)]
    [InlineData("/r/osv.json", "{\"id\": \"GHSA-1\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\"}}]}", false)]
    [InlineData("/r/audit.json", "[{\"auditReportVersion\": 2}]", false)]
    public void CanParse_Content(string path, string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_Version2_OneFindingPerAdvisoryObjectOnVersionlessPackage()
    {
        var result = await Parser.ParseTestDataAsync("NpmAudit", "npm7-one_vuln.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("npm-audit/json", "npm", null, null), (report.Format, report.Tool, report.ToolVersion, report.Target));
        Assert.Equal(2, report.Findings.Count);
        var high = report.Findings[1];
        Assert.Equal((AssetKind.Package, "npm:debug@", "debug", null), (high.Asset.Kind, high.Asset.Key, high.Asset.Name, high.Asset.Version));
        Assert.Null(high.Asset.Purl);
        Assert.Equal(["GHSA-9vvw-cc9w-f27h"], high.VulnerabilityIds);
        Assert.Equal("1094457", high.RuleId);
        Assert.Equal("debug Inefficient Regular Expression Complexity vulnerability", high.Title);
        Assert.Equal("high", high.Severity);
        Assert.Equal(["CWE-1333"], high.Cwes);
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", high.CvssVector);
        Assert.Empty(high.FixedVersions);
        Assert.Null(high.Location);
        Assert.Equal("/vulnerabilities/debug/via/1", high.ReportPointer);
        Assert.Equal("Affected versions: <2.6.9. Installed at: node_modules/debug. Fix: update express to 4.18.3.", high.Description);
        Assert.Equal("medium", report.Findings[0].Severity);
    }

    [Fact]
    public async Task Parse_Version2_TransitivePointersAreNotFindingsAndScopedNamesAreEscapedInPointers()
    {
        var result = await Parser.ParseTestDataAsync("NpmAudit", "npm7-many_vulns.json");

        var findings = result.Report!.Findings;
        Assert.Equal(
            ["npm:debug@ GHSA-gxpj-cx7g-858c", "npm:semver@ GHSA-c2qf-rxjj-qqgw", "npm:undici@ GHSA-3787-6prv-h9w3"],
            findings.Select(f => $"{f.Asset.Key} {string.Join(',', f.VulnerabilityIds)}"));
        Assert.DoesNotContain(findings, f => f.Asset.Name is "vercel" or "@vercel/fun");

        var scoped = await Parser.ParseTextAsync(TextPath, "{\"auditReportVersion\": 2, \"vulnerabilities\": {\"@scope/p~x\": {\"name\": \"@scope/p~x\", \"via\": [{\"source\": 7, \"url\": \"https://github.com/advisories/GHSA-aaaa-bbbb-cccc\", \"title\": \"t\"}], \"fixAvailable\": false}}}");
        var finding = Assert.Single(scoped.Report!.Findings);
        Assert.Equal(("/vulnerabilities/@scope~1p~0x/via/0", "npm:@scope/p~x@", "No fix available."), (finding.ReportPointer, finding.Asset.Key, finding.Description));
    }

    [Fact]
    public async Task Parse_Version1_PurlPerInstalledCopyWithCvesFixAndPathLocation()
    {
        var result = await Parser.ParseTestDataAsync("NpmAudit", "npm6-multiple_cwes2.json");

        var findings = result.Report!.Findings;
        Assert.Equal(15, findings.Count);
        var first = findings[0];
        Assert.Equal(("pkg:npm/ansi-regex@3.0.0", "3.0.0"), (first.Asset.Key, first.Asset.Version));
        Assert.Equal("pkg:npm/ansi-regex@3.0.0", first.Asset.Purl!.ToString());
        Assert.Equal(["GHSA-93q8-gq69-wqmw", "CVE-2021-3807"], first.VulnerabilityIds);
        Assert.Equal("1064843", first.RuleId);
        Assert.Equal("medium", first.Severity);
        Assert.Equal(["CWE-918", "CWE-1333"], first.Cwes);
        Assert.Equal("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", first.CvssVector);
        Assert.Equal(["5.0.1"], first.FixedVersions);
        Assert.Equal(new SourceLocation("@company.frontend/eslint-config-es6>eslint>inquirer>string-width>strip-ansi>ansi-regex", null), first.Location);
        Assert.Equal("/advisories/1064843/findings/0", first.ReportPointer);

        // Four copies of lodash 4.17.19 under two advisories: eight findings, told apart by their dependency path.
        var lodash = findings.Where(f => f.Asset.Key == "pkg:npm/lodash@4.17.19").ToList();
        Assert.Equal(8, lodash.Count);
        Assert.Equal(8, lodash.Select(f => (f.VulnerabilityIds[0], f.Location)).Distinct().Count());
        Assert.Empty(lodash.Single(f => f.RuleId == "1065397" && f.Location!.Path.EndsWith("eslint>lodash", StringComparison.Ordinal)).Cwes);
    }

    [Fact]
    public async Task Parse_Version1_NpmjsAdvisoryGivesCveOnlyAndSingleCweString()
    {
        var result = await Parser.ParseTestDataAsync("NpmAudit", "npm6-one_vuln.json");

        var report = result.Report!;
        Assert.Equal("npm", report.Tool);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("pkg:npm/growl@1.9.2", "146", "critical", "Command Injection"), (finding.Asset.Key, finding.RuleId, finding.Severity, finding.Title));
        Assert.Equal(["CVE-2017-16042"], finding.VulnerabilityIds);
        Assert.Equal(["CWE-94"], finding.Cwes);
        Assert.Equal(["1.10.2"], finding.FixedVersions);
        Assert.Null(finding.CvssVector);
        Assert.StartsWith("Affected versions of `growl`", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_PnpmAudit_SameShapeToolIsPnpm()
    {
        var result = await Parser.ParseTestDataAsync("NpmAudit", "pnpm-one_vuln.json");

        var report = result.Report!;
        Assert.Equal("pnpm", report.Tool);
        Assert.Equal(
            ["pkg:npm/minimist@1.2.0 GHSA-vh95-rmgr-6w4m medium 1.2.3", "pkg:npm/minimist@1.2.0 GHSA-xvch-5gv4-984h critical 1.2.6"],
            report.Findings.Select(f => $"{f.Asset.Key} {string.Join(',', f.VulnerabilityIds)} {f.Severity} {string.Join(',', f.FixedVersions)}"));
    }

    [Fact]
    public async Task Parse_ScopedModuleInVersion1_BuildsNamespacedPurl()
    {
        var result = await Parser.ParseTextAsync(TextPath, "{\"advisories\": {\"9\": {\"id\": 9, \"module_name\": \"@babel/traverse\", \"title\": \"t\", \"severity\": \"high\", \"patched_versions\": \"<0.0.0\", \"findings\": [{\"version\": \"7.1.0\", \"paths\": [\"a>@babel/traverse\"]}]}}}");

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(("pkg:npm/%40babel/traverse@7.1.0", "@babel/traverse"), (finding.Asset.Key, finding.Asset.Name));
        Assert.Empty(finding.FixedVersions);
    }

    [Fact]
    public async Task Parse_RecordsMissingRequiredFields_AreSkippedWithWarnings()
    {
        var v2 = await Parser.ParseTextAsync(TextPath, "{\"auditReportVersion\": 2, \"vulnerabilities\": {\"a\": {\"name\": \"a\", \"via\": [{\"title\": \"no id\"}, {\"source\": 1, \"title\": \"ok\"}]}}}");
        var v1 = await Parser.ParseTextAsync(TextPath, "{\"advisories\": {\"1\": {\"title\": \"no module\", \"findings\": [{\"version\": \"1.0.0\"}]}, \"2\": {\"module_name\": \"b\", \"findings\": [{\"paths\": []}, {\"version\": \"2.0.0\"}]}}}");

        Assert.Equal("ok", Assert.Single(v2.Report!.Findings).Title);
        Assert.Equal("/vulnerabilities/a/via/0", Assert.Single(v2.Diagnostics).Location);
        Assert.Equal("pkg:npm/b@2.0.0", Assert.Single(v1.Report!.Findings).Asset.Key);
        Assert.Equal(["/advisories/1", "/advisories/2/findings/0"], v1.Diagnostics.Select(d => d.Location));
        Assert.All(v1.Diagnostics.Concat(v2.Diagnostics), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Parse_OtherReportVersion_WarnsAndReads()
    {
        var result = await Parser.ParseTextAsync(TextPath, "{\"auditReportVersion\": 3, \"vulnerabilities\": {}}");

        Assert.NotNull(result.Report);
        Assert.Equal("/auditReportVersion", Assert.Single(result.Diagnostics).Location);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "{\"auditReportVersion\": 2,\n  \"vulnerabilities\": {\"a\": }", DiagnosticCodes.InvalidJson, "2:28" },
        { "{\"auditReportVersion\": 2, \"vulnerabilities\": []}", DiagnosticCodes.UnsupportedFormat, "/vulnerabilities" },
        { "{\"bomFormat\": \"CycloneDX\", \"components\": []}", DiagnosticCodes.UnsupportedFormat, null },
        { "[]", DiagnosticCodes.UnsupportedFormat, null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await Parser.ParseTextAsync(TextPath, text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, location), (error.Code, error.Location));
        Assert.Equal("/r/audit.json", error.Path);
    }
}
