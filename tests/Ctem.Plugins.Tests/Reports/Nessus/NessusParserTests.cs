using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Nessus;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Nessus;

/// <summary>Nessus CSV (Nessus, WAS, Tenable.sc, Tenable.io) and XML: host, endpoint and URL findings, one per CVE.</summary>
public sealed class NessusParserTests
{
    private static readonly Dictionary<string, IReportParser> Parsers = new(StringComparer.Ordinal)
    {
        ["nessus/csv"] = new NessusCsvParser(),
        ["nessus/xml"] = new NessusXmlParser(),
    };

    // Counted with python3 (csv.DictReader, xml.etree): per result (non-blank row with a plugin id, not FIXED; XML
    // ReportItem) the number of distinct CVEs, at least 1; assets = distinct (IP, port when 1–65535), for WAS the URL
    // the plugin output names. Tenable.io's export (nessus_new) is semicolon-separated.
    [SkippableTheory]
    [InlineData("tenable-nessus", "defectdojo__issue_11102.csv", "nessus/csv", 3, 3)]
    [InlineData("tenable-nessus", "defectdojo__issue_9612.csv", "nessus/csv", 3, 3)]
    [InlineData("tenable-nessus", "defectdojo__nessus__nessus-template.csv", "nessus/csv", 5, 5)]
    [InlineData("tenable-nessus", "defectdojo__nessus__nessus_many_vuln.csv", "nessus/csv", 5, 2)] // 529 blank rows
    [InlineData("tenable-nessus", "defectdojo__nessus__nessus_many_vuln2-all.csv", "nessus/csv", 30, 3)]
    [InlineData("tenable-nessus", "defectdojo__nessus__nessus_many_vuln2-default.csv", "nessus/csv", 30, 3)]
    [InlineData("tenable-nessus", "defectdojo__nessus__nessus_new.csv", "nessus/csv", 150, 99)]
    [InlineData("tenable-nessus", "defectdojo__nessus_was__nessus_was_many_vuln.csv", "nessus/csv", 5, 2)] // WAS: assets are the URLs the output names
    [InlineData("tenable-nessus", "defectdojo__nessus_was__nessus_was_no_vuln.csv", "nessus/csv", 0, 0)]
    [InlineData("tenable-nessus", "defectdojo__nessus_was__nessus_was_one_vuln.csv", "nessus/csv", 1, 1)]
    [InlineData("tenable-nessus", "defectdojo__tenable_many_vuln.csv", "nessus/csv", 20, 3)]
    [InlineData("tenable-nessus", "defectdojo__nessus_was__nessus_was_many_vuln.xml", "nessus/xml", 5, 2)]
    [InlineData("tenable-nessus", "defectdojo__nessus_was__nessus_was_no_vuln.xml", "nessus/xml", 0, 0)]
    [InlineData("tenable-nessus", "defectdojo__nessus_was__nessus_was_one_vuln.xml", "nessus/xml", 1, 1)]
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

    // Nessus XML in the scans archive (ReportItems, one per CVE; assets = distinct (host-ip, port)), counted with python3.
    [SkippableTheory]
    [InlineData("tenable/nessus/nessus_many_vuln.xml", 7, 3)]
    [InlineData("tenable/nessus/nessus_v_unknown.xml", 296, 94)]
    [InlineData("tenable/nessus/issue_6992.nessus", 1, 1)]
    [InlineData("tenable/nessus/nessus_with_cvssv3.nessus", 168, 2)]
    [InlineData("tenable/nessus/nessus_with_cwe-.nessus", 15, 1)]
    public async Task Parse_NessusXmlArchiveSamples_CountsMatchIndependentCount(string entry, int findings, int assets)
    {
        RepoPaths.RequireShared();
        var content = ReportParserHarness.SharedArchiveEntry(entry);
        Assert.True(Parsers["nessus/xml"].Claims(entry, content));

        var result = await Parsers["nessus/xml"].ParseAsync(entry, content);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal((findings, assets), (report.Findings.Count, report.Assets.Count));
    }

    // Nessus WAS exports one scan as CSV and as XML: the same findings on the same assets, so they are one.
    [SkippableFact]
    public async Task Parse_NessusWasCsvAndXml_SameIdentities()
    {
        RepoPaths.RequireShared();
        var csv = (await Parsers["nessus/csv"].ParseSharedAsync("tenable-nessus", "defectdojo__nessus_was__nessus_was_many_vuln.csv")).Report!;
        var xml = (await Parsers["nessus/xml"].ParseSharedAsync("tenable-nessus", "defectdojo__nessus_was__nessus_was_many_vuln.xml")).Report!;

        static List<string> Identities(ScannerReport report) => report.Findings.Select(f => $"{f.Asset.Key} {f.RuleId} {f.Severity}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Identities(csv), Identities(xml));
        Assert.Contains("http://google.com/search.jsp nessus:98104 high", Identities(xml));
    }

    [SkippableTheory]
    [InlineData("nessus/xml", "tenable")]
    [InlineData("nessus/csv", "tenable")]
    public void CanParse_EverySharedOutputClaimed_IsThisToolsOwn(string parser, string prefix)
    {
        RepoPaths.RequireShared();
        var claimed = ReportParserHarness.SharedOutputsClaimedBy(Parsers[parser]);

        Assert.NotEmpty(claimed);
        Assert.All(claimed, c => Assert.True(c.StartsWith(prefix, StringComparison.Ordinal) || c.StartsWith("zip:" + prefix, StringComparison.Ordinal), c));
    }

    [Fact]
    public async Task Parse_NessusCsv_PortZeroIsTheHostAndVectorsAreKept()
    {
        var result = await Parsers["nessus/csv"].ParseTestDataAsync("Nessus", "nessus-template.csv");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("nessus/csv", "Nessus"), (report.Format, report.Tool));
        var first = report.Findings[0];
        Assert.Equal(("tcp://192.168.0.100:3389", "nessus:42873", "high", "CVE-2016-2183"), (first.Asset.Key, first.RuleId, first.Severity, first.VulnerabilityIds.Single()));
    }

    [Theory]
    [InlineData("nessus/csv", "Plugin ID,CVE,CVSS,Risk,Host,Protocol,Port,Name\n1,,5.0,Medium,10.0.0.1,tcp,22,x\n2,,5.0,Medium,10.0.0.1,tcp\n", "row 3")]
    [InlineData("nessus/xml", "<NessusClientData_v2><Report><ReportHost name=\"10.0.0.1\"><ReportItem pluginID=\"1\"></Report></NessusClientData_v2>", null)]
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
