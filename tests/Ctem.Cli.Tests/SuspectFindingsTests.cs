using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>Issue 11: a suspect finding says why in JSON (<c>suspect</c>) and in <c>--explain</c>, and is listed all the same.</summary>
public sealed class SuspectFindingsTests
{
    private const string Reason = "the advisory is for crates.io (RUSTSEC-2021-0049), the component is npm";

    [SkippableFact]
    public async Task Ingest_RustAdvisoryOnNpmPackage_IsSuspectInJsonAndExplained()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", RepoPaths.SharedData("osv", "crates.io.zip"));

        var ingested = await fixture.RunAsync("ingest", RepoPaths.SharedData("scanners", "grype", "defectdojo__many_vulns4.json"), "--product", "web", "--format", "json");
        var listed = await fixture.RunAsync("findings", "--format", "json");
        var explained = await fixture.RunAsync("findings", "--explain", "CVE-2021-29940");

        foreach (var output in new[] { ingested, listed })
        {
            var findings = JsonDocument.Parse(output.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
            Assert.Equal(9, findings.Count);
            Assert.All(findings, f => Assert.True(f.TryGetProperty("suspect", out _)));
            var suspect = Assert.Single(findings, f => f.GetProperty("suspect").ValueKind == JsonValueKind.String);
            Assert.Equal(("pkg:npm/through@2.3.8", Reason), (suspect.GetProperty("component").GetProperty("purl").GetString(), suspect.GetProperty("suspect").GetString()));
            Assert.Equal(suspect, findings[^1]);
        }

        Assert.Equal(0, explained.ExitCode);
        Assert.Contains($"Suspect: {Reason}. Kept and listed, ranked down", explained.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("× suspect", explained.Stdout, StringComparison.Ordinal);
    }
}
