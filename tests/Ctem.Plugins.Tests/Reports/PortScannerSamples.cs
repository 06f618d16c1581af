using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports;

/// <summary>The checks masscan's, naabu's and httpx's tests share: open-port and service observations are info findings.</summary>
internal static class PortScannerSamples
{
    public static async Task AssertCountsAsync(IReportParser parser, string tool, string file, int findings, int assets)
    {
        RepoPaths.RequireShared();
        var path = RepoPaths.SharedData("scanners", tool, file);
        Assert.Equal(new FileInfo(path).Length > 0, parser.ClaimsFile(path));

        var result = await parser.ParseFileAsync(path);

        var report = Assert.IsType<ScannerReport>(result.Report);
        Assert.Empty(result.Diagnostics);
        Assert.Equal((findings, assets), (report.Findings.Count, report.Assets.Count));
        Assert.All(report.Findings, f => Assert.Equal("info", f.Severity));
    }

    public static void AssertClaimsOnlyOwn(IReportParser parser, string tool)
    {
        RepoPaths.RequireShared();
        var claimed = ReportParserHarness.SharedOutputsClaimedBy(parser);

        Assert.NotEmpty(claimed);
        Assert.All(claimed, c => Assert.True(c.StartsWith(tool + "/", StringComparison.Ordinal) || c.StartsWith($"zip:{tool}/", StringComparison.Ordinal), c));
    }

    public static async Task AssertFailsAsync(IReportParser parser, string text, string code, string location)
    {
        var result = await parser.ParseTextAsync("/r/x.json", text);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(code, error.Code);
        Assert.StartsWith(location, error.Location ?? "", StringComparison.Ordinal);
    }
}
