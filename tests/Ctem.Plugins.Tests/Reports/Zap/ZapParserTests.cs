using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Zap;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Zap;

public sealed class ZapParserTests
{
    private const string TextPath = "/r/zap-report";

    private static readonly ZapXmlParser XmlParser = new();
    private static readonly ZapJsonParser JsonParser = new();

    private static string Describe(ReportedFinding f) =>
        $"{f.RuleId} {f.Severity} {f.Asset.Key} [{string.Join(',', f.Cwes)}] {f.Location?.Pointer} {f.ToolFingerprint} {f.ReportPointer}";

    [Theory]
    [InlineData("5_zap_sample_one.xml", true, false)]
    [InlineData("zap-xml-plus-format.xml", true, false)]
    [InlineData("zap-traditional-fabricated.json", false, true)]
    public void CanParse_Testdata_OnlyItsOwnFormat(string name, bool xml, bool json) =>
        Assert.Equal((xml, json), (XmlParser.ClaimsFile(ReportParserHarness.TestDataPath("Zap", name)), JsonParser.ClaimsFile(ReportParserHarness.TestDataPath("Zap", name))));

    [SkippableTheory]
    [InlineData("nmap")]
    [InlineData("nuclei")]
    [InlineData("trivy")]
    [InlineData("grype")]
    [InlineData("sarif")]
    [InlineData("semgrep")]
    [InlineData("osv-scanner")]
    [InlineData("openvas")]
    [InlineData("tenable-nessus")]
    [InlineData("cyclonedx-vex")]
    [InlineData("httpx")]
    [InlineData("snyk")]
    public void CanParse_OtherScannersSamples_AreNotClaimed(string directory)
    {
        RepoPaths.RequireShared();
        var files = Directory.GetFiles(RepoPaths.SharedData("scanners", directory));
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(XmlParser.ClaimsFile(f) || JsonParser.ClaimsFile(f), f));
    }

    // Counted with python3 xml.etree: site/alerts/alertitem/instances/instance elements whose <uri> is an absolute http(s)
    // URL (all of them here). Assets = distinct normalised URLs (scheme and host lower-cased, default port dropped,
    // empty path "/") over the <site name> and the instance URIs.
    [SkippableTheory]
    [InlineData("defectdojo__0_zap_sample.xml", 12, 2)]
    [InlineData("defectdojo__0_zap_sample_without_zap3.xml", 11, 2)]
    [InlineData("defectdojo__1_zap_sample_0_and_new_absent.xml", 12, 2)]
    [InlineData("defectdojo__2_zap_sample_0_and_new_endpoint.xml", 13, 3)]
    [InlineData("defectdojo__3_zap_sampl_0_and_different_severities.xml", 12, 2)]
    [InlineData("defectdojo__5_zap_sample_one.xml", 6, 2)]
    [InlineData("defectdojo__dvwa_baseline_dojo.xml", 124, 26)]
    [InlineData("defectdojo__dvwa_baseline_dojo_fabricated_internal_duplicates.xml", 123, 21)]
    [InlineData("defectdojo__dvwa_baseline_dojo_fabricated_internal_duplicates_subset.xml", 75, 15)]
    [InlineData("defectdojo__dvwa_baseline_dojo_subset.xml", 97, 21)]
    [InlineData("defectdojo__empty_2.9.0.xml", 0, 1)]
    [InlineData("defectdojo__juicy2.xml", 86, 53)]
    [InlineData("defectdojo__some_2.9.0.xml", 17, 1)]
    [InlineData("defectdojo__zap-results-first-scan.xml", 130, 29)]
    [InlineData("defectdojo__zap-results-second-scan.xml", 126, 28)]
    [InlineData("defectdojo__zap-xml-plus-format.xml", 1, 2)]
    [InlineData("defectdojo__zap_2.16.1_with_req_resp.xml", 13, 12)]
    public async Task ParseXml_SharedSamples_CountsMatchIndependentCount(string file, int findings, int assets)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", "zap", file);
        Assert.True(XmlParser.ClaimsFile(path));

        var result = await XmlParser.ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal((findings, assets), (report.Findings.Count, report.Assets.Count));
    }

    [Fact]
    public async Task ParseXml_OneFindingPerInstanceWithParameterAndMethodAsLocation()
    {
        var result = await XmlParser.ParseTestDataAsync("Zap", "5_zap_sample_one.xml");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("zap/xml", "ZAP", "2.9.0", "https://mainsite.com"), (report.Format, report.Tool, report.ToolVersion, report.Target));
        Assert.Equal(
            [
                "10011 low https://mainsite.com/dashboard [CWE-614] param=opvc method=GET 10011 11:6",
                "10011 low https://mainsite.com/dashboard [CWE-614] param=dmid method=GET 10011 17:6",
                "10011 low https://mainsite.com/ [CWE-614] param=sitevisitscookie method=GET 10011 23:6",
                "10011 low https://mainsite.com/dashboard [CWE-614] param=opvc method=GET 10011 46:6",
                "10011 low https://mainsite.com/dashboard [CWE-614] param=dmid method=GET 10011 52:6",
                "10011 low https://mainsite.com/ [CWE-614] param=sitevisitscookie method=GET 10011 58:6",
            ],
            report.Findings.Select(Describe));
        var first = report.Findings[0];
        Assert.Equal(("zap1: Cookie Without Secure Flag", "https://mainsite.com/dashboard"), (first.Title, first.Location!.Path));
        Assert.Empty(first.VulnerabilityIds);
        Assert.Contains("Evidence: Set-Cookie: opvc", first.Description, StringComparison.Ordinal);
        Assert.Equal(["https://mainsite.com/", "https://mainsite.com/dashboard"], report.Assets.Select(a => a.Key));
    }

    [Fact]
    public async Task ParseXml_AlertRefIsTheRuleAndFingerprint_NoParameterNoLocation()
    {
        var result = await XmlParser.ParseTestDataAsync("Zap", "zap-xml-plus-format.xml");

        var finding = Assert.Single(result.Report!.Findings);
        Assert.Equal("90028 medium http://localhost:8080/bodgeit/js/qndto7n63d [CWE-200]  90028 17:10", Describe(finding));
        Assert.Equal("Insecure HTTP Method - PUT", finding.Title);
        Assert.Null(finding.Location);
    }

    [Fact]
    public async Task ParseXml_LegacyAlertWithoutInstances_IsItsOwnInstance()
    {
        var result = await XmlParser.ParseTextAsync(TextPath, "<OWASPZAPReport version=\"2.7.0\"><site name=\"http://a.example\"><alerts>\n<alertitem><pluginid>10016</pluginid><alert>Web Browser XSS Protection Not Enabled</alert><riskcode>1</riskcode><cweid>933</cweid><uri>http://a.example/x</uri><param>X-XSS-Protection</param><method>GET</method></alertitem>\n<alertitem><pluginid>10017</pluginid><alert>Cross-Domain JavaScript Source File Inclusion</alert><riskcode>1</riskcode><instances><instance><uri>mailto:someone@example.com</uri></instance></instances></alertitem>\n</alerts></site></OWASPZAPReport>");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal("10016 low http://a.example/x [CWE-933] param=X-XSS-Protection method=GET 10016 2:2", Describe(Assert.Single(report.Findings)));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "3:132"), (warning.Severity, warning.Location));
        Assert.Contains("mailto:someone@example.com", warning.Message, StringComparison.Ordinal);
    }

    // The fixture is fabricated (see testdata/NOTICE.md); counted by hand and with python3 json: 5 instances with a uri
    // under alerts that have a pluginid, 1 instance without uri and 1 alert without pluginid (warnings).
    [Fact]
    public async Task ParseJson_FabricatedTraditionalReport_FieldsAndWarnings()
    {
        var result = await JsonParser.ParseTestDataAsync("Zap", "zap-traditional-fabricated.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("zap/json", "ZAP", "2.14.0", "https://shop.example.com, http://api.example.com:8080"), (report.Format, report.Tool, report.ToolVersion, report.Target));
        Assert.Equal(
            [
                "40012 high https://shop.example.com/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E [CWE-79] param=q method=GET 40012 /site/0/alerts/0/instances/0",
                "40012 high https://shop.example.com/review [CWE-79] param=comment method=POST 40012 /site/0/alerts/0/instances/1",
                "10020-1 medium https://shop.example.com/ [CWE-1021] param=x-frame-options method=GET 10020-1 /site/0/alerts/1/instances/0",
                "10020-1 medium https://shop.example.com/cart [CWE-1021] param=x-frame-options method=GET 10020-1 /site/0/alerts/1/instances/1",
                "10096 info http://api.example.com:8080/v1/status []  10096 /site/1/alerts/0/instances/0",
            ],
            report.Findings.Select(Describe));
        Assert.Equal("Cross Site Scripting (Reflected)", report.Findings[0].Title);
        Assert.Equal(6, report.Assets.Count);
        Assert.Equal(["/site/0/alerts/1/instances/2", "/site/0/alerts/2"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task ParseJson_SameAlertOnTwoUrls_IsTwoFindingsOnTwoAssets()
    {
        var result = await JsonParser.ParseTextAsync(TextPath, """{"@version":"2.9.0","@generated":"x","site":{"@name":"http://h","alerts":[{"pluginid":"10202","alert":"Absence of Anti-CSRF Tokens","riskcode":"1","cweid":"352","instances":[{"uri":"http://h/a","method":"GET","param":""},{"uri":"http://h/b","method":"GET","param":""}]}]}}""");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(["http://h/a", "http://h/b"], report.Findings.Select(f => f.Asset.Key));
        Assert.Equal(["/site/alerts/0/instances/0", "/site/alerts/0/instances/1"], report.Findings.Select(f => f.ReportPointer));
    }

    public static TheoryData<bool, string, string, string?> Invalid => new()
    {
        { true, "<OWASPZAPReport>\n<site>\n</OWASPZAPReport>", DiagnosticCodes.InvalidJson, "3:3" },
        { true, "<?xml version=\"1.0\"?>\n<nmaprun/>", DiagnosticCodes.UnsupportedFormat, "2:2" },
        { true, "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<OWASPZAPReport>&e;</OWASPZAPReport>", DiagnosticCodes.UnsupportedFormat, "2:1" },
        { false, "{\"@version\": \"2.9.0\",\n \"site\": [ {\"alerts\": [}\n]}", DiagnosticCodes.InvalidJson, "2:24" },
        { false, "{\"SchemaVersion\": 2, \"Results\": []}", DiagnosticCodes.UnsupportedFormat, "" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Parse_Invalid_FailsWithPlace(bool xml, string text, string code, string? location)
    {
        IReportParser parser = xml ? XmlParser : JsonParser;
        var result = await parser.ParseTextAsync(TextPath, text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, location), (error.Code, error.Location));
    }
}
