using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Issue 13: <c>ctem sla</c> on the demo with a 30-day SLA for medium findings, 35 days after its first scan. On day 10
/// golang.org/x/crypto was upgraded away and github.com/docker/docker came in, so there are findings breached (seen on
/// day 0), due soon (docker's, seen on day 10) and remediated in 10 days. The expected breaches and due dates are
/// computed here from the findings' own JSON (first seen + SLA days of the priority).
/// </summary>
public sealed class SlaTests
{
    private static readonly DateTimeOffset Later = CliRun.Now.AddDays(35);

    [Fact]
    public async Task Sla_DemoAfter35Days_BreachesDueSoonComplianceAndMttrAsTheFindingsSay()
    {
        using var fixture = await ScannedAsync();

        var result = await fixture.RunAtAsync(Later, "sla", "--format", "json");
        var findings = await fixture.RunAtAsync(Later, "findings", "--status", "all", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var sla = JsonNode.Parse(result.Stdout)!;
        var all = JsonNode.Parse(findings.Stdout)!["findings"]!.AsArray();
        var open = all.Where(f => (string?)f!["status"] == "open").ToList();
        var due = open.ToDictionary(f => (long)f!["id"]!, f => DateTimeOffset.Parse((string)f!["firstSeenAt"]!, CultureInfo.InvariantCulture).AddDays((int)f!["risk"]!["slaDays"]!));
        var breached = due.Where(d => d.Value < Later).Select(d => d.Key).Order().ToList();
        var soon = due.Where(d => d.Value >= Later && d.Value <= Later.AddDays(7)).Select(d => d.Key).Order().ToList();
        Assert.NotEmpty(breached);
        Assert.NotEmpty(soon);
        Assert.Equal(breached, sla["breached"]!.AsArray().Select(b => (long)b!["finding"]!["id"]!).Order());
        Assert.Equal(soon, sla["dueSoon"]!.AsArray().Select(b => (long)b!["finding"]!["id"]!).Order());
        Assert.All(sla["breached"]!.AsArray(), b => Assert.Equal("sla", (string?)b!["dueBy"]));

        // Compliance: open and not yet due, or resolved (on day 10) by the due date.
        var resolved = all.Count - open.Count;
        var product = sla["compliance"]!["products"]!.AsArray().Single()!;
        Assert.Equal((all.Count, all.Count - breached.Count, breached.Count), ((int)product["findings"]!, (int)product["withinSla"]!, (int)product["breached"]!));
        Assert.True(resolved > 0);

        // MTTR: every resolved finding took 10 days, under its priority.
        var priorities = all.Where(f => (string?)f!["status"] == "resolved").GroupBy(f => (string)f!["risk"]!["priority"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(priorities, sla["mttr"]!.AsArray().ToDictionary(m => (string)m!["priority"]!, m => (int)m!["remediations"]!));
        Assert.All(sla["mttr"]!.AsArray(), m => Assert.Equal(10.0, (double)m!["meanDays"]!));
    }

    [Fact]
    public async Task Sla_Markdown_MatchesGolden()
    {
        using var fixture = await ScannedAsync();

        var result = await fixture.RunAtAsync(Later, "sla", "--format", "markdown");

        Golden.Verify(result.Stdout, "sla-demo.md");
    }

    [Fact]
    public async Task Sla_OwnerWithoutFindings_NothingToKeep()
    {
        using var fixture = await ScannedAsync();

        var result = await fixture.RunAtAsync(Later, "sla", "--owner", "nobody", "--format", "json");

        var sla = JsonNode.Parse(result.Stdout)!;
        Assert.Equal((0, 0, 0), (sla["breached"]!.AsArray().Count, sla["compliance"]!["products"]!.AsArray().Count, sla["mttr"]!.AsArray().Count));
    }

    // The demo's scope file with medium findings due in 30 days; the demo's SBOM without docker on day 0, without crypto on day 10.
    private static async Task<CliFixture> ScannedAsync()
    {
        var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "demo", "ctem.yaml")) + "sla:\n  medium: 30\n");
        var before = fixture.File("day0.sbom.json", await WithoutAsync("pkg:golang/github.com/docker/docker@"));
        var after = fixture.File("day10.sbom.json", await WithoutAsync("pkg:golang/golang.org/x/crypto@"));
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        await fixture.RunAtAsync(CliRun.Now, "scan", before, "--product", "github.com/elastic/harp", "--scope", scope, "--source", "build");
        await fixture.RunAtAsync(CliRun.Now.AddDays(10), "scan", after, "--product", "github.com/elastic/harp", "--scope", scope, "--source", "build");
        return fixture;
    }

    private static async Task<string> WithoutAsync(string purlPrefix)
    {
        var sbom = JsonNode.Parse(await File.ReadAllTextAsync(CliFixture.DemoSbom))!;
        var components = sbom["components"]!.AsArray();
        foreach (var component in components.Where(c => ((string?)c!["purl"])?.StartsWith(purlPrefix, StringComparison.Ordinal) == true).ToList())
        {
            components.Remove(component);
        }

        return sbom.ToJsonString();
    }
}
