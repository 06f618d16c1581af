using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Severity is spelled one way in every output — critical, high, medium, low or none, lower-case, as priorities are —
/// whatever the source wrote ("CRITICAL", "Medium", "moderate", "info").
/// </summary>
public sealed class SeveritySpellingTests
{
    private static readonly string[] Words = ["critical", "high", "medium", "low", "none"];

    /// <summary>Real reports and the severities their findings must show, taken from each file's own words.</summary>
    public static TheoryData<string, string[]> Reports => new()
    {
        { "trivy/defectdojo__scheme_2_many_vulns.json", ["critical", "high", "medium"] },
        { "grype/defectdojo__many_vulns4.json", ["critical", "high", "medium"] },
        { "npm-audit/defectdojo__many_vulns.json", ["low", "medium"] },
        { "nuclei/defectdojo__many_findings.json", ["low", "medium", "none"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Reports))]
    public async Task Ingest_ToolsSeverityWords_AreSpelledOneWayInEveryFormat(string report, string[] expected)
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        var ingest = await fixture.RunAsync("ingest", RepoPaths.SharedData("scanners", report), "--product", "p");
        Assert.True(ingest.ExitCode is ExitCodes.Ok or ExitCodes.Partial, ingest.Stderr);

        var findings = JsonDocument.Parse((await fixture.RunAsync("findings", "--format", "json")).Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("vulnerability")).ToList();
        Assert.Equal(expected, findings.Select(v => v.GetProperty("severity").GetString()).OfType<string>().Distinct().Order());
        Assert.All(findings.Where(v => v.GetProperty("cvss").ValueKind == JsonValueKind.Object), v => Assert.Contains(v.GetProperty("cvss").GetProperty("severity").GetString(), Words));
        Assert.All(await ColumnAsync(fixture, "csv", ','), value => Assert.Contains(value, Words));
        Assert.All(await ColumnAsync(fixture, "markdown", '|'), value => Assert.Contains(value, Words));
        Assert.All(await TableSeveritiesAsync(fixture), value => Assert.Contains(value, Words));
    }

    [SkippableFact]
    public async Task Scan_GitHubAdvisoryModerate_IsMediumEverywhere()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", RepoPaths.SharedData("osv", "ghsa-samples", "GHSA-c6c4-jmqx-3r33.json"));
        var sbom = fixture.File("app.cdx.json", """{"bomFormat": "CycloneDX", "components": [{"name": "xdlocalstorage", "purl": "pkg:npm/xdlocalstorage@2.0.5"}]}""");

        var scan = JsonDocument.Parse((await fixture.RunAsync("scan", sbom, "--format", "json")).Stdout).RootElement;
        var explained = await fixture.RunAsync("findings", "--explain", "GHSA-c6c4-jmqx-3r33");

        var vulnerability = scan.GetProperty("findings")[0].GetProperty("vulnerability");
        Assert.Equal(("medium", "medium"), (vulnerability.GetProperty("severity").GetString(), vulnerability.GetProperty("cvss").GetProperty("severity").GetString()));
        Assert.Equal(["medium"], await ColumnAsync(fixture, "csv", ','));
        Assert.Equal(["medium"], await TableSeveritiesAsync(fixture));
        Assert.Contains("│ 6.1 medium ", explained.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The non-empty values of the severity column of a CSV or Markdown listing.</summary>
    private static async Task<List<string>> ColumnAsync(CliFixture fixture, string format, char separator)
    {
        var lines = (await fixture.RunAsync("findings", "--format", format)).Stdout.Split('\n').Where(l => l.Contains(separator, StringComparison.Ordinal)).ToList();
        var header = lines[0].Split(separator).Select(c => c.Trim()).ToList();
        var column = header.IndexOf("severity");
        Assert.True(column >= 0, "no severity column");

        // CSV cells with commas are quoted; the severity column comes before any free text, so a plain split holds.
        return lines.Skip(1).Select(l => l.Split(separator)[column].Trim()).Where(v => v.Length > 0 && !v.StartsWith("---", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The first word of the Severity cell of each row of the findings table ("high 7.5" is "high").</summary>
    private static async Task<List<string>> TableSeveritiesAsync(CliFixture fixture)
    {
        var rows = (await fixture.RunAsync("findings")).Stdout.Split('\n').Where(l => l.StartsWith('│')).Select(l => l.Split('│').Select(c => c.Trim()).ToList()).ToList();
        var column = rows[0].IndexOf("Severity");
        Assert.True(column >= 0, "no Severity column");
        return rows.Skip(1).Where(r => r[1].Length > 0 && r[column].Length > 0).Select(r => r[column].Split(' ')[0]).ToList();
    }
}
