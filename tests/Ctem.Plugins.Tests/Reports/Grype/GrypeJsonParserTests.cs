using System.Text;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Grype;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Grype;

public sealed class GrypeJsonParserTests
{
    private static readonly GrypeJsonParser Parser = new();

    [Theory]
    [InlineData("{\"matches\": [{\"vulnerability\": {\"id\": \"CVE-2021-1\"}, \"artifact\": {}}]}", true)]
    [InlineData("{\n \"matches\": [\n  {\n   \"vulnerability\": {\n    \"id\": \"CVE-20", true)]
    [InlineData("\uFEFF{\"matches\": [{\"artifact\": {\"name\": \"x\"}}]}", true)]
    [InlineData("{\"descriptor\": {\"name\": \"grype\"}, \"distro\": {}, \"matches\": [{\"artifact\": {}}]}", true)]
    [InlineData("{\"matches\":[],\"source\":{\"type\":\"unknown\",\"target\":\"unknown\"},\"descriptor\":{\"name\":\"grype\"}}", true)]
    [InlineData("{\"matches\": []}", false)]
    [InlineData("{\"matches\": [{\"rule\": \"x\"}]}", false)]
    [InlineData("{\"matches\": [\"CVE-2021-1\"]}", false)]
    [InlineData("{\"bomFormat\": \"CycloneDX\", \"metadata\": {\"tools\": {\"components\": [{\"name\": \"grype\"}]}}}", false)]
    [InlineData("{\"results\": [{\"source\": {\"path\": \"go.mod\"}, \"packages\": []}]}", false)]
    [InlineData("{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"x\"}]}", false)]
    [InlineData("[{\"matches\": [{\"vulnerability\": {}}]}]", false)]
    [InlineData("matches vulnerability artifact", false)]
    [InlineData("", false)]
    public void CanParse_Head_ClaimsOnlyGrypeJson(string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse("report.json", Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_PresenterImage_ReadsEveryField()
    {
        var result = await Parser.ParseTestDataAsync("Grype", "presenter-image.json");
        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("grype/json", "Grype", (string?)null, "user-input"), (report.Format, report.Tool, report.ToolVersion, report.Target));
        Assert.Equal(
            [
                ("rpm:package-1@1.1.1", "CVE-1999-0001", "low", "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:H", "1.2.1 2.1.3 3.4.0", "/foo/bar/somefile-1.txt", "/matches/0"),
                ("deb:package-2@2.2.2", "CVE-1999-0002", "critical", "CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:C/C:H/I:H/A:H", "", "/foo/bar/somefile-2.txt", "/matches/1"),
            ],
            report.Findings.Select(f => (f.Asset.Key, string.Join(' ', f.VulnerabilityIds), f.Severity, f.CvssVector, string.Join(' ', f.FixedVersions), f.Location?.Path, f.ReportPointer)));
        Assert.All(report.Findings, f => Assert.Null(f.Asset.Purl));
        Assert.Equal(["CVE-1999-0001 in package-1 1.1.1", "CVE-1999-0002 in package-2 2.2.2"], report.Findings.Select(f => f.Title));

        // The golden file's 'pkg:deb/package-2@2.2.2' has no namespace, which a deb purl needs.
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.InvalidPurl, "/matches/1/artifact/purl"), (warning.Severity, warning.Code, warning.Location));
    }

    [Fact]
    public async Task Parse_RelatedVulnerabilities_AddIdsAndTheirCvss()
    {
        var result = await Parser.ParseTestDataAsync("Grype", "related-ids.json");
        var report = result.Report!;
        Assert.Empty(result.Diagnostics);
        Assert.Equal(("0.28.0", "vulnerable-image:latest"), (report.ToolVersion, report.Target));
        var finding = Assert.Single(report.Findings);
        Assert.Equal("pkg:pypi/django@3.2.9", finding.Asset.Key);
        Assert.Equal(["GHSA-v6rh-hp5x-86rv", "CVE-2021-44420"], finding.VulnerabilityIds);
        Assert.Equal("high", finding.Severity);

        // The GHSA record has no CVSS; the related NVD record gives v2.0 and v3.1, and the newer one wins.
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L", finding.CvssVector);
        Assert.Equal(["3.2.10"], finding.FixedVersions);
        Assert.StartsWith("Potential bypass of an upstream access control", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_OsPackageWithoutDistroQualifier_TakesTheReportsDistro()
    {
        var result = await Parser.ParseTestDataAsync("Grype", "same-cve-different-paths.json");
        var findings = result.Report!.Findings;
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [
                ("pkg:deb/debian/libc6@2.28-10?arch=amd64&distro=debian-10", "/usr/lib/x86_64-linux-gnu/libc.so.6"),
                ("pkg:deb/debian/libc6@2.28-10?arch=amd64&distro=debian-10", "/lib/x86_64-linux-gnu/libc.so.6"),
            ],
            findings.Select(f => (f.Asset.Purl?.ToString(), f.Location?.Path)));
        Assert.All(findings, f => Assert.Equal("pkg:deb/debian/libc6@2.28-10", f.Asset.Key));
        Assert.Equal("Debian:10", Ecosystems.FromPurl(findings[0].Asset.Purl!));
    }

    [Fact]
    public async Task Parse_EmptyReport_HasNoFindings()
    {
        var result = await Parser.ParseTestDataAsync("Grype", "presenter-empty.json");
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Report!.Findings);
        Assert.Equal("unknown", result.Report.Target);
    }

    // DefectDojo issue 9942: a binary classifier's version "17.0.10+7\u0000-J-ms8m", NUL included (a database refuses it).
    [Fact]
    public async Task Parse_NulInArtifactVersion_CutsThereAndWarns()
    {
        var result = await Parser.ParseJsonAsync(Match(artifact: """{"name": "java", "version": "17.0.10+7\u0000-J-ms8m", "type": "binary", "purl": "pkg:generic/java@17.0.10%2B7\u0000-J-ms8m"}"""));
        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(("pkg:generic/java@17.0.10%2B7", "17.0.10+7"), (finding.Asset.Key, finding.Asset.Version));
        Assert.Equal("CVE-2009-3882 in java 17.0.10+7", finding.Title);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnparsableVersion, "/matches/0/artifact/version"), (warning.Code, warning.Location));
    }

    // Grype before 0.8 (DefectDojo's many_vulns*.json, Grype 0.7.0): cvssV2/cvssV3 objects and one fixedInVersion.
    [Fact]
    public async Task Parse_Grype07Shape_ReadsCvssObjectsAndFixedInVersion()
    {
        var result = await Parser.ParseJsonAsync(Match(vulnerability: """
            {"id": "CVE-2021-3156", "severity": "High", "fixedInVersion": "1.8.27-1+deb10u3",
             "cvssV2": {"baseScore": 7.2, "vector": "AV:L/AC:L/Au:N/C:C/I:C/A:C"},
             "cvssV3": {"baseScore": 7.8, "vector": "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"}}
            """));
        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", finding.CvssVector);
        Assert.Equal(["1.8.27-1+deb10u3"], finding.FixedVersions);
    }

    [Theory]
    [InlineData("\"fix\": {\"versions\": [\"1.2\", \"2.0\"], \"state\": \"fixed\"}", "1.2 2.0")]
    [InlineData("\"fix\": {\"versions\": [\"1.2\"], \"state\": \"\"}", "1.2")]
    [InlineData("\"fix\": {\"versions\": [\"fix_1\", \"fix_2\"], \"state\": \"wont-fix\"}", "")]
    [InlineData("\"fix\": {\"versions\": [], \"state\": \"not-fixed\"}", "")]
    [InlineData("\"fix\": {\"versions\": [\"1.2\", null, \"\", \"1.2\"], \"state\": \"fixed\"}", "1.2")]
    public async Task Parse_FixState_DecidesFixedVersions(string fix, string expected)
    {
        var result = await Parser.ParseJsonAsync(Match(vulnerability: $$"""{"id": "CVE-2021-1", "severity": "Medium", {{fix}}}"""));
        Assert.Equal(expected, string.Join(' ', result.Report!.Findings[0].FixedVersions));
    }

    [Theory]
    [InlineData("Negligible", "low")]
    [InlineData("Unknown", "medium")]
    [InlineData("", "medium")]
    [InlineData("Critical", "critical")]
    public async Task Parse_Severity_NormalisedWithRelatedAsFallback(string severity, string expected)
    {
        var related = """[{"id": "CVE-2021-1", "severity": "Medium"}]""";
        var result = await Parser.ParseJsonAsync(Match(vulnerability: $$"""{"id": "GHSA-xxxx-yyyy-zzzz", "severity": "{{severity}}"}""", related: related));
        Assert.Equal(expected, result.Report!.Findings[0].Severity);
    }

    [Fact]
    public async Task Parse_RelatedIdSameAsPrimary_ListedOnce()
    {
        var result = await Parser.ParseJsonAsync(Match(vulnerability: """{"id": "CVE-2004-0971"}""", related: """[{"id": "CVE-2004-0971"}, {"id": " "}, {}]"""));
        Assert.Equal(["CVE-2004-0971"], result.Report!.Findings[0].VulnerabilityIds);
    }

    [Fact]
    public async Task Parse_TargetAsString_AndToolVersion()
    {
        var result = await Parser.ParseJsonAsync("""{"matches": [], "source": {"type": "directory", "target": "/src"}, "descriptor": {"name": "grype", "version": "0.104.0"}}""");
        Assert.Equal(("0.104.0", "/src"), (result.Report!.ToolVersion, result.Report.Target));
    }

    [Fact]
    public async Task Parse_BadMatches_SkippedWithWarnings()
    {
        var json = $$$"""{"matches": [null, {"vulnerability": {"severity": "High"}, "artifact": {"name": "x"}}, {"vulnerability": {"id": "CVE-2021-1"}, "artifact": {"version": "1"}}, {{{Item()}}}]}""";
        var result = await Parser.ParseJsonAsync(json);
        Assert.Equal(["/matches/3"], result.Report!.Findings.Select(f => f.ReportPointer));
        Assert.Equal(["/matches/0", "/matches/1", "/matches/2"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Theory]
    [InlineData("{\"matches\": [", DiagnosticCodes.InvalidJson, "1:14")]
    [InlineData("[]", DiagnosticCodes.UnsupportedFormat, "/matches")]
    [InlineData("{\"matches\": {}}", DiagnosticCodes.UnsupportedFormat, "/matches")]
    [InlineData("{\"descriptor\": {\"name\": \"grype\"}}", DiagnosticCodes.UnsupportedFormat, "/matches")]
    public async Task Parse_NotAReport_FailsWithPlace(string json, string code, string location)
    {
        var result = await Parser.ParseJsonAsync(json);
        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, code, location, "report.json"), (error.Severity, error.Code, error.Location, error.Path));
    }

    [Fact]
    public void Registered_AsReportParser() =>
        Assert.Contains(BuiltInPlugins.ReportParsers, p => p is GrypeJsonParser);

    /// <summary>Every Grype JSON report of the shared data parses without an error, one finding per match.</summary>
    [SkippableFact]
    public async Task Parse_EverySharedGrypeReport_OneFindingPerMatch()
    {
        RepoPaths.RequireShared();
        var reports = LooseGrypeJson().Select(f => (Name: Path.GetFileName(f), Content: File.ReadAllBytes(f)))
            .Concat(ReportParserHarness.SharedArchiveEntries("anchore_grype/"))
            .ToList();
        Assert.Equal(16 + 16, reports.Count);
        foreach (var (name, content) in reports)
        {
            Assert.True(Parser.Claims(name, content), name);
            var result = await Parser.ParseAsync(name, content);
            Assert.True(result.Report is not null, $"{name}: {string.Join("; ", result.Diagnostics)}");
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);

            // Counted without the parser: the length of 'matches'.
            using var document = JsonDocument.Parse(content);
            Assert.Equal(document.RootElement.GetProperty("matches").GetArrayLength(), result.Report.Findings.Count);
            Assert.All(result.Report.Findings, f => Assert.DoesNotContain('\0', f.Asset.Key));
        }
    }

    /// <summary>Of all the shared scanner outputs, the parser claims the Grype JSON reports and nothing else (not Grype's CycloneDX).</summary>
    [SkippableFact]
    public void CanParse_SharedScannerOutputs_ClaimsOnlyGrypeJson()
    {
        RepoPaths.RequireShared();
        var expected = LooseGrypeJson()
            .Select(f => Path.GetRelativePath(ReportParserHarness.SharedScanners, f))
            .Concat(ReportParserHarness.SharedArchiveEntries("anchore_grype/").Select(e => "zip:" + e.Name));
        Assert.Equal(expected.Order(StringComparer.Ordinal), ReportParserHarness.SharedOutputsClaimedBy(Parser));
    }

    private static IEnumerable<string> LooseGrypeJson() =>
        Directory.GetFiles(Path.Combine(ReportParserHarness.SharedScanners, "grype"), "*.json").Where(f => !f.EndsWith(".cdx.json", StringComparison.Ordinal));

    private static string Match(string? vulnerability = null, string? artifact = null, string? related = null) =>
        $$$"""{"matches": [{{{Item(vulnerability, artifact, related)}}}], "distro": {"name": "debian", "version": "10"}}""";

    private static string Item(string? vulnerability = null, string? artifact = null, string? related = null) =>
        $$"""
        {"vulnerability": {{vulnerability ?? """{"id": "CVE-2009-3882", "severity": "High"}"""}},
         "relatedVulnerabilities": {{related ?? "[]"}},
         "artifact": {{artifact ?? """{"name": "bash", "version": "5.0-4", "type": "deb", "purl": "pkg:deb/debian/bash@5.0-4?arch=amd64"}"""}}}
        """;
}
