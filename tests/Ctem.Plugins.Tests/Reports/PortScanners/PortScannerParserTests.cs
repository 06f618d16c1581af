using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Httpx;
using Ctem.Plugins.Reports.Masscan;
using Ctem.Plugins.Reports.Naabu;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.PortScanners;

/// <summary>masscan, naabu and httpx: endpoint and service observations, keyed as Nmap keys them.</summary>
public sealed class PortScannerParserTests
{
    private static readonly Dictionary<string, IReportParser> Parsers = new(StringComparer.Ordinal)
    {
        ["masscan"] = new MasscanJsonParser(),
        ["naabu"] = new NaabuJsonParser(),
        ["httpx"] = new HttpxJsonParser(),
    };

    // Counted with python3 json: masscan distinct (ip, port, proto) whose status is open (or that carry a service)
    // and + distinct ips as assets; naabu distinct (ip or host, port) + distinct hosts; httpx distinct url of probes
    // not failed, assets = urls + hosts + (host, port) pairs. The empty samples are 0-byte files.
    [SkippableTheory]
    [InlineData("masscan", "defectdojo__masscan_many_vuln.json", 4, 5)]
    [InlineData("masscan", "defectdojo__masscan_one_vuln.json", 1, 2)]
    [InlineData("masscan", "defectdojo__masscan_no_vuln.json", 0, 0)]
    [InlineData("naabu", "defectdojo__naabu_many_vuln.json", 4, 5)] // 10 lines, ports seen again
    [InlineData("naabu", "defectdojo__naabu_one_vuln.json", 1, 2)]
    [InlineData("naabu", "defectdojo__naabu_no_vuln.json", 0, 0)]
    [InlineData("httpx", "defectdojo__httpx_many_vuln.json", 5, 7)]
    [InlineData("httpx", "defectdojo__httpx_one_vuln.json", 1, 3)]
    [InlineData("httpx", "defectdojo__httpx_no_vuln.json", 0, 0)]
    public async Task Parse_SharedSamples_CountsMatchIndependentCount(string tool, string file, int findings, int assets)
    {
        RepoPaths.RequireShared();
        var parser = Parsers[tool];
        var path = RepoPaths.SharedData("scanners", tool, file);
        Assert.Equal(new FileInfo(path).Length > 0, parser.ClaimsFile(path));

        var result = await parser.ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal((findings, assets), (report.Findings.Count, report.Assets.Count));
        Assert.All(report.Findings, f => Assert.Equal("info", f.Severity));
    }

    [SkippableTheory]
    [InlineData("masscan")]
    [InlineData("naabu")]
    [InlineData("httpx")]
    public void CanParse_EverySharedOutputClaimed_IsThisToolsOwn(string tool)
    {
        RepoPaths.RequireShared();
        var claimed = ReportParserHarness.SharedOutputsClaimedBy(Parsers[tool]);

        Assert.NotEmpty(claimed);
        Assert.All(claimed, c => Assert.True(c.StartsWith(tool + "/", StringComparison.Ordinal) || c.StartsWith($"zip:{tool}/", StringComparison.Ordinal), c));
    }

    [Fact]
    public async Task Parse_Masscan_OpenPortsAreEndpointsAsNmapKeysThem()
    {
        var result = await Parsers["masscan"].ParseTestDataAsync("PortScanners", "masscan_many_vuln.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("masscan/json", "masscan"), (report.Format, report.Tool));
        Assert.Equal(
            ["tcp://172.29.0.3:8080", "tcp://172.29.0.3:3000", "tcp://172.29.0.3:8443", "tcp://172.29.0.3:80"],
            report.Findings.Select(f => f.Asset.Key));
        Assert.Equal(("masscan:open-port", "Open port 8080/tcp", "/0/ports/0"), (report.Findings[0].RuleId, report.Findings[0].Title, report.Findings[0].ReportPointer));
        Assert.Equal("host:172.29.0.3", report.Assets[0].Key);
    }

    [Fact]
    public async Task Parse_NaabuRepeatedPorts_OneFindingPerEndpointAtItsFirstLine()
    {
        var result = await Parsers["naabu"].ParseTestDataAsync("PortScanners", "naabu_many_vuln.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(
            ["tcp://172.29.0.3:3000 line 1", "tcp://172.29.0.3:8443 line 2", "tcp://172.29.0.3:80 line 3", "tcp://172.29.0.3:8080 line 4"],
            report.Findings.Select(f => $"{f.Asset.Key} {f.ReportPointer}"));
        Assert.All(report.Findings, f => Assert.Equal("naabu:open-port", f.RuleId));
    }

    [Fact]
    public async Task Parse_Httpx_ServiceOnTheUrlWithTheEndpointAsAsset()
    {
        var result = await Parsers["httpx"].ParseTestDataAsync("PortScanners", "httpx_one_vuln.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("httpx:http-service", "http://172.29.0.2/", "HTTP service at http://172.29.0.2/ (200): generic-app"), (finding.RuleId, finding.Asset.Key, finding.Title));
        Assert.Equal("status 200; server nginx/1.31.3; technologies Nginx:1.31.3; content type text/html", finding.Description);
        Assert.Equal(["http://172.29.0.2/", "host:172.29.0.2", "tcp://172.29.0.2:80"], report.Assets.Select(a => a.Key));
    }

    [Fact]
    public async Task Parse_HttpxFailedProbe_IsNoFinding()
    {
        var result = await Parsers["httpx"].ParseTextAsync("/r/httpx.json", "{\"url\":\"https://a.example:8443/\",\"input\":\"a.example\",\"failed\":true}\n");

        Assert.Empty(Assert.IsType<ScannerReport>(result.Report).Findings);
    }

    [Theory]
    [InlineData("masscan", "[{\"ip\": \"10.0.0.1\", \"ports\": [{\"port\": 80, \"proto\": \"tcp\", \"status\": \"open\"}]}\n", DiagnosticCodes.InvalidJson, "2:1")]
    [InlineData("masscan", "[{\"ip\": \"10.0.0.1\"}]", DiagnosticCodes.UnsupportedFormat, "")]
    [InlineData("naabu", "{\"ip\": \"10.0.0.1\", \"port\": 80}\n{\"ip\": \"10.0.0.1\", \"port\": 4", DiagnosticCodes.InvalidJson, "2:")]
    [InlineData("naabu", "{\"ip\": \"10.0.0.1\", \"port\": 80}\n{\"ip\": \"10.0.0.1\"}", DiagnosticCodes.UnsupportedFormat, "line 2")]
    [InlineData("httpx", "{\"url\": \"http://a/\", \"input\": \"a\"}\nnot json", DiagnosticCodes.InvalidJson, "2:2")]
    public async Task Parse_Malformed_FailsWithPlaceAndNoReport(string tool, string text, string code, string location)
    {
        var result = await Parsers[tool].ParseTextAsync("/r/x.json", text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(code, error.Code);
        Assert.StartsWith(location, error.Location ?? "", StringComparison.Ordinal);
    }
}
