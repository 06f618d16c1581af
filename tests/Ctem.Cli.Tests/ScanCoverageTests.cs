using System.IO.Compression;
using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>No silent "No findings": the summary, stderr and the JSON diagnostics say what was not matched and what to run.</summary>
public sealed class ScanCoverageTests
{
    [SkippableFact]
    public async Task Scan_SbomWithoutPurls_SummaryCountsThem()
    {
        using var fixture = new CliFixture();

        var table = await fixture.RunAsync("scan", Extract(fixture, "in-the-wild/spdx/istio-release.spdx"));
        var json = await fixture.RunAsync("scan", Extract(fixture, "in-the-wild/spdx/istio-release.spdx"), "--format", "json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("0 finding(s).", table.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("last ran. 3,461 of 3,461 packages have no purl: not matched.\n", table.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("warning: ", table.Stderr, StringComparison.Ordinal);
        var diagnostic = Assert.Single(Diagnostics(json.Stdout), d => d.Code == "CTEM011");
        Assert.Equal(("warning", "3,461 of 3,461 packages have no purl: not matched"), (diagnostic.Severity, diagnostic.Message));
        Assert.EndsWith("istio-release.spdx", diagnostic.Path, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Scan_EcosystemWithoutAdvisories_NamesItAndTheUpdateCommand()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        var sbom = Extract(fixture, "in-the-wild/cyclonedx/redis-commander-sbom-cdx.json");

        var table = await fixture.RunAsync("scan", sbom);
        var sarif = await fixture.RunAsync("scan", sbom, "--format", "sarif");
        var json = await fixture.RunAsync("scan", sbom, "--format", "json");

        const string Warning = "no advisories for npm (514 packages) in the knowledge base: those packages were not checked; run 'ctem db update --ecosystem npm' (or 'ctem db import')";
        Assert.Equal((0, $"warning: {fixture.Database}: {Warning}\n"), (table.ExitCode, table.Stderr.ReplaceLineEndings("\n")));
        Assert.Equal(table.Stderr, sarif.Stderr);
        var diagnostic = Assert.Single(Diagnostics(json.Stdout));
        Assert.Equal(("warning", "CTEM016", fixture.Database, Warning), (diagnostic.Severity, diagnostic.Code, diagnostic.Path, diagnostic.Message));
        Assert.Equal("succeeded", JsonDocument.Parse(json.Stdout).RootElement.GetProperty("run").GetProperty("status").GetString());
    }

    private static List<(string Severity, string Code, string Path, string Message)> Diagnostics(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => (
            d.GetProperty("severity").GetString()!, d.GetProperty("code").GetString()!, d.GetProperty("path").GetString()!, d.GetProperty("message").GetString()!))];
    }

    private static string Extract(CliFixture fixture, string entry)
    {
        RepoPaths.RequireShared();
        var path = Path.Combine(fixture.Directory, Path.GetFileName(entry));
        if (!File.Exists(path))
        {
            using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", "bom-shelter-in-the-wild.zip"));
            archive.GetEntry(entry)!.ExtractToFile(path);
        }

        return path;
    }
}
