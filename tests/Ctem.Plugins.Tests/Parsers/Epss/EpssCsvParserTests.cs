using System.IO.Compression;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Epss;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Parsers.Epss;

public sealed class EpssCsvParserTests
{
    private static readonly EpssCsvParser Parser = new();

    [Fact]
    public void Parse_RealSubset_ReadsHeaderAndScores()
    {
        var snapshot = Parse("epss-subset.csv", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal("unknown", snapshot.ModelVersion);
        Assert.Equal(new DateTimeOffset(2026, 8, 16, 0, 0, 0, TimeSpan.Zero), snapshot.ScoreDate);
        Assert.Equal(83, snapshot.Scores.Count);
        Assert.All(snapshot.Scores, s => Assert.InRange(s.Score, 0, 1));
    }

    [Fact]
    public void Parse_BadRows_SkipsThemWithLineNumbers()
    {
        var snapshot = Parse("epss-with-bad-rows.csv", out var diagnostics);
        Assert.Equal("v2025.03.14", snapshot.ModelVersion);
        Assert.Equal([new EpssScore("CVE-2021-44228", 0.944, 0.9999)], snapshot.Scores);
        Assert.Equal(["4", "5"], diagnostics.Select(d => d.Location));
    }

    [Fact]
    public void Parse_WrongHeader_Fails()
    {
        var result = Parser.Parse("invalid-header.csv", File.ReadAllBytes(TestData("invalid-header.csv")));
        Assert.Null(result.Feed);
        Assert.Equal(DiagnosticCodes.NotAFeed, Assert.Single(result.Diagnostics).Code);
    }

    [SkippableFact]
    public void Parse_SharedDailyFile_Reads360142Scores()
    {
        RepoPaths.RequireShared();
        using var gzip = new GZipStream(File.OpenRead(RepoPaths.SharedData("epss", "epss_scores-2026-08-16.csv.gz")), CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        Assert.True(Parser.CanParse("epss.csv.gz", content.ToArray().AsSpan(0, 4096)));

        var result = Parser.Parse("epss.csv.gz", content.ToArray());

        Assert.Empty(result.Diagnostics);
        var snapshot = Assert.IsType<EpssSnapshot>(result.Feed);
        Assert.Equal(360_142, snapshot.Scores.Count);
        Assert.Equal(360_142, snapshot.Scores.Select(s => s.CveId).Distinct().Count());
    }

    private static EpssSnapshot Parse(string file, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var result = Parser.Parse(file, File.ReadAllBytes(TestData(file)));
        diagnostics = result.Diagnostics;
        return Assert.IsType<EpssSnapshot>(result.Feed);
    }

    private static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Parsers", "Epss", "testdata", file);
}
