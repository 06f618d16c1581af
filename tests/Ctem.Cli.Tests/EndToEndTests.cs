using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class EndToEndTests
{
    [Fact]
    public async Task Demo_FreshMachine_PrintsFindings()
    {
        var result = await CliRun.RunAsync("demo");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("91 finding(s): 91 new", result.Stdout, StringComparison.Ordinal);
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
    public async Task Scan_Rescan_ReportsNothingNew()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        await fixture.RunAsync("scan", CliFixture.DemoSbom);

        var again = await fixture.RunAsync("scan", CliFixture.DemoSbom);

        Assert.Contains("91 finding(s): 0 new, 0 reopened, 0 resolved", again.Stdout, StringComparison.Ordinal);
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
