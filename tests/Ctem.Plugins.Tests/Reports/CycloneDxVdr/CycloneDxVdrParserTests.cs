using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.CycloneDxVdr;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.CycloneDxVdr;

public sealed class CycloneDxVdrParserTests
{
    private static readonly CycloneDxVdrJsonParser Json = new();
    private static readonly CycloneDxVdrXmlParser Xml = new();

    private static IReportParser ParserFor(string path) => path.EndsWith(".xml", StringComparison.Ordinal) ? Xml : Json;

    // Report parsers are only asked by 'ctem ingest', so every CycloneDX document is claimed; a plain SBOM then fails
    // in ParseAsync with "no vulnerabilities … use 'ctem scan'". "claimedAs" is the path CanParse is asked about.
    [SkippableTheory]
    [InlineData("cyclonedx-vex/defectdojo__log4j.json", null, false, true)]
    [InlineData("cyclonedx-vex/defectdojo__no-severity.json", null, false, true)]
    [InlineData("cyclonedx-vex/defectdojo__log4j.xml", null, true, false)]
    [InlineData("cyclonedx-vex/defectdojo__spec1.xml", null, true, false)]
    [InlineData("grype/grype-presenter__cyclonedx__TestCycloneDxPresenterDir.cdx.json", null, false, true)]
    [InlineData("cyclonedx-vex/defectdojo__jake.xml", null, true, false)]
    [InlineData("cyclonedx-vex/defectdojo__cyclonedx_bom.xml", null, true, false)]
    [InlineData("cyclonedx-vex/defectdojo__retirejs.latest.xml", null, true, false)]
    [InlineData("cyclonedx-vex/defectdojo__jake2.json", null, false, true)]
    [InlineData("cyclonedx-vex/defectdojo__issue_9277.json", null, false, true)]
    [InlineData("dependency-check/defectdojo__version-6.5.3.xml", null, false, false)]
    [InlineData("openvex/defectdojo__openvex_many_vuln.json", "/r/many.vex.json", false, false)]
    [InlineData("csaf/defectdojo__csaf_one_vuln.json", null, false, false)]
    [InlineData("trivy/defectdojo__all_statuses.json", null, false, false)]
    [InlineData("sarif/defectdojo__dependency_check.sarif", null, false, false)]
    public void CanParse_SharedSamples_EveryCycloneDxDocumentAndNothingElse(string sample, string? claimedAs, bool xml, bool json)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", sample);
        var head = ReportParserHarness.Head(path);
        var asked = claimedAs ?? path;

        Assert.Equal((xml, json), (Xml.CanParse(asked, head), Json.CanParse(asked, head)));
    }

    [Fact]
    public void CanParse_LargeReportWithVulnerabilitiesPastTheHead_IsClaimed()
    {
        var head = """{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"name": "lodash", "purl": "pkg:npm/lodash@4.17.20"}]}"""u8;

        Assert.True(Json.CanParse("/r/bom.json", head));
    }

    // Counted with python3: for each vulnerability (JSON "vulnerabilities"; XML <vulnerability> under a <vulnerabilities>)
    // whose analysis state is not not_affected/false_positive/resolved, the number of affects entries (XML affects/target,
    // or 1 for an extension-1.0 vulnerability with a ref attribute). Null: no vulnerabilities section, so the parse fails.
    [SkippableTheory]
    [InlineData("defectdojo__cyclonedx_bom.xml", null)]
    [InlineData("defectdojo__issue_8022.json", 0)]
    [InlineData("defectdojo__issue_9277.json", 14)]
    [InlineData("defectdojo__jake.xml", null)]
    [InlineData("defectdojo__jake2.json", 7)]
    [InlineData("defectdojo__log4j.json", 8)]
    [InlineData("defectdojo__log4j.xml", 8)]
    [InlineData("defectdojo__multiple_cwes_fabricated.xml", 1)]
    [InlineData("defectdojo__nested-component-log4j.json", 8)]
    [InlineData("defectdojo__no-severity.json", 1)]
    [InlineData("defectdojo__retirejs.latest.xml", null)]
    [InlineData("defectdojo__spec1.xml", 1)]
    [InlineData("defectdojo__spec1_lowfirst.xml", 1)]
    [InlineData("defectdojo__valid-vulnerability-1.4.json", 0)]
    [InlineData("defectdojo__valid-vulnerability-1.4.xml", 0)]
    public async Task Parse_EverySharedSample_FindingCount(string name, int? expected)
    {
        RepoPaths.RequireShared();

        var result = await ParserFor(name).ParseSharedAsync("cyclonedx-vex", name);

        if (expected is null)
        {
            Assert.Null(result.Report);
            var error = Assert.Single(result.Diagnostics);
            Assert.StartsWith("no vulnerabilities", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
            Assert.Equal(expected, result.Report!.Findings.Count);
        }
    }

    [SkippableFact]
    public void Parse_EverySharedSample_TableCoversTheFolder()
    {
        RepoPaths.RequireShared();
        Assert.Equal(15, Directory.GetFiles(RepoPaths.SharedData("scanners", "cyclonedx-vex")).Length);
    }

    [Fact]
    public async Task ParseJson_Fabricated_FieldsOfEachFinding()
    {
        var result = await Json.ParseTestDataAsync("CycloneDxVdr", "shop.vdr.json");

        var report = result.Report!;
        Assert.Equal(("cyclonedx-vdr/json", "ExampleScanner", "2.3.0", "shop"), (report.Format, report.Tool, report.ToolVersion, report.Target));
        Assert.Equal(
            ["pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4", "shaded-util@1.0", "pkg:npm/lodash@4.17.20", "no-such-component@"],
            report.Findings.Select(f => f.Asset.Key));
        Assert.All(report.Findings, f => Assert.Equal(AssetKind.Package, f.Asset.Kind));

        var jackson = report.Findings[0];
        Assert.Equal(["SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111", "CVE-2018-7489", "GHSA-6fpp-rgj9-8rwc"], jackson.VulnerabilityIds);
        Assert.Equal(("SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111", "critical"), (jackson.RuleId, jackson.Severity));
        Assert.Equal("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", jackson.CvssVector);
        Assert.Equal(["CWE-184", "CWE-502"], jackson.Cwes);
        Assert.Equal(["2.9.5"], jackson.FixedVersions);
        Assert.Equal("Deserialization of untrusted data.\n\nRecommendation: Upgrade to 2.9.5 or later.", jackson.Description);
        Assert.Equal(("/vulnerabilities/0/affects/0", (SourceLocation?)null), (jackson.ReportPointer, jackson.Location));
        Assert.Equal("/vulnerabilities/0/affects/1", report.Findings[1].ReportPointer);

        var lodash = report.Findings[2];
        Assert.Equal(("CVE-2021-23337", "high", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"), (lodash.RuleId, lodash.Severity, lodash.CvssVector));

        Assert.Equal(
            [
                (DiagnosticSeverity.Warning, "/vulnerabilities/1/affects/1"),
                (DiagnosticSeverity.Info, "/vulnerabilities/2"),
                (DiagnosticSeverity.Warning, "/vulnerabilities/3"),
            ],
            result.Diagnostics.Select(d => (d.Severity, d.Location)));
        Assert.Contains("CVE-2020-8203: analysis state 'resolved'", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseJson_NotAffected_IsAnInfoNotAFinding()
    {
        var result = await Json.ParseTestDataAsync("CycloneDxVdr", "defectdojo__valid-vulnerability-1.4.json");

        Assert.Empty(result.Report!.Findings);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains("'not_affected'", info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseJson_NoSeverityAndUnknownRef_SeverityFromTheScoreAndRefAsName()
    {
        var result = await Json.ParseTestDataAsync("CycloneDxVdr", "defectdojo__no-severity.json");

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(("critical", "gerbwetbqt@", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"), (finding.Severity, finding.Asset.Key, finding.CvssVector));
        Assert.Equal(DiagnosticCodes.ComponentWithoutPurl, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task ParseXml_Grype14_FindingsOnComponentsByBomRef()
    {
        var result = await Xml.ParseTestDataAsync("CycloneDxVdr", "defectdojo__log4j.xml");

        var report = result.Report!;
        Assert.Equal(("cyclonedx-vdr/xml", "grype", "0.41.0"), (report.Format, report.Tool, report.ToolVersion));
        Assert.Equal(8, report.Findings.Count);
        var log4shell = report.Findings[0];
        Assert.Equal(["CVE-2021-44228"], log4shell.VulnerabilityIds);
        Assert.Equal(("pkg:maven/org.apache.logging.log4j/log4j-core@2.13.2", "critical"), (log4shell.Asset.Key, log4shell.Severity));
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", log4shell.CvssVector);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task ParseXml_VulnerabilityExtension10_RefAttributeNamesTheComponent()
    {
        var result = await Xml.ParseTestDataAsync("CycloneDxVdr", "defectdojo__spec1.xml");

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(["CVE-2018-7489"], finding.VulnerabilityIds);
        Assert.Equal(("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.9", "critical"), (finding.Asset.Key, finding.Severity));
        Assert.Equal("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", finding.CvssVector);
        Assert.Equal(["CWE-184", "CWE-502"], finding.Cwes);
        Assert.EndsWith("Recommendation: Upgrade", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseXml_NestedExtensionVulnerabilities_AffectTheEnclosingComponent()
    {
        const string bom = """
            <bom xmlns="http://cyclonedx.org/schema/bom/1.1" xmlns:v="http://cyclonedx.org/schema/ext/vulnerability/1.0">
              <components>
                <component type="library" bom-ref="pkg:npm/lodash@4.17.20">
                  <name>lodash</name><version>4.17.20</version><purl>pkg:npm/lodash@4.17.20</purl>
                  <v:vulnerabilities>
                    <v:vulnerability><v:id>CVE-2021-23337</v:id><v:ratings><v:rating><v:severity>High</v:severity></v:rating></v:ratings></v:vulnerability>
                  </v:vulnerabilities>
                </component>
              </components>
            </bom>
            """;

        var result = await Xml.ParseTextAsync("/r/bom.xml", bom);

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(("pkg:npm/lodash@4.17.20", "high", "6:10"), (finding.Asset.Key, finding.Severity, finding.ReportPointer));
    }

    public static TheoryData<string, string, string, string?> Invalid => new()
    {
        { "/r/bom.json", "{\"bomFormat\": \"CycloneDX\", \"vulnerabilities\": [", DiagnosticCodes.InvalidJson, "1:48" },
        { "/r/bom.json", "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": []}", DiagnosticCodes.NotCycloneDx, null },
        { "/r/bom.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": []}", DiagnosticCodes.UnsupportedFormat, null },
        { "/r/bom.xml", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><vulnerabilities>", DiagnosticCodes.InvalidJson, "1:67" },
        { "/r/bom.xml", "<analysis><dependencies/></analysis>", DiagnosticCodes.NotCycloneDx, "1:2" },
        { "/r/bom.xml", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components/></bom>", DiagnosticCodes.UnsupportedFormat, null },
        { "/r/bom.xml", "<!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<bom/>", DiagnosticCodes.UnsupportedFormat, "1:1" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlaceOrReason(string path, string text, string code, string? location)
    {
        var result = await ParserFor(path).ParseTextAsync(path, text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, location), (error.Code, error.Location));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
