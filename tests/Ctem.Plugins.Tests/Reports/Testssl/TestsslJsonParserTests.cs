using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Testssl;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Testssl;

public sealed class TestsslJsonParserTests
{
    private const string TextPath = "/r/testssl.json";

    private static readonly TestsslJsonParser Parser = new();

    [Theory]
    [InlineData("[\n {\n  \"id\": \"service\",\n  \"ip\": \"a.example/10.0.0.1\",\n  \"port\": \"443\",\n  \"severity\": \"INFO\",\n  \"finding\": \"HTTP\"\n }\n]", true)]
    [InlineData("{\"Invocation\": \"testssl.sh --jsonfile-pretty x\", \"scanResult\": []}", false)]
    [InlineData("{\"@version\": \"2.9.0\", \"@generated\": \"x\", \"site\": []}", false)]
    [InlineData("[{\"id\": \"GHSA-xxxx\", \"severity\": \"HIGH\", \"package\": \"x\"}]", false)]
    public void CanParse_Heads(string head, bool expected) => Assert.Equal(expected, Parser.CanParse("/r/x.json", Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void CanParse_Fixture() => Assert.True(Parser.ClaimsFile(ReportParserHarness.TestDataPath("Testssl", "testssl-fabricated-from-csv.json")));

    [SkippableTheory]
    [InlineData("zap")]
    [InlineData("nmap")]
    [InlineData("nuclei")]
    [InlineData("trivy")]
    [InlineData("grype")]
    [InlineData("sarif")]
    [InlineData("semgrep")]
    [InlineData("osv-scanner")]
    [InlineData("snyk")]
    [InlineData("httpx")]
    [InlineData("naabu")]
    [InlineData("masscan")]
    [InlineData("npm-audit")]
    public void CanParse_OtherScannersSamples_AreNotClaimed(string directory)
    {
        RepoPaths.RequireShared();
        var files = Directory.GetFiles(RepoPaths.SharedData("scanners", directory));
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(Parser.ClaimsFile(f), f));
    }

    // The fixture is fabricated (see testdata/NOTICE.md). Counted with python3 json: 16 checks, 6 rated LOW/MEDIUM/HIGH/
    // CRITICAL of which one has no port (skipped, warning), 1 FATAL (warning) → 5 findings on 3 distinct ip:port.
    [Fact]
    public async Task Parse_FabricatedFlatReport_FindingsAssetsAndWarnings()
    {
        var result = await Parser.ParseTestDataAsync("Testssl", "testssl-fabricated-from-csv.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("testssl/json", "testssl.sh", null), (report.Format, report.Tool, report.ToolVersion));
        Assert.Equal(
            [
                "overall_grade medium tcp://127.0.0.1:443 [] [] /7",
                "DROWN high tcp://185.199.109.153:443 [CVE-2016-0800,CVE-2016-0703] [CWE-310] /10",
                "BREACH high tcp://185.199.108.153:443 [CVE-2013-3587] [CWE-310] /11",
                "BREACH high tcp://185.199.109.153:443 [CVE-2013-3587] [CWE-310] /12",
                "LUCKY13 low tcp://185.199.108.153:443 [CVE-2013-0169] [CWE-310] /13",
            ],
            report.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Asset.Key} [{string.Join(',', f.VulnerabilityIds)}] [{string.Join(',', f.Cwes)}] {f.ReportPointer}"));
        Assert.Equal("DROWN: vulnerable to DROWN on this host and port", report.Findings[1].Title);
        Assert.Equal("www.defectdojo.org/185.199.109.153:443/tcp", report.Findings[1].Asset.Name);
        Assert.Equal(["tcp://127.0.0.1:443", "tcp://185.199.109.153:443", "tcp://185.199.108.153:443"], report.Assets.Select(a => a.Key));
        Assert.Equal(["/14", "/15"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("Can't connect", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_HintAndIpv6WithoutName_AreKept()
    {
        var result = await Parser.ParseTextAsync(TextPath, "[{\"id\": \"HSTS\", \"ip\": \"/2001:db8::1\", \"port\": \"8443\", \"severity\": \"LOW\", \"hint\": \"set the header\", \"finding\": \"not offered\"}]");

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal(("tcp://[2001:db8::1]:8443", "low"), (finding.Asset.Key, finding.Severity));
        Assert.Equal("not offered\n\nHint: set the header", finding.Description);
    }

    /// <summary>Bug: testssl.sh 3.0's name of the CBC-suite check did not merge with 3.2's and ctem discover's.</summary>
    [Theory]
    [InlineData("cipherlist_AVERAGE", "cipherlist_OBSOLETED")]
    [InlineData("cipherlist_OBSOLETED", "cipherlist_OBSOLETED")]
    [InlineData("cipherlist_3DES_IDEA", "cipherlist_3DES_IDEA")]
    public async Task Parse_CheckRenamedSince30_ReadUnderTheCurrentName(string id, string expected)
    {
        var result = await Parser.ParseTextAsync(TextPath, $"[{{\"id\": \"{id}\", \"ip\": \"/127.0.0.1\", \"port\": \"8443\", \"severity\": \"LOW\", \"finding\": \"offered\"}}]");

        Assert.Equal(expected, Assert.Single(result.Report!.Findings).RuleId);
    }

    [Theory]
    [InlineData("[{\"id\": \"x\",\n \"severity\": }]", DiagnosticCodes.InvalidJson, "2:14", "invalid JSON")]
    [InlineData("{\"Invocation\": \"testssl.sh\", \"scanResult\": []}", DiagnosticCodes.UnsupportedFormat, "", "--jsonfile-pretty")]
    [InlineData("[{\"id\": \"CVE-1\", \"package\": \"x\"}]", DiagnosticCodes.UnsupportedFormat, "", "not a testssl.sh JSON report")]
    public async Task Parse_Invalid_FailsWithPlace(string text, string code, string location, string message)
    {
        var result = await Parser.ParseTextAsync(TextPath, text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, location), (error.Code, error.Location));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
