using Ctem.Cli.Rendering;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Plan;

/// <summary><c>ctem plan</c>'s three formats on the demo data (harp's SBOM and its Go advisories), and its usage errors.</summary>
public sealed class PlanOutputTests
{
    public static TheoryData<int?> Widths => [80, 120, null];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Plan_DemoAtWidth_OneLinePerActionMatchesGolden(int? columns)
    {
        using var fixture = await DemoAsync();

        var result = await CliRun.RunAtWidthAsync(columns, "plan", "--db", fixture.Database);

        var lines = result.Stdout.ReplaceLineEndings("\n").Split('\n');
        var rows = lines.Where(l => l.StartsWith('│')).ToList();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(19 + 1, rows.Count);
        Assert.All(lines.Where(l => l.StartsWith('│') || l.StartsWith('╭')), l => Assert.InRange(l.Length, 1, columns ?? Consoles.PipeWidth));
        Golden.Verify(result.Stdout, $"plan-demo-{columns ?? Consoles.PipeWidth}.txt");
    }

    // The same SBOM as a second product: every action is one across both, and the products column appears.
    [Fact]
    public async Task Plan_TwoProducts_ActionsAcrossBothMatchGolden()
    {
        using var fixture = await DemoAsync();
        Assert.Equal(0, (await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", "harp-fork")).ExitCode);

        var result = await CliRun.RunAtWidthAsync(200, "plan", "--db", fixture.Database);

        Assert.Equal(19 + 1, result.Stdout.Split('\n').Count(l => l.StartsWith('│')));
        Golden.Verify(result.Stdout, "plan-two-products-200.txt");
    }

    [Theory]
    [InlineData("json", "plan-demo.json")]
    [InlineData("markdown", "plan-demo.md")]
    public async Task Plan_DemoFormat_MatchesGolden(string format, string golden)
    {
        using var fixture = await DemoAsync();

        var result = await fixture.RunAsync("plan", "--product", "github.com/elastic/harp", "--format", format);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Golden.Verify(result.Stdout, golden);
    }

    [Fact]
    public async Task Plan_UnknownProduct_IsUsageErrorNamingTheKnownOnes()
    {
        using var fixture = await DemoAsync();

        var result = await fixture.RunAsync("plan", "--product", "payments-api");

        Assert.Equal((ExitCodes.Usage, ""), (result.ExitCode, result.Stdout));
        Assert.Equal("ctem: no product named 'payments-api' (known: github.com/elastic/harp)\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Plan_EmptyStore_SaysThereIsNothingToUpgrade()
    {
        using var fixture = new CliFixture();

        var table = await fixture.RunAsync("plan");
        var json = await fixture.RunAsync("plan", "--format", "json");

        Assert.Equal((0, "All products: 0 upgrade(s) fix 0 finding(s), risk 0.0 removed; 0 left open, 0 without an upgrade\n"), (table.ExitCode, table.Stdout.ReplaceLineEndings("\n")));
        Assert.Equal("{\n  \"product\": null,\n  \"actions\": [],\n  \"unplanned\": []\n}\n", json.Stdout.ReplaceLineEndings("\n"));
    }

    private static async Task<CliFixture> DemoAsync()
    {
        var fixture = new CliFixture();
        Assert.Equal(0, (await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories)).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("scan", CliFixture.DemoSbom)).ExitCode);
        return fixture;
    }
}
