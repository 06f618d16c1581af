using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Graph;

/// <summary>
/// What <c>ctem scan</c> and <c>ctem ingest</c> report is the score stored after the graph step, which re-scores findings
/// on and off attack paths: it once showed the score from before, without the attack-path factor.
/// </summary>
public sealed class FinalScoreTests
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
          - name: shop
            deployments:
              - {name: web, environment: production, internetFacing: true, connects: [orders-db], targets: ["192.168.0.0/24"]}
        data:
          - {name: orders-db, crownJewel: true}
        """;

    [SkippableTheory]
    [InlineData("scan", "CVE-2021-44228", "on 1 attack path(s)")]
    [InlineData("ingest", "CVE-2017-15906", "on 1 attack path(s)")]
    [InlineData("ingest", "nmap:open-port", "on no attack path")]
    public async Task Report_AfterTheGraphStep_ShowsTheStoredScore(string command, string vulnerability, string attackPath)
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        Assert.Equal(0, (await fixture.RunAsync("db", "import", fixture.File("ghsa.json", Advisory))).ExitCode);
        var input = command == "scan" ? fixture.File("app.cdx.json", Sbom) : RepoPaths.SharedData("scanners", "nmap", "defectdojo__nmap_script_vulners.xml");

        var report = await fixture.RunAsync(command, input, "--product", "shop", "--scope", fixture.File("ctem.yaml", Scope), "--format", "json");
        var stored = await fixture.RunAsync("findings", "--product", "shop", "--format", "json");

        Assert.Equal(0, report.ExitCode);
        var reported = Risk(report.Stdout, vulnerability);
        Assert.Equal(Risk(stored.Stdout, vulnerability), reported);
        Assert.Contains($"attackPath={attackPath}", reported, StringComparison.Ordinal);
    }

    // The score and each factor's value, as one line.
    private static string Risk(string json, string vulnerability)
    {
        using var document = JsonDocument.Parse(json);
        var risk = document.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("vulnerability").GetProperty("id").GetString() == vulnerability)
            .GetProperty("risk");
        return $"{risk.GetProperty("score").GetDouble()} " + string.Join(' ', risk.GetProperty("factors").EnumerateArray().Select(f => $"{f.GetProperty("name").GetString()}={f.GetProperty("value")}"));
    }
}
