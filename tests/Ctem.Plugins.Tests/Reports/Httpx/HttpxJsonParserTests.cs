using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Httpx;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Httpx;

public sealed class HttpxJsonParserTests
{
    private static readonly HttpxJsonParser Parser = new();

    // Counted with python3 json: distinct url of probes not failed; assets = those urls + distinct hosts + distinct
    // (host, port). The empty sample is 0 bytes.
    [SkippableTheory]
    [InlineData("defectdojo__httpx_many_vuln.json", 5, 7)]
    [InlineData("defectdojo__httpx_one_vuln.json", 1, 3)]
    [InlineData("defectdojo__httpx_no_vuln.json", 0, 0)]
    public async Task Parse_SharedSamples_CountsMatchIndependentCount(string file, int findings, int assets) =>
        await PortScannerSamples.AssertCountsAsync(Parser, "httpx", file, findings, assets);

    [SkippableFact]
    public void CanParse_EverySharedOutputClaimed_IsHttpxs() => PortScannerSamples.AssertClaimsOnlyOwn(Parser, "httpx");

    [Fact]
    public async Task Parse_Probe_ServiceOnTheUrlWithTheEndpointAsAsset()
    {
        var result = await Parser.ParseTestDataAsync("Httpx", "httpx_one_vuln.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("httpx:http-service", "http://172.29.0.2/", "HTTP service at http://172.29.0.2/ (200): generic-app"), (finding.RuleId, finding.Asset.Key, finding.Title));
        Assert.Equal("status 200; server nginx/1.31.3; technologies Nginx:1.31.3; content type text/html", finding.Description);
        Assert.Equal(["http://172.29.0.2/", "host:172.29.0.2", "tcp://172.29.0.2:80"], report.Assets.Select(a => a.Key));
    }

    [Fact]
    public async Task Parse_FailedProbe_IsNoFinding()
    {
        var result = await Parser.ParseTextAsync("/r/httpx.json", "{\"url\":\"https://a.example:8443/\",\"input\":\"a.example\",\"failed\":true}\n");

        Assert.Empty(Assert.IsType<ScannerReport>(result.Report).Findings);
    }

    [Theory]
    [InlineData("{\"url\": \"http://a/\", \"input\": \"a\"}\nnot json", DiagnosticCodes.InvalidJson, "2:2")]
    [InlineData("{\"url\": \"http://a/\", \"input\": \"a\"}\n{\"input\": \"b\"}", DiagnosticCodes.UnsupportedFormat, "line 2")]
    public async Task Parse_Malformed_FailsWithPlaceAndNoReport(string text, string code, string location) =>
        await PortScannerSamples.AssertFailsAsync(Parser, text, code, location);
}
