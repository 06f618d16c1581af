using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class EndToEndTests
{
    [Fact]
    public async Task Demo_FreshMachine_PrintsFindings()
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunDemoAsync();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(": 91 new, 0 reopened, 0 resolved", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("CVE-2022-23648", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task ImportScanFindings_Sqlite_OutputsMatchGoldenFiles()
    {
        using var fixture = new CliFixture();

        var import = await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        var reimport = await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        var scanJson = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--format", "json");
        var scanTable = await fixture.RunAsync("scan", CliFixture.DemoSbom);
        var findingsJson = await fixture.RunAsync("findings", "--format", "json");
        var findingsTable = await fixture.RunAsync("findings", "--product", "github.com/elastic/harp");
        var status = await fixture.RunAsync("db", "status");

        Assert.All([import, reimport, scanJson, scanTable, findingsJson, findingsTable, status], r => Assert.Equal((0, ""), (r.ExitCode, r.Stderr)));
        Golden.Verify(import.Stdout + reimport.Stdout, "db-import.txt");
        Golden.Verify(fixture.Redact(scanJson.Stdout), "scan-demo.json");
        Golden.Verify(fixture.Redact(scanTable.Stdout), "scan-demo.txt");
        Golden.Verify(fixture.Redact(findingsJson.Stdout), "findings.json");
        Golden.Verify(fixture.Redact(findingsTable.Stdout), "findings.txt");
        Golden.Verify(fixture.Redact(status.Stdout), "db-status.txt");
    }

    [Fact]
    public async Task ScanJson_Contract_HasDocumentedFields()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);

        var result = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--format", "json");

        using var document = JsonDocument.Parse(result.Stdout);
        var findings = document.RootElement.GetProperty("findings");
        Assert.Equal(91, findings.GetArrayLength());
        foreach (var finding in findings.EnumerateArray())
        {
            var component = finding.GetProperty("component");
            Assert.StartsWith("pkg:golang/", component.GetProperty("purl").GetString(), StringComparison.Ordinal);
            Assert.Equal("Go", component.GetProperty("ecosystem").GetString());
            Assert.False(string.IsNullOrEmpty(component.GetProperty("version").GetString()));
            var vulnerability = finding.GetProperty("vulnerability");
            Assert.False(string.IsNullOrEmpty(vulnerability.GetProperty("id").GetString()));
            Assert.Equal(JsonValueKind.Array, vulnerability.GetProperty("aliases").ValueKind);
            Assert.Equal(JsonValueKind.Array, finding.GetProperty("fixedVersions").ValueKind);
        }
    }

    [Fact]
    public async Task ScanJson_KevAndEpssImported_AppearOnFindings()
    {
        using var fixture = new CliFixture();
        var testdata = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Parsers");
        var advisory = fixture.File("GO-2099-0001.json", """
            {"id": "GO-2099-0001", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2021-44228"],
             "affected": [{"package": {"ecosystem": "Go", "name": "example.com/lib"},
                           "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.2.0"}]}]}]}
            """);
        var sbom = fixture.File("app.cdx.json", """
            {"bomFormat": "CycloneDX", "specVersion": "1.5", "metadata": {"component": {"name": "app"}},
             "components": [{"name": "example.com/lib", "purl": "pkg:golang/example.com/lib@v1.0.0"}]}
            """);
        var import = await fixture.RunAsync("db", "import", advisory,
            Path.Combine(testdata, "CisaKev", "testdata", "kev-subset.json"), Path.Combine(testdata, "Epss", "testdata", "epss-subset.csv"));

        var scan = await fixture.RunAsync("scan", sbom, "--format", "json");
        var table = await fixture.RunAsync("findings");

        Assert.Equal((0, 0), (import.ExitCode, scan.ExitCode));
        using var document = JsonDocument.Parse(scan.Stdout);
        var vulnerability = document.RootElement.GetProperty("findings")[0].GetProperty("vulnerability");
        Assert.Equal("2021-12-10", vulnerability.GetProperty("kev").GetProperty("dateAdded").GetString());
        Assert.Equal("Known", vulnerability.GetProperty("kev").GetProperty("knownRansomwareCampaignUse").GetString());
        Assert.Equal(JsonValueKind.Null, vulnerability.GetProperty("epss").ValueKind);
        Assert.Contains("2021-12-10", table.Stdout, StringComparison.Ordinal);
        Golden.Verify(fixture.Redact(import.Stdout), "db-import-feeds.txt");
    }

    [Fact]
    public async Task Demo_Json_CarriesEpssScores()
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunDemoAsync("--format", "json");
        using var document = JsonDocument.Parse(result.Stdout);
        var scored = document.RootElement.GetProperty("findings").EnumerateArray()
            .Count(f => f.GetProperty("vulnerability").GetProperty("epss").ValueKind == JsonValueKind.Object);
        Assert.Equal(83, scored);
    }

    [Fact]
    public async Task Scan_Rescan_ReportsNothingNew()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        await fixture.RunAsync("scan", CliFixture.DemoSbom);

        var again = await fixture.RunAsync("scan", CliFixture.DemoSbom);

        Assert.Contains(": 0 new, 0 reopened, 0 resolved", again.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ImportScanFindings_Postgres_SameResultsAsSqlite()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var fixture = new CliFixture();

        var import = await CliRun.RunAsync("--db", postgres.ConnectionString, "db", "import", CliFixture.DemoAdvisories);
        var scan = await CliRun.RunAsync("scan", CliFixture.DemoSbom, "--format", "json", "--db", postgres.ConnectionString);
        var findings = await CliRun.RunWithEnvironmentAsync(new Dictionary<string, string> { ["CTEM_DB"] = postgres.ConnectionString }, "findings", "--format", "json");

        Assert.Equal((0, 0, 0), (import.ExitCode, scan.ExitCode, findings.ExitCode));
        Golden.Verify(fixture.Redact(scan.Stdout), "scan-demo.json");
        Golden.Verify(fixture.Redact(findings.Stdout), "findings.json");
    }
}
