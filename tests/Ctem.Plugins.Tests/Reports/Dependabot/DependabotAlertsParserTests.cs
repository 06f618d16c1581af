using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Dependabot;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Dependabot;

public sealed class DependabotAlertsParserTests
{
    private const string TextPath = "/r/alerts.json";

    private static readonly DependabotAlertsParser Parser = new();

    // Counted with python3: every node of every "vulnerabilityAlerts.nodes" under "data", minus the fixed ones
    // (state FIXED, or fixedAt set where there is no state) and those without securityVulnerability.package.name.
    [SkippableTheory]
    [InlineData("defectdojo__github-0-vuln.json", 0)]
    [InlineData("defectdojo__github-1-vuln-no-fix.json", 1)]
    [InlineData("defectdojo__github-1-vuln-repo-dependabot-link.json", 1)]
    [InlineData("defectdojo__github-1-vuln.json", 1)]
    [InlineData("defectdojo__github-5-vuln.json", 5)]
    [InlineData("defectdojo__github-vuln-version.json", 1)]
    [InlineData("defectdojo__github_h2.json", 1)]
    [InlineData("defectdojo__github_issue2984.json", 4)]
    [InlineData("defectdojo__github_multi_cwe_fabricated.json", 1)]
    [InlineData("defectdojo__github_search.json", 2)]
    [InlineData("defectdojo__github_search2.json", 2)]
    [InlineData("defectdojo__github_search3.json", 2)]
    [InlineData("defectdojo__github_search4_null_cvss_vector.json", 2)]
    [InlineData("defectdojo__github_shiro.json", 0)]
    public async Task Parse_SharedSamples_FindingCounts(string file, int expected)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "github-dependabot", file);

        var result = await Parser.ParseFileAsync(path);

        Assert.True(Parser.ClaimsFile(path));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Equal(expected, result.Report!.Findings.Count);
    }

    // issue_9582.json sits among DefectDojo's GitHub samples but holds code scanning (CodeQL) alerts.
    [SkippableFact]
    public async Task Parse_CodeScanningAlertsSample_IsNotClaimedAndFailsClearly()
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "github-dependabot", "defectdojo__issue_9582.json");

        var result = await Parser.ParseFileAsync(path);

        Assert.False(Parser.ClaimsFile(path));
        Assert.Null(result.Report);
        Assert.Contains("code scanning alerts, not Dependabot", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("github-dependabot/defectdojo__github-0-vuln.json", true)]
    [InlineData("npm-audit/defectdojo__one_vuln.json", false)]
    [InlineData("dotnet-list-package-vulnerable/defectdojo__dotnet_vulnerable_many_vuln.json", false)]
    [InlineData("cyclonedx-vex/defectdojo__log4j.json", false)]
    [InlineData("trivy/defectdojo__all_statuses.json", false)]
    [InlineData("grype/defectdojo__check_all_fields.json", false)]
    [InlineData("osv-scanner/defectdojo__some_findings.json", false)]
    [InlineData("sarif/defectdojo__appendix_k.sarif", false)]
    public void CanParse_SharedSamples(string file, bool expected) =>
        Assert.Equal(expected, Parser.ClaimsSharedSample(file));

    [Theory]
    [InlineData("/r/a.json", "[{\"number\": 1, \"state\": \"open\", \"dependency\": {}, \"security_advisory\": {}}]", true)]
    [InlineData("/r/a.txt", "[{\"number\": 1, \"state\": \"open\", \"dependency\": {}, \"security_advisory\": {}}]", false)]
    [InlineData("/r/a.json", "[{\"number\": 1, \"rule\": {}, \"most_recent_instance\": {}}]", false)]
    [InlineData("/r/a.json", "{\"data\": {\"repository\": {\"vulnerabilityAlerts\": {\"nodes\": []}}}}", true)]
    [InlineData("/r/a.json", "{\"vulnerabilityAlerts\": {\"nodes\": []}}", false)]
    public void CanParse_Content(string path, string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_GraphQlAlert_PurlFromEcosystemAndPinnedRequirementWithAllFields()
    {
        var result = await Parser.ParseTestDataAsync("Dependabot", "github-vuln-version.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(("github-dependabot/json", "GitHub Dependabot", null, null), (report.Format, report.Tool, report.ToolVersion, report.Target));
        var finding = Assert.Single(report.Findings);
        Assert.Equal((AssetKind.Package, "pkg:maven/org.springframework/spring-web@5.3.29", "org.springframework:spring-web", "5.3.29"), (finding.Asset.Kind, finding.Asset.Key, finding.Asset.Name, finding.Asset.Version));
        Assert.Equal(["GHSA-4wrc-f8pq-fpqp", "CVE-2016-1000027"], finding.VulnerabilityIds);
        Assert.Null(finding.RuleId);
        Assert.Equal("Pivotal Spring Framework contains unsafe Java deserialization methods", finding.Title);
        Assert.Equal("critical", finding.Severity);
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", finding.CvssVector);
        Assert.Equal(["6.0.0"], finding.FixedVersions);
        Assert.Equal(new SourceLocation("sompath/pom.xml", null), finding.Location);
        Assert.Equal("RVA_kwDOLJyUo88AAAABQUWapw", finding.ToolFingerprint);
        Assert.Equal("/data/repository/vulnerabilityAlerts/nodes/0", finding.ReportPointer);
        Assert.StartsWith("Vulnerable versions: < 6.0.0\n\nPivotal Spring Framework before 6.0.0", finding.Description, StringComparison.Ordinal);
        Assert.Empty(finding.Cwes);
    }

    [Fact]
    public async Task Parse_GraphQlWithoutEcosystem_VersionlessPackageCwesAndRepositoryFromUrl()
    {
        var result = await Parser.ParseTestDataAsync("Dependabot", "github_multi_cwe_fabricated.json");

        var report = result.Report!;
        Assert.Equal("example/repo", report.Target);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("com.example:example@", null), (finding.Asset.Key, finding.Asset.Purl));
        Assert.Equal(["CWE-79", "CWE-89"], finding.Cwes);
        Assert.Null(finding.CvssVector);
        Assert.Empty(finding.FixedVersions);
        Assert.Equal(new SourceLocation("pom.xml", null), finding.Location);
    }

    [Fact]
    public async Task Parse_FixedAlert_SkippedWithInfoNote()
    {
        var result = await Parser.ParseTestDataAsync("Dependabot", "github_shiro.json");

        Assert.Empty(result.Report!.Findings);
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Info, "/data/repository/vulnerabilityAlerts/nodes/0"), (note.Severity, note.Location));
        Assert.Contains("org.apache.shiro:shiro-core", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_SearchOverSeveralRepositories_DismissedAlertsKeptAndRepositoryInLocation()
    {
        var result = await Parser.ParseTestDataAsync("Dependabot", "github_issue2984.json");

        var report = result.Report!;
        Assert.Null(report.Target);
        Assert.Equal(4, report.Findings.Count);
        var first = report.Findings[0];
        Assert.Equal(("xxxxxxxx@", "medium", "XXXXXXXXXXXXXXX"), (first.Asset.Key, first.Severity, first.Title));
        Assert.Equal(["DSFAFSDFASFDSAFASD", "ADFSFDSAFASD"], first.VulnerabilityIds);
        Assert.Equal(new SourceLocation("xxxx", null), first.Location);
        Assert.Equal("/data/search/nodes/0/vulnerabilityAlerts/nodes/0", first.ReportPointer);
        Assert.All(report.Findings, f => Assert.StartsWith("Alert dismissed on GitHub.", f.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parse_RestAlerts_AllFieldsStatesAndSkippedRecords()
    {
        var result = await Parser.ParseTestDataAsync("Dependabot", "rest-alerts.json");

        var report = result.Report!;
        Assert.Equal("octo-org/hello-world", report.Target);
        Assert.Equal(
            ["pkg:npm/%40babel/traverse /0", "pkg:pypi/django /1", "pkg:golang/golang.org/x/net /3"],
            report.Findings.Select(f => $"{f.Asset.Key} {f.ReportPointer}"));

        var babel = report.Findings[0];
        Assert.Equal(["GHSA-67hx-6x53-jw92", "CVE-2023-45133"], babel.VulnerabilityIds);
        Assert.Equal("critical", babel.Severity);
        Assert.Equal(["CWE-184", "CWE-697"], babel.Cwes);
        Assert.Equal("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", babel.CvssVector);
        Assert.Equal(["7.23.2"], babel.FixedVersions);
        Assert.Equal(new SourceLocation("web/package-lock.json", null), babel.Location);
        Assert.Equal("https://github.com/octo-org/hello-world/security/dependabot/3", babel.ToolFingerprint);
        Assert.Null(babel.Asset.Version);

        var django = report.Findings[1];
        Assert.Equal(("high", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"), (django.Severity, django.CvssVector));
        Assert.StartsWith("Alert dismissed on GitHub (tolerable_risk): This alert is accurate but we use a sanitizer.\n\nVulnerable versions: >= 2.0.0, < 2.0.2", django.Description, StringComparison.Ordinal);
        Assert.StartsWith("Alert auto-dismissed on GitHub.", report.Findings[2].Description, StringComparison.Ordinal);
        Assert.Equal(["GHSA-4374-p667-p6c8"], report.Findings[2].VulnerabilityIds);

        Assert.Equal(
            [(DiagnosticSeverity.Info, "/2"), (DiagnosticSeverity.Warning, "/4")],
            result.Diagnostics.Select(d => (d.Severity, d.Location)));
    }

    [Fact]
    public async Task Parse_GraphQlStateFromDatesAndExactVersionOnlyWhenPinned()
    {
        var result = await Parser.ParseTextAsync(TextPath, "{\"data\": {\"repository\": {\"nameWithOwner\": \"o/r\", \"vulnerabilityAlerts\": {\"nodes\": ["
            + "{\"id\": \"a\", \"fixedAt\": \"2024-01-01T00:00:00Z\", \"securityVulnerability\": {\"package\": {\"name\": \"x\", \"ecosystem\": \"NPM\"}}},"
            + "{\"id\": \"b\", \"vulnerableRequirements\": \">= 1.0, < 2.0\", \"securityVulnerability\": {\"severity\": \"LOW\", \"package\": {\"name\": \"y\", \"ecosystem\": \"NPM\"}}},"
            + "{\"id\": \"c\", \"vulnerableRequirements\": \"= 4.17.19\", \"securityVulnerability\": {\"package\": {\"name\": \"lodash\", \"ecosystem\": \"NPM\"}}},"
            + "{\"id\": \"d\", \"securityVulnerability\": {\"package\": {\"ecosystem\": \"NPM\"}}}"
            + "]}}}}");

        var report = result.Report!;
        Assert.Equal("o/r", report.Target);
        Assert.Equal(["pkg:npm/y low", "pkg:npm/lodash@4.17.19 "], report.Findings.Select(f => $"{f.Asset.Key} {f.Severity}"));
        Assert.Equal(
            [(DiagnosticSeverity.Info, "/data/repository/vulnerabilityAlerts/nodes/0"), (DiagnosticSeverity.Warning, "/data/repository/vulnerabilityAlerts/nodes/3")],
            result.Diagnostics.Select(d => (d.Severity, d.Location)));
    }

    public static TheoryData<string, string?> Invalid => new()
    {
        { "{\"data\": {\"repository\": {\n\"vulnerabilityAlerts\": {\"nodes\": [}}}}", "2:35" },
        { "{\"data\": {\"repository\": {\"name\": \"r\"}}}", null },
        { "{\"auditReportVersion\": 2, \"vulnerabilities\": {}}", null },
        { "[{\"id\": \"GHSA-1\", \"affected\": []}]", null },
        { "\"text\"", null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string? location)
    {
        var result = await Parser.ParseTextAsync(TextPath, text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(location is null ? DiagnosticCodes.UnsupportedFormat : DiagnosticCodes.InvalidJson, error.Code);
        Assert.Equal(location, error.Location);
    }
}
