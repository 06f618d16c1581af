using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Nuclei;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Nuclei;

public sealed class NucleiParserTests
{
    private const string TextPath = "/r/nuclei.jsonl";

    private static readonly NucleiParser Parser = new();

    // Counted with python3: json.loads of the whole file when it starts with "[", else one json.loads per non-blank
    // line. The two empty files (0 bytes) are empty reports, which no head can be recognised from.
    public static TheoryData<string, int, bool> SharedSamples => new()
    {
        { "defectdojo__empty.jsonl", 0, false },
        { "defectdojo__invalid_cwe.json", 1, true },
        { "defectdojo__issue_9201.json", 1, true },
        { "defectdojo__many_findings.json", 18, true },
        { "defectdojo__many_findings_new.json", 2, true },
        { "defectdojo__many_findings_third.json", 2, true },
        { "defectdojo__multi_cwe_fabricated.json", 1, true },
        { "defectdojo__multiple_matches.json", 2, true },
        { "defectdojo__multiple_v3.json", 6, true },
        { "defectdojo__no_findings.json", 0, false },
    };

    [SkippableTheory]
    [MemberData(nameof(SharedSamples))]
    public async Task Parse_SharedSample_FindingCount(string name, int expected, bool recognisable)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "nuclei", name);

        Assert.Equal(recognisable, Parser.ClaimsFile(path));
        var result = await Parser.ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, report.Findings.Count);
        Assert.Equal(("nuclei/jsonl", "nuclei"), (report.Format, report.Tool));
    }

    [SkippableFact]
    public void CanParse_OtherScannersSamples_AreNotClaimed()
    {
        RepoPaths.RequireShared();
        var others = ReportParserHarness.SharedFilesOfOtherTools("nuclei");

        Assert.NotEmpty(others);
        Assert.DoesNotContain(others, f => Parser.ClaimsFile(f));
    }

    [Theory]
    [InlineData("{\"template-id\":\"x\",\"info\":{}}", true)]
    [InlineData("[\n  {\n    \"templateID\": \"x\", \"info\": {}", true)]
    [InlineData("{\"template-id\":\"x\"}", false)]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"nuclei\"}}}], \"info\": 1}", false)]
    [InlineData("", false)]
    public void CanParse_Head_Decides(string head, bool expected) =>
        Assert.Equal(expected, Parser.CanParse("/r/x.json", Encoding.UTF8.GetBytes(head)));

    [Fact]
    public async Task Parse_JsonLines_NetworkCveAndHttpExposure()
    {
        var result = await Parser.ParseTestDataAsync("Nuclei", "defectdojo__many_findings_new.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("https://nuclei-example.com", report.Target);
        var cve = report.Findings[0];
        Assert.Equal((AssetKind.Endpoint, "tcp://nuclei-example.com:22"), (cve.Asset.Kind, cve.Asset.Key));
        Assert.Equal(["CVE-2018-15473"], cve.VulnerabilityIds);
        Assert.Equal(("CVE-2018-15473", "OpenSSH Username Enumeration v7.7", "medium"), (cve.RuleId, cve.Title, cve.Severity));
        Assert.Equal(["CWE-362"], cve.Cwes);
        Assert.Equal("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", cve.CvssVector);
        Assert.Equal("line 1", cve.ReportPointer);
        Assert.Null(cve.Location);

        var exposure = report.Findings[1];
        Assert.Equal((AssetKind.Url, "https://nuclei-example.com/metrics"), (exposure.Asset.Kind, exposure.Asset.Key));
        Assert.Equal(("prometheus-metrics", "low", "line 2"), (exposure.RuleId, exposure.Severity, exposure.ReportPointer));
        Assert.Empty(exposure.VulnerabilityIds);
    }

    [Fact]
    public async Task Parse_JsonExportArray_TwoCwes()
    {
        var result = await Parser.ParseTestDataAsync("Nuclei", "defectdojo__multi_cwe_fabricated.json");

        var finding = Assert.Single(Assert.IsType<ScannerReport>(result.Report).Findings);
        Assert.Equal(("https://example.com/login", "multi-cwe-template", "high", "/0"), (finding.Asset.Key, finding.RuleId, finding.Severity, finding.ReportPointer));
        Assert.Equal(["CVE-2021-0001"], finding.VulnerabilityIds);
        Assert.Equal(["CWE-79", "CWE-89"], finding.Cwes);
    }

    [Fact]
    public async Task Parse_Version2Names_MatchedEndpointAndNoBogusCwe()
    {
        var result = await Parser.ParseTestDataAsync("Nuclei", "defectdojo__invalid_cwe.json");

        var finding = Assert.Single(Assert.IsType<ScannerReport>(result.Report).Findings);
        Assert.Equal(("tcp://nuclei-example.com:3306", "mysql-native-password-bruteforce", "info"), (finding.Asset.Key, finding.RuleId, finding.Severity));
        Assert.Empty(finding.Cwes);
    }

    [Fact]
    public async Task Parse_MatcherNamesHostsAndBadLines()
    {
        const string Text =
            "{\"template-id\":\"tech-detect\",\"matcher-name\":\"nginx\",\"info\":{\"name\":\"Tech\",\"severity\":\"info\"},\"host\":\"a.example\",\"matched-at\":\"https://a.example/\"}\n" +
            "{\"template-id\":\"tech-detect\",\"matcher-name\":\"php\",\"info\":{\"name\":\"Tech\",\"severity\":\"info\"},\"host\":\"a.example\",\"matched-at\":\"https://a.example/\"}\n" +
            "{\"template-id\":\"broken\", \"info\": {\n" +
            "\r\n" +
            "{\"template-id\":\"dns-x\",\"info\":{\"name\":\"Dns\",\"severity\":\"unknown\"},\"type\":\"dns\",\"host\":\"www.Example.org\",\"matched-at\":\"www.Example.org\"}\r\n" +
            "{\"template-id\":\"ssl\",\"info\":{\"name\":\"Tls\",\"severity\":\"high\",\"classification\":{\"cve-id\":\"cve-2014-0160\",\"cwe-id\":\"CWE-119\"}},\"host\":\"[::1]\",\"matched-at\":\"[::1]:443\"}\n" +
            "{\"info\":{\"name\":\"no id\"},\"host\":\"h\"}\n" +
            "[1]\n";
        var result = await Parser.ParseTextAsync(TextPath, Text);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(
            [
                "https://a.example/ tech-detect:nginx info line 1",
                "https://a.example/ tech-detect:php info line 2",
                "host:www.example.org dns-x  line 5",
                "tcp://[::1]:443 ssl high line 6",
            ],
            report.Findings.Select(f => $"{f.Asset.Key} {f.RuleId} {f.Severity} {f.ReportPointer}"));
        Assert.Equal(["CVE-2014-0160"], report.Findings[3].VulnerabilityIds);
        Assert.Equal(["CWE-119"], report.Findings[3].Cwes);
        Assert.Null(report.Target);
        Assert.Equal(["3:35", "line 7", "line 8"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(DiagnosticCodes.RecordSkipped, result.Diagnostics[0].Code);
    }

    public static TheoryData<string, string, string?> Invalid => new()
    {
        { "[{\"template-id\": \"x\",\n \"info\": }]", DiagnosticCodes.InvalidJson, "2:10" },
        { "{\"bomFormat\": \"CycloneDX\"}\n", DiagnosticCodes.UnsupportedFormat, null },
        { "{\"template-id\": \n", DiagnosticCodes.UnsupportedFormat, null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string? location)
    {
        var result = await Parser.ParseTextAsync(TextPath, text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((code, location, "/r/nuclei.jsonl"), (error.Code, error.Location, error.Path));
    }

    [Fact]
    public async Task Parse_InvalidUtf8_Fails()
    {
        var result = await Parser.ParseAsync(TextPath, [.. "{\"template-id\":\""u8, 0xC3, 0x28, (byte)'"', (byte)'}']);

        Assert.Null(result.Report);
        Assert.Contains("UTF-8", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }
}
