using System.Globalization;
using System.Text.Json.Nodes;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Issue 12's round trip with the real formats: triage the demo's findings into every state and justification, export
/// OpenVEX, CycloneDX or CSAF, then in a fresh database scan the same SBOM and import the export. Every finding must hold
/// the same state, justification and detail; findings nobody analysed are exported as affected and come back so.
/// </summary>
public sealed class VexRoundTripTests
{
    private const string Product = "github.com/elastic/harp";

    // Analyses by hand, applied to the most urgent findings in order.
    private static readonly string[][] Analyses =
    [
        ["--state", "not_affected", "--justification", "component_not_present", "--detail", "Stripped at build time"],
        ["--state", "not_affected", "--justification", "vulnerable_code_not_present", "--detail", "The vulnerable package is vendored without it"],
        ["--state", "not_affected", "--justification", "vulnerable_code_not_in_execute_path", "--detail", "We never call ssh.Dial"],
        ["--state", "not_affected", "--justification", "vulnerable_code_cannot_be_controlled_by_adversary", "--detail", "Inputs are constants"],
        ["--state", "not_affected", "--justification", "inline_mitigations_already_exist", "--detail", "Behind a WAF rule, ticket SEC-12"],
        ["--state", "false_positive", "--detail", "The scanner confused two modules"],
        ["--state", "fixed", "--detail", "Patched in our fork"],
        ["--state", "under_investigation", "--detail", "Looking at it"],
        ["--state", "affected", "--detail", "Upgrade to the fixed version in the next release"],
    ];

    [Theory]
    [InlineData("openvex")]
    [InlineData("cyclonedx")]
    [InlineData("csaf")]
    public Task Export_ThenImportIntoAFreshScan_EveryFindingKeepsStateJustificationAndDetail(string format) => RoundTripAsync(format, ScanDemoAsync);

    // The same on a real SBOM of the shared set: flux 0.26.3 (SPDX) against the Go advisories.
    [SkippableTheory]
    [InlineData("openvex")]
    [InlineData("cyclonedx")]
    [InlineData("csaf")]
    public Task Export_ThenImportIntoAFreshScan_OnTheFluxSbom(string format)
    {
        RepoPaths.RequireShared();
        return RoundTripAsync(format, ScanFluxAsync);
    }

    private static async Task RoundTripAsync(string format, Func<CliFixture, Task> scan)
    {
        using var source = new CliFixture();
        await scan(source);
        var ids = (await FindingsAsync(source)).Select(f => (long)f["id"]!).Take(Analyses.Length).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            var triaged = await source.RunAsync(["triage", ids[i].ToString(CultureInfo.InvariantCulture), .. Analyses[i], "--by", "alice"]);
            Assert.Equal(0, triaged.ExitCode);
        }

        var before = States(await FindingsAsync(source));
        var file = Path.Combine(source.Directory, $"export.{format}.json");
        var exported = await source.RunAsync("vex", "export", "--product", Product, "--format", format, "--output", file);
        Assert.Equal(0, exported.ExitCode);

        using var fresh = new CliFixture();
        await scan(fresh);
        var imported = await fresh.RunAsync("vex", "import", file, "--product", Product);
        var after = States(await FindingsAsync(fresh));

        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.Equal(Analyses.Length, before.Count(b => b.Value.State != "affected" || b.Value.Detail is not null));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, b => Assert.Equal(b.Value, after[b.Key]));
    }

    private static async Task ScanFluxAsync(CliFixture fixture)
    {
        await fixture.RunAsync("db", "import", RepoPaths.SharedData("osv", "Go.zip"));
        using var archive = System.IO.Compression.ZipFile.OpenRead(RepoPaths.SharedData("sbom", "bom-shelter-in-the-wild.zip"));
        using var reader = new StreamReader(archive.GetEntry("in-the-wild/spdx/flux_0.26.3_sbom.spdx.json")!.Open());
        var sbom = fixture.File("flux.spdx.json", await reader.ReadToEndAsync());
        var scanned = await fixture.RunAsync("scan", sbom, "--product", Product);
        Assert.Equal(0, scanned.ExitCode);
    }

    private static async Task ScanDemoAsync(CliFixture fixture)
    {
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        var scanned = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", Product, "--scope", Path.Combine(RepoPaths.Samples, "demo", "ctem.yaml"));
        Assert.Equal(0, scanned.ExitCode);
    }

    private static async Task<List<JsonNode>> FindingsAsync(CliFixture fixture)
    {
        var listed = await fixture.RunAsync("findings", "--status", "all", "--format", "json");
        return [.. JsonNode.Parse(listed.Stdout)!["findings"]!.AsArray().Select(f => f!)];
    }

    // A finding nobody analysed is "affected" without a justification or detail, as exported.
    private static Dictionary<string, (string State, string? Justification, string? Detail)> States(List<JsonNode> findings) =>
        findings.ToDictionary(
            f => $"{(string)f["component"]!["purl"]!}|{(string)f["vulnerability"]!["id"]!}",
            f => f["vex"] is { } vex
                ? ((string)vex["state"]!, (string?)vex["justification"], (string?)vex["detail"])
                : ("affected", null, null));
}
