using System.Globalization;
using System.Text.RegularExpressions;
using Ctem.Cli.Rendering;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Issue 10, point 4: the findings tables of demo, scan, ingest and findings, on real data, at 80, 120 and 200 columns
/// and on a pipe: one line per finding, never wider than the terminal, and a count line.
/// </summary>
public sealed partial class TableOutputTests
{
    // Trivy on a Kubernetes cluster: OS packages and misconfigured deployments, long asset names, titles past 100 characters.
    private static readonly string TrivyReport = RepoPaths.SharedData("scanners", "trivy", "defectdojo__kubernetes.json");

    // null is stdout on a pipe, which must render exactly as a 200-column terminal: both compare with the same golden file.
    public static TheoryData<int?> Widths => [80, 120, 200, null];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Demo_AtWidth_MatchesGolden(int? columns)
    {
        var result = await CliRun.RunAtWidthAsync(columns, "demo");

        AssertOneLinePerFinding(result, columns ?? Consoles.PipeWidth);
        Golden.Verify(result.Stdout, GoldenName("demo", columns));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Scan_AtWidth_MatchesGolden(int? columns)
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);

        var result = await CliRun.RunAtWidthAsync(columns, "scan", CliFixture.DemoSbom, "--db", fixture.Database);

        AssertOneLinePerFinding(result, columns ?? Consoles.PipeWidth);
        Golden.Verify(fixture.Redact(result.Stdout), GoldenName("scan", columns));
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task Ingest_TrivyReportAtWidth_MatchesGolden(int? columns)
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();

        var result = await CliRun.RunAtWidthAsync(columns, "ingest", TrivyReport, "--db", fixture.Database);

        AssertOneLinePerFinding(result, columns ?? Consoles.PipeWidth);
        Golden.Verify(Golden.Redact(result.Stdout, fixture.Directory, RepoPaths.Shared), GoldenName("ingest", columns));
    }

    // Two products: the product column competes for room with the others.
    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task Findings_TwoProductsAtWidth_MatchesGolden(int? columns)
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        await fixture.RunAsync("scan", CliFixture.DemoSbom);
        await fixture.RunAsync("ingest", TrivyReport);

        var result = await CliRun.RunAtWidthAsync(columns, "findings", "--db", fixture.Database);

        AssertOneLinePerFinding(result, columns ?? Consoles.PipeWidth);
        Golden.Verify(fixture.Redact(result.Stdout), GoldenName("findings", columns));
    }

    [Fact]
    public async Task Demo_ColumnsVariableOnPipe_RendersAtThatWidth()
    {
        var result = await CliRun.RunWithEnvironmentAsync(new Dictionary<string, string> { ["COLUMNS"] = "120" }, "demo");

        Golden.Verify(result.Stdout, GoldenName("demo", 120));
    }

    // Below the width the required columns need at their minimum, the table overflows the terminal rather than wrap.
    [Fact]
    public async Task Demo_TerminalNarrowerThanRequiredColumns_StillOneLinePerFinding()
    {
        var result = await CliRun.RunAtWidthAsync(40, "demo");

        var table = TableLines(result.Stdout);
        Assert.Equal(91 + 1, table.Count(line => line.StartsWith('│')));
        Assert.Single(table.Select(line => line.Length).Distinct());
        Assert.Contains("91 finding(s): 0 critical,", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_EmptyStore_PrintsCountLine()
    {
        using var fixture = new CliFixture();

        var result = await fixture.RunAsync("findings");

        Assert.Equal((0, "0 finding(s).\n"), (result.ExitCode, result.Stdout.ReplaceLineEndings("\n")));
    }

    [SkippableFact]
    public async Task Ingest_ReportWithoutFindings_PrintsCountLine()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();

        var result = await fixture.RunAsync("ingest", RepoPaths.SharedData("scanners", "trivy", "defectdojo__scheme_2_no_vuln.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\n0 finding(s).\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, false, Consoles.PipeWidth)]
    [InlineData(null, null, true, Consoles.UnknownTerminalWidth)]
    [InlineData(null, 100, true, 100)]
    [InlineData("120", null, false, 120)]
    [InlineData("120", null, true, 120)]

    // Found by looking: a stale COLUMNS=250 from the parent made the demo wrap on an 80-column terminal.
    [InlineData("250", 80, true, 80)]
    [InlineData("wide", 100, true, 100)]
    [InlineData("0", null, false, Consoles.PipeWidth)]
    [InlineData("-80", 100, true, 100)]
    public void StdoutWidth_TerminalThenColumnsVariableThenPipe(string? columnsVariable, int? terminalColumns, bool terminal, int expected)
    {
        var host = new Hosting.CliHost(TextWriter.Null, TextWriter.Null, name => name == "COLUMNS" ? columnsVariable : null, TimeProvider.System, terminal)
        {
            StdoutColumns = terminalColumns,
        };

        Assert.Equal(expected, Consoles.StdoutWidth(host));
    }

    private static string GoldenName(string command, int? columns) => $"table/{command}-{columns ?? Consoles.PipeWidth}.txt";

    private static void AssertOneLinePerFinding(CliResult result, int width)
    {
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        var count = CountLine().Match(result.Stdout);
        Assert.True(count.Success, "no count line in:\n" + result.Stdout);
        var table = TableLines(result.Stdout);
        Assert.Equal(int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture) + 1, table.Count(line => line.StartsWith('│')));
        Assert.All(table, line => Assert.InRange(line.Length, 1, width));
    }

    private static List<string> TableLines(string stdout) =>
        stdout.ReplaceLineEndings("\n").Split('\n').Where(line => line.Length > 0 && "╭│├╰".Contains(line[0], StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"^(\d+) finding\(s\): \d+ critical, \d+ high, \d+ medium, \d+ low", RegexOptions.Multiline)]
    private static partial Regex CountLine();
}
