using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.DependencyCheck;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.DependencyCheck;

public sealed class DependencyCheckParserTests
{
    private static readonly DependencyCheckXmlParser Xml = new();
    private static readonly DependencyCheckJsonParser Json = new();

    [SkippableTheory]
    [InlineData("dependency-check/defectdojo__single_vuln.xml", true, false)]
    [InlineData("dependency-check/defectdojo__dc_empty.xml", true, false)]
    [InlineData("dependency-check/defectdojo__version-6.5.3.xml", true, false)]
    [InlineData("sarif/defectdojo__dependency_check.sarif", false, false)]
    [InlineData("cyclonedx-vex/defectdojo__log4j.xml", false, false)]
    [InlineData("cyclonedx-vex/defectdojo__log4j.json", false, false)]
    [InlineData("nmap/defectdojo__nmap_0port.xml", false, false)]
    [InlineData("zap/defectdojo__0_zap_sample.xml", false, false)]
    [InlineData("trivy/defectdojo__all_statuses.json", false, false)]
    [InlineData("grype/defectdojo__check_all_fields.json", false, false)]
    public void CanParse_SharedSamples_OnlyDependencyCheckReports(string sample, bool xml, bool json)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", sample);
        var head = ReportParserHarness.Head(path);

        Assert.Equal((xml, json), (Xml.CanParse(path, head), Json.CanParse(path, head)));
    }

    [Fact]
    public void CanParse_Fixtures_EachFormatItsOwn()
    {
        var xml = ReportParserHarness.TestDataPath("DependencyCheck", "defectdojo__version-6.5.3.xml");
        var json = ReportParserHarness.TestDataPath("DependencyCheck", "dependency-check-report.json");

        Assert.Equal((true, false), (Xml.ClaimsFile(xml), Json.ClaimsFile(xml)));
        Assert.Equal((false, true), (Xml.ClaimsFile(json), Json.ClaimsFile(json)));
    }

    // Counted with python3's ElementTree: for each <dependency>, its <vulnerability> children of <vulnerabilities>
    // (not <suppressedVulnerability>) times (1 + its <relatedDependency> count).
    [SkippableTheory]
    [InlineData("defectdojo__dc_empty.xml", 0)]
    [InlineData("defectdojo__multiple_vulnerabilities_has_multiple_findings.xml", 15)]
    [InlineData("defectdojo__single_dependency_with_related_no_vulnerability.xml", 0)]
    [InlineData("defectdojo__single_vuln.xml", 1)]
    [InlineData("defectdojo__version-6.5.3.xml", 1)]
    [InlineData("defectdojo__version-6.5.3_multi_cwe_fabricated.xml", 1)]
    public async Task Parse_EverySharedSample_FindingCount(string name, int expected)
    {
        RepoPaths.RequireShared();

        var result = await Xml.ParseSharedAsync("dependency-check", name);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Report!.Findings.Count);
    }

    [SkippableFact]
    public void Parse_EverySharedSample_TableCoversTheFolder()
    {
        RepoPaths.RequireShared();
        Assert.Equal(6, Directory.GetFiles(RepoPaths.SharedData("scanners", "dependency-check")).Length);
    }

    [Fact]
    public async Task ParseXml_Version653_FieldsOfTheFinding()
    {
        var result = await Xml.ParseTestDataAsync("DependencyCheck", "defectdojo__version-6.5.3.xml");

        var report = result.Report!;
        Assert.Equal(("dependency-check/xml", "Dependency-Check", "6.5.3", (string?)null), (report.Format, report.Tool, report.ToolVersion, report.Target));
        var finding = Assert.Single(report.Findings);
        Assert.Equal((AssetKind.Package, "pkg:maven/org.apache.logging.log4j/log4j-api@2.12.4"), (finding.Asset.Kind, finding.Asset.Key));
        Assert.Equal(["CVE-2020-9488"], finding.VulnerabilityIds);
        Assert.Equal(("CVE-2020-9488", "low"), (finding.RuleId, finding.Severity));
        Assert.Equal(["CWE-295"], finding.Cwes);
        Assert.Equal("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N", finding.CvssVector);
        Assert.Equal(["2.13.2"], finding.FixedVersions);
        Assert.Equal(new SourceLocation("/home/damien/vulnerabilities/apache-log4j-2.12.4-bin/log4j-api-2.12.4.jar", null), finding.Location);
        Assert.StartsWith("Improper validation of certificate", finding.Description, StringComparison.Ordinal);
        Assert.Equal("270:14", finding.ReportPointer);
    }

    [Fact]
    public async Task ParseXml_RelatedDependencies_OneFindingEachAtItsOwnPath_SuppressedSkipped()
    {
        var result = await Xml.ParseTestDataAsync("DependencyCheck", "defectdojo__multiple_vulnerabilities_has_multiple_findings.xml");

        var findings = result.Report!.Findings;
        Assert.Equal(15, findings.Count);
        Assert.Equal(
            ["/var/lib/adapter-ear1.ear/dom4j-2.1.1.jar", "/var/lib/adapter-ear8.ear/dom4j-2.1.1.jar", "/var/lib/adapter-ear1.ear/dom4j-extensions-2.1.1.jar"],
            findings.Take(3).Select(f => f.Location!.Path));
        Assert.All(findings.Take(3), f => Assert.Equal("pkg:maven/org.dom4j/dom4j@2.1.1.redhat-00001", f.Asset.Key));
        Assert.DoesNotContain(findings, f => f.RuleId is "CVE-2019-7238" or "CVE-2017-1000487");

        var yargs = findings.Where(f => f.Asset.Key == "pkg:npm/yargs-parser@5.0.0").ToList();
        Assert.Equal(9, yargs.Count);
        Assert.Equal("/var/lib/jenkins/workspace/nl-selfservice_-_metrics_develop/package-lock.json?yargs-parser", yargs[0].Location!.Path);
        var npmAdvisory = yargs[0];
        Assert.Equal(["1500"], npmAdvisory.VulnerabilityIds);
        Assert.Equal(("low", (string?)null), (npmAdvisory.Severity, npmAdvisory.CvssVector));
        Assert.Equal(("CVE-2020-7608", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N"), (yargs[3].RuleId, yargs[3].CvssVector));
        var ossIndexWeakness = yargs[6];
        Assert.Empty(ossIndexWeakness.VulnerabilityIds);
        Assert.Equal(["CWE-400"], ossIndexWeakness.Cwes);

        // A package id nested one level too deep (identifiers/identifiers/package) is still found; without any id the file name is the asset.
        Assert.Equal("pkg:maven/org.dom4j/dom4j@2.1.1.redhat-00001", findings[12].Asset.Key);
        Assert.Equal((AssetKind.Package, "adapter-ear3.ear: dom4j-2.1.1.jar@"), (findings[13].Asset.Kind, findings[13].Asset.Key));
        Assert.Equal("high", findings[13].Severity);
        Assert.Empty(findings[13].Cwes);
    }

    [Fact]
    public async Task ParseJson_Fixture_FieldsRelatedAndSkippedRecords()
    {
        var result = await Json.ParseTestDataAsync("DependencyCheck", "dependency-check-report.json");

        var report = result.Report!;
        Assert.Equal(("dependency-check/json", "Dependency-Check", "9.0.9", "shop-backend"), (report.Format, report.Tool, report.ToolVersion, report.Target));
        Assert.Equal(3, report.Findings.Count);
        var text = report.Findings[0];
        Assert.Equal("pkg:maven/org.apache.commons/commons-text@1.9", text.Asset.Key);
        Assert.Equal(["CVE-2022-42889"], text.VulnerabilityIds);
        Assert.Equal(("critical", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), (text.Severity, text.CvssVector));
        Assert.Equal(["CWE-94"], text.Cwes);
        Assert.Equal(["1.10.0"], text.FixedVersions);
        Assert.Equal(("/app/lib/commons-text-1.9.jar", "/dependencies/0/vulnerabilities/0"), (text.Location!.Path, text.ReportPointer));
        Assert.Equal(("/app/plugins/commons-text-1.9.jar", text.Asset.Key), (report.Findings[1].Location!.Path, report.Findings[1].Asset.Key));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "CVE-2099-0001");

        var minimist = report.Findings[2];
        Assert.Equal(("minimist:0.0.8@", "medium", (string?)null), (minimist.Asset.Key, minimist.Severity, minimist.CvssVector));
        Assert.Equal(["CWE-1321"], minimist.Cwes);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "/dependencies/1/vulnerabilities/1"), (warning.Severity, warning.Location));
    }

    [Fact]
    public async Task ParseXml_Schema13MavenIdentifier_BecomesAPurl()
    {
        const string report = """
            <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.1.3.xsd">
              <dependencies>
                <dependency>
                  <fileName>library.jar</fileName>
                  <filePath>/lib/library.jar</filePath>
                  <identifiers><identifier type="maven" confidence="HIGHEST"><name>org.owasp:library:6.7.8</name></identifier></identifiers>
                  <vulnerabilities><vulnerability><name>CVE-2016-0001</name><severity>Moderate</severity><cwe>CWE-79 Improper Neutralization</cwe></vulnerability></vulnerabilities>
                </dependency>
              </dependencies>
            </analysis>
            """;

        var result = await Xml.ParseTextAsync("/r/report.xml", report);

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(("pkg:maven/org.owasp/library@6.7.8", "medium", "7:25"), (finding.Asset.Key, finding.Severity, finding.ReportPointer));
        Assert.Equal(["CWE-79"], finding.Cwes);
    }

    [Fact]
    public async Task ParseJson_InvalidPurlWithoutFileName_WarnsAndKeepsTheFinding()
    {
        const string report = """{"scanInfo": {}, "dependencies": [{"packages": [{"id": "pkg:"}], "vulnerabilities": [{"name": "CVE-2024-0001"}]}]}""";

        var result = await Json.ParseTextAsync("/r/report.json", report);

        Assert.Equal("pkg:@", Assert.Single(result.Report!.Findings).Asset.Key);
        Assert.Equal((DiagnosticCodes.InvalidPurl, "/dependencies/0"), (Assert.Single(result.Diagnostics).Code, result.Diagnostics[0].Location));
    }

    [Fact]
    public async Task ParseJson_VulnerabilitiesTimesRelatedPastTheLimit_IsRefusedBeforeExpanding()
    {
        // 1,100 vulnerabilities × (1 + 1,000 related copies) = 1.1 million findings from a small file.
        var vulnerabilities = string.Join(",", Enumerable.Range(0, 1_100).Select(i => $"{{\"name\": \"CVE-2024-{i:D5}\"}}"));
        var related = string.Join(",", Enumerable.Range(0, 1_000).Select(i => $"{{\"filePath\": \"/lib/{i}.jar\"}}"));
        var report = $"{{\"scanInfo\": {{}}, \"dependencies\": [{{\"fileName\": \"a.jar\", \"vulnerabilities\": [{vulnerabilities}], \"relatedDependencies\": [{related}]}}]}}";

        var result = await Json.ParseTextAsync("/r/report.json", report);

        Assert.Empty(result.Report!.Findings);
        Assert.Equal("refused: the report expands to more than 1,000,000 findings", Assert.Single(result.Diagnostics, d => d.IsError).Message);
    }

    public static TheoryData<string, string, string, string?> Invalid => new()
    {
        { "xml", "<analysis><dependencies><dependency>", DiagnosticCodes.InvalidJson, "1:37" },
        { "xml", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><components/></bom>", DiagnosticCodes.UnsupportedFormat, "1:2" },
        { "xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE analysis [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<analysis><dependencies/></analysis>", DiagnosticCodes.UnsupportedFormat, "2:1" },
        { "json", "{\"scanInfo\": {\"engineVersion\": \"9.0.0\"}, \"dependencies\": [", DiagnosticCodes.InvalidJson, null },
        { "json", "{\"bomFormat\": \"CycloneDX\", \"components\": []}", DiagnosticCodes.UnsupportedFormat, null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string kind, string text, string code, string? location)
    {
        var result = kind == "xml" ? await Xml.ParseTextAsync("/r/report.xml", text) : await Json.ParseTextAsync("/r/report.json", text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(code, error.Code);
        if (location is not null)
        {
            Assert.Equal(location, error.Location);
        }
        else if (code == DiagnosticCodes.InvalidJson)
        {
            Assert.NotNull(error.Location);
        }
        else
        {
            Assert.Contains("Dependency-Check", error.Message, StringComparison.Ordinal);
        }
    }
}
