using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Masscan;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Masscan;

public sealed class MasscanJsonParserTests
{
    private static readonly MasscanJsonParser Parser = new();

    // Counted with python3 json: distinct (ip, port, proto) whose status is open (or that carry a service); assets add
    // the distinct ips. The empty sample is a 0-byte file, which no parser claims.
    [SkippableTheory]
    [InlineData("defectdojo__masscan_many_vuln.json", 4, 5)]
    [InlineData("defectdojo__masscan_one_vuln.json", 1, 2)]
    [InlineData("defectdojo__masscan_no_vuln.json", 0, 0)]
    public async Task Parse_SharedSamples_CountsMatchIndependentCount(string file, int findings, int assets) =>
        await PortScannerSamples.AssertCountsAsync(Parser, "masscan", file, findings, assets);

    [SkippableFact]
    public void CanParse_EverySharedOutputClaimed_IsMasscans() => PortScannerSamples.AssertClaimsOnlyOwn(Parser, "masscan");

    [Fact]
    public async Task Parse_OpenPorts_AreEndpointsAsNmapKeysThem()
    {
        var result = await Parser.ParseTestDataAsync("Masscan", "masscan_many_vuln.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(("masscan/json", "masscan"), (report.Format, report.Tool));
        Assert.Equal(
            ["tcp://172.29.0.3:8080", "tcp://172.29.0.3:3000", "tcp://172.29.0.3:8443", "tcp://172.29.0.3:80"],
            report.Findings.Select(f => f.Asset.Key));
        Assert.Equal(("masscan:open-port", "Open port 8080/tcp", "/0/ports/0"), (report.Findings[0].RuleId, report.Findings[0].Title, report.Findings[0].ReportPointer));
        Assert.Equal("host:172.29.0.3", report.Assets[0].Key);
    }

    [Theory]
    [InlineData("[{\"ip\": \"10.0.0.1\", \"ports\": [{\"port\": 80, \"proto\": \"tcp\", \"status\": \"open\"}]}\n", DiagnosticCodes.InvalidJson, "2:1")]
    [InlineData("[{\"ip\": \"10.0.0.1\"}]", DiagnosticCodes.UnsupportedFormat, "")]
    public async Task Parse_Malformed_FailsWithPlaceAndNoReport(string text, string code, string location) =>
        await PortScannerSamples.AssertFailsAsync(Parser, text, code, location);
}
