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
            // Through's CVE is crates.io's; clipboard's (CVE-2014-5509) NVD gives for Perl software, which Grype's CPE match names.
            var suspects = findings.Where(f => f.GetProperty("suspect").ValueKind == JsonValueKind.String)
                .ToDictionary(f => f.GetProperty("component").GetProperty("purl").GetString()!, f => f.GetProperty("suspect").GetString());
            Assert.Equal(["pkg:npm/clipboard@2.0.8", "pkg:npm/through@2.3.8"], suspects.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(Reason, suspects["pkg:npm/through@2.3.8"]);
            Assert.StartsWith("its CPEs are for perl software", suspects["pkg:npm/clipboard@2.0.8"], StringComparison.Ordinal);
            Assert.All(findings[^2..], f => Assert.Equal(JsonValueKind.String, f.GetProperty("suspect").ValueKind));
        }

        Assert.Equal(0, explained.ExitCode);
        Assert.Contains($"Suspect: {Reason}. Kept and listed, ranked down", explained.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("× suspect", explained.Stdout, StringComparison.Ordinal);
    }
}
