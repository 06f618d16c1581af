using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Reports;

/// <summary>Detection across the whole registry, over every loose scanner sample in ../shared.</summary>
public sealed class ReportDetectionTests
{
    /// <summary>Sample folders of tools Ctem does not read (yet): no report parser may claim their files, so ingest names them unsupported.</summary>
    public static TheoryData<string> UnsupportedTools => new()
    {
        "csaf", "openvex", "trivy-operator",
    };

    [SkippableTheory]
    [MemberData(nameof(UnsupportedTools))]
    public void Detect_UnsupportedToolSamples_ClaimedByNoParser(string tool)
    {
        RepoPaths.RequireShared();
        var claimed = Files(tool)
            .SelectMany(file => BuiltInPlugins.ReportParsers.Where(p => p.Claims(file, File.ReadAllBytes(file))).Select(p => $"{Path.GetFileName(file)} by {p.Name}"))
            .ToList();

        Assert.Empty(claimed);
    }

    [SkippableFact]
    public void Detect_EverySharedSample_ClaimedByAtMostOneParser()
    {
        RepoPaths.RequireShared();
        var ambiguous = Directory.EnumerateDirectories(ReportParserHarness.SharedScanners)
            .SelectMany(directory => Files(Path.GetFileName(directory)))
            .Select(file => (File: file, Parsers: BuiltInPlugins.ReportParsers.Where(p => p.Claims(file, File.ReadAllBytes(file))).Select(p => p.Name).ToList()))
            .Where(c => c.Parsers.Count > 1)
            .Select(c => $"{Path.GetFileName(c.File)}: {string.Join(", ", c.Parsers)}")
            .ToList();

        Assert.Empty(ambiguous);
    }

    [Fact]
    public void Registry_ReportParserNames_AreUnique() =>
        Assert.Equal(BuiltInPlugins.ReportParsers.Length, BuiltInPlugins.ReportParsers.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());

    private static IEnumerable<string> Files(string tool) =>
        Directory.EnumerateFiles(Path.Combine(ReportParserHarness.SharedScanners, tool)).Where(f => !f.EndsWith(".zip", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
