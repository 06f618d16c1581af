using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Snyk;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Snyk;

public sealed class SnykJsonParserTests
{
    private static readonly SnykJsonParser Parser = new();

    // Counted with python3 json: the vulnerabilities entries of every project (none is a license issue).
    [SkippableTheory]
    [InlineData("defectdojo__all-projects_many_vulns.json", 4)]
    [InlineData("defectdojo__all-projects_no_vulns.json", 0)]
    [InlineData("defectdojo__all-projects_one_vuln.json", 1)]
    [InlineData("defectdojo__all_containers_target_output.json", 40)]
    [InlineData("defectdojo__single_project_None_cvss.json", 1)]
    [InlineData("defectdojo__single_project_many_vulns.json", 41)]
    [InlineData("defectdojo__single_project_no_vulns.json", 0)]
    [InlineData("defectdojo__single_project_one_vuln.json", 1)]
    [InlineData("defectdojo__single_project_one_vuln_with_ampersands.json", 1)]
    [InlineData("defectdojo__snykcontainer_issue_9270.json", 25)]
    [InlineData("defectdojo__snykcontainer_issue_epss.json", 1)]
    public async Task Parse_SharedSamples_CountsMatchIndependentCount(string file, int findings)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "snyk", file);
        Assert.Equal(["snyk/json"], BuiltInPlugins.ReportParsers.Where(p => p.ClaimsFile(path)).Select(p => p.Name));

        var result = await Parser.ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(findings, report.Findings.Count);
        Assert.All(report.Findings, f => Assert.Equal(AssetKind.Package, f.Asset.Kind));
    }

    [SkippableFact]
    public void CanParse_EverySharedOutputClaimed_IsSnyk()
    {
        RepoPaths.RequireShared();
        var claimed = ReportParserHarness.SharedOutputsClaimedBy(Parser);

        Assert.All(claimed, c => Assert.True(c.StartsWith("snyk/", StringComparison.Ordinal) || c.StartsWith("zip:snyk/", StringComparison.Ordinal), c));
    }

    [Fact]
    public async Task Parse_AllProjects_EachProjectsPackagesAsMavenPurlsWithTheirManifest()
    {
        var result = await Parser.ParseTestDataAsync("Snyk", "all-projects_many_vulns.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("snyk/json", "Snyk"), (report.Format, report.Tool));
        Assert.Equal(
            [
                "pkg:maven/com.google.guava/guava@29.0-jre CVE-2020-8908,SNYK-JAVA-COMGOOGLEGUAVA-1015415 pom.xml",
                "pkg:maven/com.google.guava/guava@22.0 CVE-2020-8908,SNYK-JAVA-COMGOOGLEGUAVA-1015415 project-a\\pom.xml",
                "pkg:maven/com.google.guava/guava@22.0 CVE-2018-10237,GHSA-mvr2-9pj6-7w5j,SNYK-JAVA-COMGOOGLEGUAVA-32236 project-a\\pom.xml",
                "pkg:maven/com.google.guava/guava@29.0-jre CVE-2020-8908,SNYK-JAVA-COMGOOGLEGUAVA-1015415 project-b\\pom.xml",
            ],
            report.Findings.Select(f => $"{f.Asset.Key} {string.Join(',', f.VulnerabilityIds)} {f.Location?.Path}"));
        Assert.Equal(["30.0-android", "30.0-jre"], report.Findings[0].FixedVersions);
        Assert.Equal("medium", report.Findings[0].Severity);
    }

    [Fact]
    public async Task Parse_Container_DebianPackageOfTheRelease()
    {
        var result = await Parser.ParseTestDataAsync("Snyk", "snykcontainer_issue_epss.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        var finding = Assert.Single(report.Findings);
        Assert.Equal("pkg:deb/debian/gcc-10@10.2.1-6?distro=debian-11", finding.Asset.Purl?.ToString());
        Assert.Equal(("low", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N"), (finding.Severity, finding.CvssVector));
        Assert.Equal("sarim04/juiceshop", report.Target);
    }

    [Theory]
    [InlineData("{\"vulnerabilities\": [{\"id\": \"x\",}", DiagnosticCodes.InvalidJson)]
    [InlineData("[{\"ok\": true}]", DiagnosticCodes.UnsupportedFormat)]
    public async Task Parse_Malformed_FailsAndNoReport(string text, string code)
    {
        var result = await Parser.ParseJsonAsync(text);

        Assert.Null(result.Report);
        Assert.Equal(code, Assert.Single(result.Diagnostics).Code);
    }
}
