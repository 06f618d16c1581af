using System.Text.Json;
using System.Text.RegularExpressions;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>The scope file in <c>ctem scan</c>, priorities in reports, <c>--explain</c>, and re-assessment after a feed update.</summary>
public sealed partial class PrioritizationTests
{
    private const string Advisory = """
        {"id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2021-44228"],
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
         "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]}]}
        """;

    private const string Sbom = """{"bomFormat": "CycloneDX", "components": [{"name": "left-pad", "purl": "pkg:npm/left-pad@1.0.0"}]}""";

    private const string Scope = """
        products:
          - name: storefront
            criticality: critical
            crownJewel: true
            deployments:
              - {name: eu-public, environment: production, internetFacing: true}
          - name: intranet-wiki
            criticality: low
            deployments:
              - {name: office, environment: production, internetFacing: false}
        sla: {critical: 7, high: 30, medium: 90, low: 180}
        """;

    private static readonly string Kev = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Parsers", "CisaKev", "testdata", "kev-subset.json");

    [Fact]
    public async Task SameComponent_TwoProductsWithDifferentScope_GetDifferentExplainedPriorities()
    {
        using var fixture = new CliFixture();
        Assert.Equal(0, (await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory), Kev)).ExitCode);
        var scope = fixture.File("ctem.yaml", Scope);
        var sbom = fixture.File("app.cdx.json", Sbom);

        Assert.Equal(0, (await fixture.RunAsync("scan", sbom, "--scope", scope, "--product", "storefront")).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("scan", sbom, "--scope", scope, "--product", "intranet-wiki")).ExitCode);
        var explained = await fixture.RunAsync("findings", "--explain", "CVE-2021-44228", "--format", "json");

        Assert.Equal(0, explained.ExitCode);
        var findings = JsonDocument.Parse(explained.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("product").GetString()!, f => f.GetProperty("risk"));
        Assert.Equal(("high", 63.1, 30), Summary(findings["storefront"]));
        Assert.Equal(("medium", 44.0, 90), Summary(findings["intranet-wiki"]));
        Assert.Equal(
            [("ssvc", "Attend", 6.67), ("criticality", "crown jewel, critical", 10.0), ("exposure", "internet-facing production (eu-public)", 5.0)],
            Factors(findings["storefront"], "criticality", "exposure", "ssvc"));
        Assert.Equal(
            [("ssvc", "Track", 0.0), ("criticality", "low", 2.5), ("exposure", "internal only", 0.0)],
            Factors(findings["intranet-wiki"], "criticality", "exposure", "ssvc"));
    }

    [Fact]
    public async Task Explain_ById_ShowsEveryFactorWithItsSourceAndContribution()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory), Kev);
        await fixture.RunAsync("scan", fixture.File("app.cdx.json", Sbom), "--scope", fixture.File("ctem.yaml", Scope), "--product", "storefront");

        var explained = await fixture.RunAsync("findings", "--explain", "1");

        Assert.Equal(0, explained.ExitCode);
        Golden.Verify(VolatileDates().Replace(fixture.Redact(explained.Stdout), "<date>"), "explain.txt");
    }

    [Theory]
    [InlineData("42", "no open finding has the ID or vulnerability '42'")]
    [InlineData("CVE-1999-0001", "no open finding has the ID or vulnerability 'CVE-1999-0001'")]
    public async Task Explain_UnknownFinding_IsUsageError(string id, string message)
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory));
        await fixture.RunAsync("scan", fixture.File("app.cdx.json", Sbom));

        var result = await fixture.RunAsync("findings", "--explain", id);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_ProductNotDeclaredInScope_IsUsageErrorWithSuggestion()
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunAsync("scan", fixture.File("app.cdx.json", Sbom), "--scope", fixture.File("ctem.yaml", Scope), "--product", "storefrnt");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--product 'storefrnt' is not declared in the scope file; did you mean 'storefront'? (declared: storefront, intranet-wiki)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_SbomProductNotDeclared_WarnsAndUsesDefaults()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory));
        var result = await fixture.RunAsync("scan", fixture.File("app.cdx.json", Sbom), "--scope", fixture.File("ctem.yaml", Scope));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: app.cdx: product 'app.cdx' is not declared in the scope file (declared: storefront, intranet-wiki)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_InvalidScopeFile_IsBadInputWithLineAndColumnAndStoresNothing()
    {
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", "products:\n  - name: shop\n    criticality: hihg\n");

        var result = await fixture.RunAsync("scan", fixture.File("app.cdx.json", Sbom), "--scope", scope);
        var products = await fixture.RunAsync("findings", "--format", "json");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("ctem.yaml:3:18: products[0].criticality: 'hihg' is not one of low, medium, high, critical; did you mean 'high'?", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"findings\": []", products.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedImport_NewKevEntry_RaisesPriorityOfOpenFindingsWithoutRescan()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory));
        await fixture.RunAsync("scan", fixture.File("app.cdx.json", Sbom), "--scope", fixture.File("ctem.yaml", Scope), "--product", "storefront");
        var before = Risk(await fixture.RunAsync("findings", "--format", "json"));

        var import = await fixture.RunAsync("db", "import", Kev);
        var after = Risk(await fixture.RunAsync("findings", "--format", "json"));

        Assert.Contains("Re-assessed 1 open finding(s) with the new facts: 1 changed priority.", import.Stdout, StringComparison.Ordinal);
        Assert.Equal(("medium", "high"), (before.GetProperty("priority").GetString(), after.GetProperty("priority").GetString()));
        Assert.Equal("not listed", FactorValue(before, "kev"));
        Assert.Equal("listed since 2021-12-10, used in ransomware campaigns", FactorValue(after, "kev"));
    }

    // Days counted from the run's own clock: when the finding was seen, assessed and is due.
    [GeneratedRegex(@"(?<=(open since|last seen|due|assessed) )\d{4}-\d{2}-\d{2}( \d{2}:\d{2} UTC)?")]
    private static partial Regex VolatileDates();

    [Fact]
    public async Task Ingest_WithoutScopeFile_KeepsTheContextTheProductWasScannedWith()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory), Kev);
        await fixture.RunAsync("scan", fixture.File("app.cdx.json", Sbom), "--scope", fixture.File("ctem.yaml", Scope), "--product", "storefront");
        var trivy = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Reports", "Trivy", "testdata", "npm.json");

        var ingest = await fixture.RunAsync("ingest", trivy, "--product", "storefront", "--format", "json");

        var risk = JsonDocument.Parse(ingest.Stdout).RootElement.GetProperty("findings")[0].GetProperty("risk");
        Assert.Equal("crown jewel, critical", FactorValue(risk, "criticality"));
    }

    [Theory]
    [InlineData("storefront", "crown jewel, critical")]
    [InlineData("intranet-wiki", "low")]
    public async Task Scan_WithoutScopeFile_KeepsItsOwnProductsContextAmongOthers(string product, string criticality)
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory), Kev);
        var sbom = fixture.File("app.cdx.json", Sbom);
        var scope = fixture.File("ctem.yaml", Scope);
        await fixture.RunAsync("scan", sbom, "--scope", scope, "--product", "storefront");
        await fixture.RunAsync("scan", sbom, "--scope", scope, "--product", "intranet-wiki");

        var scan = await fixture.RunAsync("scan", sbom, "--product", product, "--format", "json");

        Assert.Equal(criticality, FactorValue(Risk(scan), "criticality"));
    }

    private static (string?, double, int) Summary(JsonElement risk) =>
        (risk.GetProperty("priority").GetString(), risk.GetProperty("score").GetDouble(), risk.GetProperty("slaDays").GetInt32());

    private static (string, string, double)[] Factors(JsonElement risk, params string[] names) =>
        risk.GetProperty("factors").EnumerateArray()
            .Where(f => names.Contains(f.GetProperty("name").GetString()))
            .Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("value").GetString()!, f.GetProperty("contribution").GetDouble()))
            .ToArray();

    private static JsonElement Risk(CliResult result) =>
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("findings")[0].GetProperty("risk");

    private static string? FactorValue(JsonElement risk, string name) =>
        risk.GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).GetProperty("value").GetString();
}
