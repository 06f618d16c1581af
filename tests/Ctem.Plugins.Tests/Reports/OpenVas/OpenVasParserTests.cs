using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.OpenVas;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.OpenVas;

/// <summary>OpenVAS XML and CSV: host and endpoint findings, one per CVE.</summary>
public sealed class OpenVasParserTests
{
    private static readonly Dictionary<string, IReportParser> Parsers = new(StringComparer.Ordinal)
    {
        ["openvas/xml"] = new OpenVasXmlParser(),
        ["openvas/csv"] = new OpenVasCsvParser(),
    };

    // Counted with python3 (csv.DictReader, xml.etree): per result (non-blank CSV row; XML results/result) the number
    // of distinct CVEs (CSV: the CVEs column, plus the NVT name when it is a CVE; XML: refs/ref type="cve"), at least 1;
    // assets = distinct (IP, port when 1–65535).
    [SkippableTheory]
    [InlineData("openvas", "defectdojo__many_vuln.csv", "openvas/csv", 5, 2)]
    [InlineData("openvas", "defectdojo__no_vuln.csv", "openvas/csv", 0, 0)]
    [InlineData("openvas", "defectdojo__one_vuln.csv", "openvas/csv", 1, 1)]
    [InlineData("openvas", "defectdojo__report_combine_v2.csv", "openvas/csv", 2, 1)]
    [InlineData("openvas", "defectdojo__report_detail_v2.csv", "openvas/csv", 93, 1)]
    [InlineData("openvas", "defectdojo__report_using_CVE.csv", "openvas/csv", 43, 1)]
    [InlineData("openvas", "defectdojo__report_using_openVAS.csv", "openvas/csv", 13, 3)]
    [InlineData("openvas", "defectdojo__many_vuln.xml", "openvas/xml", 76, 15)]
    [InlineData("openvas", "defectdojo__no_vuln.xml", "openvas/xml", 0, 0)]
    [InlineData("openvas", "defectdojo__one_vuln.xml", "openvas/xml", 12, 1)]
    [InlineData("openvas", "defectdojo__report_detail_v2.xml", "openvas/xml", 93, 1)]
    public async Task Parse_SharedSamples_CountsMatchIndependentCount(string tool, string file, string parserName, int findings, int assets)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", tool, file);
        Assert.Equal([parserName], BuiltInPlugins.ReportParsers.Where(p => p.ClaimsFile(path)).Select(p => p.Name));

        var result = await Parsers[parserName].ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal((findings, assets), (report.Findings.Count, report.Assets.Count));
        Assert.All(report.Findings, f => Assert.True(f.VulnerabilityIds.Count <= 1, f.Title));
    }

    [SkippableTheory]
    [InlineData("openvas/xml", "openvas/")]
    [InlineData("openvas/csv", "openvas/")]
    public void CanParse_EverySharedOutputClaimed_IsThisToolsOwn(string parser, string prefix)
    {
        RepoPaths.RequireShared();
        var claimed = ReportParserHarness.SharedOutputsClaimedBy(Parsers[parser]);

        Assert.NotEmpty(claimed);
        Assert.All(claimed, c => Assert.True(c.StartsWith(prefix, StringComparison.Ordinal) || c.StartsWith("zip:" + prefix, StringComparison.Ordinal), c));
    }

    [Fact]
    public async Task Parse_OpenVasXml_PortResultsOnTheEndpointGeneralOnTheHostOneFindingPerCve()
    {
        var result = await Parsers["openvas/xml"].ParseTestDataAsync("OpenVas", "openvas_report_detail_v2.xml");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("openvas/xml", "OpenVAS"), (report.Format, report.Tool));
        Assert.Equal(93, report.Findings.Count);
        var first = report.Findings[0];
        Assert.Equal(("tcp://10.99.99.99:42", "openvas:1.3.6.1.4.1.25623.1.0.836484", "high"), (first.Asset.Key, first.RuleId, first.Severity));
        Assert.Equal(["CVE-2025-49659"], first.VulnerabilityIds);
        Assert.Equal("CVE-2025-49659: Microsoft Windows Multiple Vulnerabilities (KB5062557)", first.Title);
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", first.CvssVector);
    }

    [Fact]
    public async Task Parse_OpenVasCsv_ResultsWithoutPortAreOnTheHostOneFindingPerCve()
    {
        var result = await Parsers["openvas/csv"].ParseTestDataAsync("OpenVas", "openvas_many_vuln.csv");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(
            [
                "host:192.168.118.212 low  openvas:1.3.6.1.4.1.25623.1.0.80091",
                "tcp://192.168.118.212:9200 medium  openvas:1.3.6.1.4.1.25623.1.0.106223",
                "tcp://192.168.118.212:9200 medium CVE-2011-3389 openvas:1.3.6.1.4.1.25623.1.0.117274",
                "tcp://192.168.118.212:9200 medium CVE-2015-0204 openvas:1.3.6.1.4.1.25623.1.0.117274",
                "tcp://192.168.118.212:9200 high  openvas:1.3.6.1.4.1.25623.1.0.103240",
            ],
            report.Findings.Select(f => $"{f.Asset.Key} {f.Severity} {string.Join(',', f.VulnerabilityIds)} {f.RuleId}"));
        Assert.Equal("row 2", report.Findings[0].ReportPointer);
    }

    [Theory]
    [InlineData("Log", "0.0", "info", 1)]
    [InlineData("", "5.0", "medium", 1)]
    [InlineData("False Positive", "5.0", null, 0)]
    public async Task Parse_OpenVasCsvThreat_LogIsInfoFalsePositiveIsNoFinding(string threat, string score, string? severity, int count)
    {
        var result = await Parsers["openvas/csv"].ParseTextAsync("/r/x.csv", $"IP,Hostname,Port,Port Protocol,CVSS,Severity,NVT Name,NVT OID,CVEs\n10.0.0.1,,80,tcp,{score},{threat},HTTP server banner,1.2.3,\n");

        var findings = Assert.IsType<ScannerReport>(result.Report).Findings;
        Assert.Equal(count, findings.Count);
        Assert.All(findings, f => Assert.Equal(severity, f.Severity));
    }

    [Theory]
    [InlineData("openvas/csv", "IP,Hostname,Port,Port Protocol,CVSS,Severity,NVT Name,NVT OID,CVEs\n10.0.0.1,,22,tcp,5.0,Medium,\"x\" y,1.2.3,\n", "row 2")]
    [InlineData("openvas/csv", "IP,Hostname,Port,Port Protocol,CVSS,Severity,NVT Name,NVT OID,CVEs\n10.0.0.1,,22,tcp,5.0\n", "row 2")]
    [InlineData("openvas/xml", "<report format_id=\"x\"><results><result><host>10.0.0.1</host></result></results>", null)]
    public async Task Parse_Malformed_FailsWithPlaceAndNoReport(string parser, string text, string? location)
    {
        var result = await Parsers[parser].ParseTextAsync("/r/x", text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.True(error.IsError);
        if (location is not null)
        {
            Assert.Equal(location, error.Location);
        }
    }
}
