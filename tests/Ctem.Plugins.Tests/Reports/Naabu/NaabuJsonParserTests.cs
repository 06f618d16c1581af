using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Naabu;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports.Naabu;

public sealed class NaabuJsonParserTests
{
    private static readonly NaabuJsonParser Parser = new();

    // Counted with python3 json: distinct (ip or host, port); assets add the distinct hosts. The empty sample is 0 bytes.
    [SkippableTheory]
    [InlineData("defectdojo__naabu_many_vuln.json", 4, 5)] // 10 lines, ports seen again
    [InlineData("defectdojo__naabu_one_vuln.json", 1, 2)]
    [InlineData("defectdojo__naabu_no_vuln.json", 0, 0)]
    public async Task Parse_SharedSamples_CountsMatchIndependentCount(string file, int findings, int assets) =>
        await PortScannerSamples.AssertCountsAsync(Parser, "naabu", file, findings, assets);

    [SkippableFact]
    public void CanParse_EverySharedOutputClaimed_IsNaabus() => PortScannerSamples.AssertClaimsOnlyOwn(Parser, "naabu");

    [Fact]
    public async Task Parse_RepeatedPorts_OneFindingPerEndpointAtItsFirstLine()
    {
        var result = await Parser.ParseTestDataAsync("Naabu", "naabu_many_vuln.json");

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Equal(
            ["tcp://172.29.0.3:3000 line 1", "tcp://172.29.0.3:8443 line 2", "tcp://172.29.0.3:80 line 3", "tcp://172.29.0.3:8080 line 4"],
            report.Findings.Select(f => $"{f.Asset.Key} {f.ReportPointer}"));
        Assert.All(report.Findings, f => Assert.Equal("naabu:open-port", f.RuleId));
    }

    [Theory]
    [InlineData("{\"ip\": \"10.0.0.1\", \"port\": 80}\n{\"ip\": \"10.0.0.1\", \"port\": 4", DiagnosticCodes.InvalidJson, "2:")]
    [InlineData("{\"ip\": \"10.0.0.1\", \"port\": 80}\n{\"ip\": \"10.0.0.1\"}", DiagnosticCodes.UnsupportedFormat, "line 2")]
    public async Task Parse_Malformed_FailsWithPlaceAndNoReport(string text, string code, string location) =>
        await PortScannerSamples.AssertFailsAsync(Parser, text, code, location);
}
