using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Sarif;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Sarif;

public sealed class SarifParserTests
{
    private const string TextPath = "/r/report.sarif";

    private static readonly SarifParser Parser = new();

    // Counted with python3: sum over runs of len(results) minus results whose kind is pass or notApplicable.
    public static TheoryData<string, int> SharedSamples => new()
    {
        { "defectdojo__SuppressionTestCurrent.sarif", 4 },
        { "defectdojo__appendix_k.sarif", 1 },
        { "defectdojo__appendix_k1.sarif", 0 },
        { "defectdojo__appendix_k1_double.sarif", 0 },
        { "defectdojo__appendix_k2.sarif", 1 },
        { "defectdojo__appendix_k3.sarif", 1 },
        { "defectdojo__appendix_k4.sarif", 1 },
        { "defectdojo__bash-report-fabricated-no-internal-dupes-subset.sarif", 4 },
        { "defectdojo__bash-report-fabricated-no-internal-dupes.sarif", 5 },
        { "defectdojo__bash-report-subset-same-hash-code-same-unique-id.sarif", 4 },
        { "defectdojo__bash-report.sarif", 27 },
        { "defectdojo__blackduck_nested_fingerprints.sarif", 5 },
        { "defectdojo__codeQL-output.sarif", 72 },
        { "defectdojo__cxf-3.4.6.sarif", 22 },
        { "defectdojo__dependency_check.sarif", 13 },
        { "defectdojo__dockle_0_3_15.sarif", 4 },
        { "defectdojo__flawfinder.sarif", 53 },
        { "defectdojo__gitleaks_7.5.0.sarif", 8 },
        { "defectdojo__issue_10191.json", 77 },
        { "defectdojo__mobsfscan.json", 9 },
        { "defectdojo__njsscan.sarif", 2 },
        { "defectdojo__no_runs.sarif", 0 },
        { "defectdojo__spotbugs.sarif", 56 },
        { "defectdojo__suppression_test.sarif", 5 },
        { "defectdojo__taint-python-report.sarif", 11 },
        { "grype-presenter__sarif__TestSarifPresenter_directory.sarif", 2 },
        { "grype-presenter__sarif__TestSarifPresenter_image.sarif", 2 },
        { "trivy-integration__alpine-310.sarif", 4 },
    };

    // The SARIF 2.0 files (their "version" is not 2.1.0), which must fail naming the version.
    public static TheoryData<string> SharedSamplesOfOtherVersions =>
    [
        "sarif-sdk__spec-example__Comprehensive.sarif",
        "sarif-sdk__spec-example__InlineExternalProperties.sarif",
        "sarif-sdk__spec-example__Minimal.sarif",
        "sarif-sdk__spec-example__RecommendedWithSource.sarif",
        "sarif-sdk__spec-example__RecommendedWithoutSource.sarif",
        "sarif-sdk__spec-example__RuleMetadata.sarif",
    ];

    [SkippableTheory]
    [MemberData(nameof(SharedSamples))]
    public async Task Parse_SharedSample_FindingCount(string name, int expected)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "sarif", name);

        Assert.True(Parser.ClaimsFile(path), "CanParse");
        var result = await Parser.ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(expected, report.Findings.Count);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.All(report.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Title)));
    }

    [SkippableTheory]
    [MemberData(nameof(SharedSamplesOfOtherVersions))]
    public async Task Parse_SharedSampleOfSarif20_FailsNamingTheVersion(string name)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "sarif", name);

        Assert.True(Parser.ClaimsFile(path), "CanParse");
        var result = await Parser.ParseFileAsync(path);

        Assert.Null(result.Report);
        Assert.Contains("expected 2.1.0", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void CanParse_OtherScannersSamples_AreNotClaimed()
    {
        RepoPaths.RequireShared();
        var others = ReportParserHarness.SharedFilesOfOtherTools("sarif");

        Assert.NotEmpty(others);
        Assert.DoesNotContain(others, f => Parser.ClaimsFile(f));
    }

    [Theory]
    [InlineData("/r/x.json", "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"runs\": []}", true)]
    [InlineData("/r/x.json", "{\"version\": \"2.1.0\", \"runs\": [", true)]
    [InlineData("/r/x.json", "{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"", true)]
    [InlineData("/r/x.sarif", "\uFEFF{\"runs\": [", true)]
    [InlineData("/r/x.json", "{\"runs\": [", false)]
    [InlineData("/r/x.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1", false)]
    [InlineData("/r/x.json", "{\"SchemaVersion\": 2, \"ArtifactName\": \"alpine\", \"Results\": [", false)]
    [InlineData("/r/x.json", "[{\"version\": \"2.1.0\", \"runs\": [", false)]
    public void CanParse_Head_Decides(string path, string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_GrypeSarif_SecuritySeverityOverridesLevelAndAnInvalidPurlFallsBackToTheRuleHelp()
    {
        var result = await Parser.ParseTestDataAsync("Sarif", "grype-presenter__sarif__TestSarifPresenter_image.sarif");

        var report = Assert.IsType<ScannerReport>(result.Report);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidPurl, "/runs/0/results/1", DiagnosticSeverity.Warning), (warning.Code, warning.Location, warning.Severity));
        Assert.Equal(("sarif", "grype", "0.0.0-dev"), (report.Format, report.Tool, report.ToolVersion));
        var file = report.Findings[0];
        Assert.Equal((AssetKind.Package, "rpm:package-1@1.1.1"), (file.Asset.Kind, file.Asset.Key));
        Assert.Equal(IdentityConfidence.Stated, file.Identity?.Confidence);
        Assert.Equal(["CVE-1999-0001"], file.VulnerabilityIds);
        Assert.Equal("CVE-1999-0001-package-1", file.RuleId);
        Assert.Equal("CVE-1999-0001 low vulnerability for package-1 package", file.Title);
        Assert.Equal("high", file.Severity);
        Assert.Equal(new SourceLocation("user-input/somefile-1.txt", "line 1"), file.Location);
        Assert.Equal(["1.2.1", "2.1.3", "3.4.0"], file.FixedVersions);
        Assert.Equal("efe125c0a2b4bdafe476b69ba51a49734780c62b93803950319056acebe4323f:1", file.ToolFingerprint);
        Assert.Equal("/runs/0/results/0", file.ReportPointer);

        // The golden's "pkg:deb/package-2@2.2.2" lacks the namespace deb purls require: the help names the package.
        var package = report.Findings[1];
        Assert.Equal((AssetKind.Package, "deb:package-2@2.2.2"), (package.Asset.Kind, package.Asset.Key));
        Assert.Equal(["CVE-1999-0002"], package.VulnerabilityIds);
        Assert.Equal("high", package.Severity);
        Assert.Empty(package.FixedVersions);
        Assert.Equal(new SourceLocation("user-input/somefile-2.txt", "line 1"), package.Location);
    }

    [Fact]
    public async Task Parse_TrivySarif_PackageFromMessageDistributionGuessedFromImageNameCvssAndFix()
    {
        var result = await Parser.ParseTestDataAsync("Sarif", "trivy-integration__alpine-310.sarif");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("Trivy", "testdata/fixtures/images/alpine-310.tar.gz"), (report.Tool, report.Target));
        Assert.Equal(
            ["pkg:apk/alpine/libcrypto1.1@1.1.1c-r0 CVE-2019-1549", "pkg:apk/alpine/libcrypto1.1@1.1.1c-r0 CVE-2019-1551", "pkg:apk/alpine/libssl1.1@1.1.1c-r0 CVE-2019-1549", "pkg:apk/alpine/libssl1.1@1.1.1c-r0 CVE-2019-1551"],
            report.Findings.Select(f => $"{f.Asset.Key} {string.Join(',', f.VulnerabilityIds)}").Order(StringComparer.Ordinal));
        var first = report.Findings[0];
        Assert.Equal(IdentityConfidence.Guessed, first.Identity?.Confidence);
        Assert.Contains("image name 'testdata/fixtures/images/alpine-310.tar.gz'", first.Identity!.DerivedFrom, StringComparison.Ordinal);
        Assert.Equal("medium", first.Severity);
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", first.CvssVector);
        Assert.Equal(["1.1.1d-r0"], first.FixedVersions);
        Assert.Equal(new SourceLocation("testdata/fixtures/images/alpine-310.tar.gz", "line 1"), first.Location);
    }

    [Fact]
    public async Task Parse_Njsscan_FileUriCweFromResultPropertiesAndDefaultLevel()
    {
        var result = await Parser.ParseTestDataAsync("Sarif", "defectdojo__njsscan.sarif");

        var findings = Assert.IsType<ScannerReport>(result.Report).Findings;
        Assert.Equal(
            ["file:/src/index.js line 321 node_insecure_random_generator medium CWE-327", "file:/src/index.js line 235 node_password high CWE-798"],
            findings.Select(f => $"{f.Asset.Key} {f.Location?.Pointer} {f.RuleId} {f.Severity} {string.Join(',', f.Cwes)}"));
        Assert.All(findings, f => Assert.Empty(f.VulnerabilityIds));
    }

    private const string Constructed = """
        {
          "version": "2.1.0",
          "runs": [
            {
              "tool": {
                "driver": {
                  "name": "Scanner", "semanticVersion": "1.2.3",
                  "rules": [
                    { "id": "R1", "shortDescription": { "text": "Rule one" }, "messageStrings": { "default": { "text": "Variable {0} at {1}" } },
                      "relationships": [ { "target": { "id": "89", "toolComponent": { "name": "CWE" } } } ],
                      "properties": { "tags": [ "security", "external/cwe/cwe-079", "GHSA-jfh8-c2jp-5v3q" ], "security-severity": "9.8", "purls": [ "pkg:maven/org.x/lib@1.0" ] } }
                  ]
                },
                "extensions": [ { "name": "pack", "rules": [ { "id": "E1", "name": "ExtensionRule", "properties": { "security-severity": "LOW" } } ] } ]
              },
              "originalUriBaseIds": { "ROOT": { "uri": "file:///work/" }, "SRC": { "uri": "src/", "uriBaseId": "ROOT" } },
              "results": [
                { "ruleId": "R1", "message": { "id": "default", "arguments": [ "p", "3" ] },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "a%20b.c", "uriBaseId": "SRC" }, "region": { "startLine": 7 } } } ],
                  "partialFingerprints": { "z": "last", "a": "first" } },
                { "rule": { "index": 0, "toolComponent": { "index": 0 } }, "message": { "text": "no place" },
                  "locations": [ { "logicalLocations": [ { "fullyQualifiedName": "pkg:npm/left-pad@1.0.0" } ] } ] },
                { "ruleId": "R1", "kind": "pass", "message": { "text": "fine" } },
                { "ruleId": "X9", "level": "none", "message": { "text": "whole" }, "locations": [ { "logicalLocations": [ { "fullyQualifiedName": "A.B" } ] } ] },
                { "level": "error" },
                7
              ]
            },
            { "tool": { "driver": { "name": "Other" } }, "results": [ { "ruleId": "O1", "message": { "text": "o" } } ] }
          ]
        }
        """;

    [Fact]
    public async Task Parse_Constructed_RulesExtensionsBasesLogicalLocationsAndSkips()
    {
        var result = await Parser.ParseTextAsync(TextPath, Constructed);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("Scanner, Other", null), (report.Tool, report.ToolVersion));
        Assert.Equal(4, report.Findings.Count);

        var first = report.Findings[0];
        Assert.Equal(("pkg:maven/org.x/lib@1.0", new SourceLocation("/work/src/a b.c", "line 7")), (first.Asset.Key, first.Location));
        Assert.Equal(("Rule one", "Variable p at 3", "critical"), (first.Title, first.Description, first.Severity));
        Assert.Equal(["GHSA-jfh8-c2jp-5v3q"], first.VulnerabilityIds);
        Assert.Equal(["CWE-79", "CWE-89"], first.Cwes);
        Assert.Equal("first", first.ToolFingerprint);

        var extension = report.Findings[1];
        Assert.Equal(("pkg:npm/left-pad@1.0.0", "E1", "low", "no place"), (extension.Asset.Key, extension.RuleId, extension.Severity, extension.Title));

        var whole = report.Findings[2];
        Assert.Equal(("file:.", new SourceLocation(".", "A.B"), "info"), (whole.Asset.Key, whole.Location, whole.Severity));
        Assert.Equal(("O1", "medium", "/runs/1/results/0"), (report.Findings[3].RuleId, report.Findings[3].Severity, report.Findings[3].ReportPointer));

        Assert.Equal(["/runs/0/results/4", "/runs/0/results/5"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "{\"version\": \"2.1.0\", \"runs\": [\n  {\"tool\": }\n]}", DiagnosticCodes.InvalidJson, "2:12" },
        { "{\"version\": \"2.1.0\", \"runs\": [", DiagnosticCodes.InvalidJson, "1:31" },
        { "{\"bomFormat\": \"CycloneDX\", \"components\": []}", DiagnosticCodes.UnsupportedFormat, null },
        { "[]", DiagnosticCodes.UnsupportedFormat, null },
        { "{\"version\": \"2.0.0\", \"runs\": []}", DiagnosticCodes.UnsupportedFormat, "/version" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await Parser.ParseTextAsync(TextPath, text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, location, "/r/report.sarif"), (error.Code, error.Location, error.Path));
    }
}
