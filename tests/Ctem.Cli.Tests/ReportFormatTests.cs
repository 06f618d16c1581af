using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData("sarif", "scan-demo.sarif")]
    [InlineData("csv", "scan-demo.csv")]
    [InlineData("markdown", "scan-demo.md")]
    public async Task Scan_ListFormat_MatchesGolden(string format, string golden)
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);

        var result = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--format", format);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Golden.Verify(fixture.Redact(result.Stdout), golden);
    }

    [SkippableTheory]
    [InlineData("scan")]
    [InlineData("findings")]
    public async Task Sarif_ScanAndFindings_ValidAgainstOfficialSchema(string command)
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        var scan = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--format", "sarif");

        var output = command == "scan" ? scan : await fixture.RunAsync("findings", "--format", "sarif");

        Assert.Equal(0, output.ExitCode);
        Assert.Empty(OfficialSchemas.Errors("sarif/sarif-schema-2.1.0.json", output.Stdout));

        // The check can fail: a document of another SARIF version is refused.
        Assert.NotEmpty(OfficialSchemas.Errors("sarif/sarif-schema-2.1.0.json", output.Stdout.Replace("\"2.1.0\"", "\"9.9\"", StringComparison.Ordinal)));
    }

    /// <summary>Ingested code and network findings export to SARIF too: code at its file and line, endpoints as resources found in their report.</summary>
    [SkippableFact]
    public async Task Sarif_IngestedFileAndEndpointFindings_PlacedAndValid()
    {
        using var fixture = new CliFixture();
        var reports = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Reports");
        await fixture.RunAsync("ingest", Path.Combine(reports, "Trivy", "testdata", "misconfigurations_and_secrets.json"), "--product", "app");
        await fixture.RunAsync("ingest", Path.Combine(reports, "Nmap", "testdata", "1_hosts_banner_ports.xml"), "--product", "app");

        var output = await fixture.RunAsync("findings", "--format", "sarif");

        Assert.Empty(OfficialSchemas.Errors("sarif/sarif-schema-2.1.0.json", output.Stdout));
        var results = System.Text.Json.JsonDocument.Parse(output.Stdout).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var secret = results.Single(r => r.GetProperty("ruleId").GetString() == "trivy:secret:github-pat"
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "Dockerfile");
        Assert.Equal(24, secret.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        var port = results.First(r => r.GetProperty("ruleId").GetString() == "nmap:open-port").GetProperty("locations")[0];
        Assert.Equal(("tcp://127.0.0.1:22", "resource"), (port.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString(), port.GetProperty("logicalLocations")[0].GetProperty("kind").GetString()));
        Assert.Contains((Path.Combine(reports, "Nmap", "testdata", "1_hosts_banner_ports.xml"), 1, "tcp://127.0.0.1:22"), GitHubSarif.Places(output.Stdout));
        Assert.Empty(GitHubSarif.Problems(output.Stdout));
    }

    [Fact]
    public async Task Findings_Csv_OneRowPerFindingPlusHeader()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        await fixture.RunAsync("scan", CliFixture.DemoSbom);

        var result = await fixture.RunAsync("findings", "--format", "csv");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(92, lines.Length);
        Assert.StartsWith("product,purl,ecosystem,name,version,vulnerability", lines[0], StringComparison.Ordinal);
    }
}
