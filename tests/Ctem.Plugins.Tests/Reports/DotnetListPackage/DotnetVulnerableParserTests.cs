using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.DotnetListPackage;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.DotnetListPackage;

public sealed class DotnetVulnerableParserTests
{
    private const string TextPath = "/r/vulnerable.json";

    private static readonly DotnetVulnerableParser Parser = new();

    // Counted with python3: per project, the set of (lower-cased id, resolvedVersion, advisoryurl) over all frameworks'
    // topLevelPackages and transitivePackages, summed over projects.
    [SkippableTheory]
    [InlineData("defectdojo__dotnet_vulnerable_many_vuln.json", 4)]
    [InlineData("defectdojo__dotnet_vulnerable_no_vuln.json", 0)]
    [InlineData("defectdojo__dotnet_vulnerable_one_vuln.json", 1)]
    public async Task Parse_SharedSamples_FindingCounts(string file, int expected)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "dotnet-list-package-vulnerable", file);

        var result = await Parser.ParseFileAsync(path);

        Assert.True(Parser.ClaimsFile(path));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Report!.Findings.Count);
    }

    [SkippableTheory]
    [InlineData("dotnet-list-package-vulnerable/defectdojo__dotnet_vulnerable_no_vuln.json", true)]
    [InlineData("npm-audit/defectdojo__one_vuln.json", false)]
    [InlineData("github-dependabot/defectdojo__github-vuln-version.json", false)]
    [InlineData("cyclonedx-vex/defectdojo__log4j.json", false)]
    [InlineData("trivy/defectdojo__all_statuses.json", false)]
    [InlineData("grype/defectdojo__check_all_fields.json", false)]
    [InlineData("osv-scanner/defectdojo__some_findings.json", false)]
    [InlineData("sarif/defectdojo__appendix_k.sarif", false)]
    public void CanParse_SharedSamples(string file, bool expected) =>
        Assert.Equal(expected, Parser.ClaimsSharedSample(file));

    [Theory]
    [InlineData("/r/v.json", "{\"version\": 1, \"parameters\": \"--vulnerable\", \"projects\": []}", true)]
    [InlineData("/r/v.txt", "{\"version\": 1, \"parameters\": \"--vulnerable\", \"projects\": []}", false)]
    [InlineData("/r/v.json", "{\"version\": 1, \"parameters\": \"--outdated\", \"projects\": []}", false)]
    [InlineData("/r/v.json", "{\"projects\": [{\"path\": \"a.csproj\"}]}", false)]
    public void CanParse_Content(string path, string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse(path, Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_RealSample_NugetPurlsGhsaSeverityAndProjectLocation()
    {
        var result = await Parser.ParseTestDataAsync("DotnetListPackage", "many_vuln.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("dotnet-list-package/json", "dotnet", null, "/w/dotnet_both/sample.csproj"), (report.Format, report.Tool, report.ToolVersion, report.Target));
        Assert.Equal(
            [
                "pkg:nuget/Newtonsoft.Json@12.0.1 GHSA-5crp-9r3c-p9vr high",
                "pkg:nuget/System.Text.RegularExpressions@4.3.0 GHSA-cmhx-cq75-c4mj high",
                "pkg:nuget/System.Net.Http@4.1.0 GHSA-7jgj-8wvc-jh57 high",
                "pkg:nuget/System.Security.Cryptography.X509Certificates@4.1.0 GHSA-7mfr-774f-w5r9 high",
            ],
            report.Findings.Select(f => $"{f.Asset.Key} {string.Join(',', f.VulnerabilityIds)} {f.Severity}"));
        var transitive = report.Findings[2];
        Assert.Equal((AssetKind.Package, "4.1.0", "nuget"), (transitive.Asset.Kind, transitive.Asset.Version, transitive.Asset.Purl!.Type));
        Assert.Null(transitive.RuleId);
        Assert.Equal("System.Net.Http 4.1.0: GHSA-7jgj-8wvc-jh57", transitive.Title);
        Assert.Equal(new SourceLocation("/w/dotnet_both/sample.csproj", null), transitive.Location);
        Assert.Equal("/projects/0/frameworks/0/transitivePackages/0/vulnerabilities/0", transitive.ReportPointer);
        Assert.Equal("System.Net.Http 4.1.0 is a transitive dependency of /w/dotnet_both/sample.csproj for net8.0. Advisory: https://github.com/advisories/GHSA-7jgj-8wvc-jh57", transitive.Description);
        Assert.Contains("a direct reference (requested 12.0.1)", report.Findings[0].Description, StringComparison.Ordinal);
        Assert.All(report.Findings, f => Assert.Empty(f.FixedVersions));
    }

    [Fact]
    public async Task Parse_SameExposureInTwoFrameworksIsOneFindingButTwoProjectsOrVersionsAreTwo()
    {
        var result = await Parser.ParseTestDataAsync("DotnetListPackage", "two-projects-two-frameworks.json");

        var report = result.Report!;
        Assert.Null(report.Target);
        Assert.Equal(
            [
                "/src/Api/Api.csproj pkg:nuget/Newtonsoft.Json@12.0.1 high",
                "/src/Api/Api.csproj pkg:nuget/System.Net.Http@4.1.0 high",
                "/src/Api/Api.csproj pkg:nuget/System.Net.Http@4.3.0 high",
                "/src/Worker/Worker.csproj pkg:nuget/newtonsoft.json@12.0.1 critical",
            ],
            report.Findings.Select(f => $"{f.Location!.Path} {f.Asset.Key} {f.Severity}"));
        Assert.Contains("for net8.0, net48.", report.Findings[0].Description, StringComparison.Ordinal);
        Assert.Equal("/projects/0/frameworks/0/topLevelPackages/0/vulnerabilities/0", report.Findings[0].ReportPointer);
        Assert.Equal(
            [("", "/problems/0"), ("System.Net.Http", "/projects/0/frameworks/0/transitivePackages/0/vulnerabilities/1")],
            result.Diagnostics.Select(d => (d.Message.Contains("System.Net.Http", StringComparison.Ordinal) ? "System.Net.Http" : "", d.Location)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Parse_PackageWithoutResolvedVersion_SkippedWithWarning()
    {
        var result = await Parser.ParseTextAsync(TextPath, "{\"parameters\": \"--vulnerable\", \"projects\": [{\"frameworks\": []}, {\"path\": \"a.csproj\", \"frameworks\": [{\"framework\": \"net8.0\", \"topLevelPackages\": [{\"id\": \"X\", \"vulnerabilities\": [{\"advisoryurl\": \"https://github.com/advisories/GHSA-1\"}]}]}]}]}");

        Assert.Empty(result.Report!.Findings);
        Assert.Equal(["/projects/0", "/projects/1/frameworks/0/topLevelPackages/0"], result.Diagnostics.Select(d => d.Location));
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "{\"version\": 1,\n\"projects\": [", DiagnosticCodes.InvalidJson, "2:14" },
        { "{\"version\": 1, \"parameters\": \"--outdated\", \"projects\": []}", DiagnosticCodes.UnsupportedFormat, "/parameters" },
        { "{\"auditReportVersion\": 2, \"vulnerabilities\": {}}", DiagnosticCodes.UnsupportedFormat, null },
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
    }
}
