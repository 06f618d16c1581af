using System.Text.Json.Nodes;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Plan;

/// <summary>
/// Findings ingested from scanner reports are planned like scanned ones when they are on packages: the report's
/// vulnerability id or one of its aliases names the package's advisories in the knowledge base.
/// </summary>
public sealed class PlanReportTests
{
    [SkippableFact]
    public async Task Plan_TrivyReports_PlansTheirPackagesThroughAliasesAndSaysWhichItCannot()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", RepoPaths.SharedData("osv", "PyPI.zip"), RepoPaths.SharedData("osv", "Go.zip"));
        var ingest = await fixture.RunAsync(
            "ingest", RepoPaths.SharedData("scanners", "trivy", "trivy-integration__pip.json"), RepoPaths.SharedData("scanners", "trivy", "trivy-integration__gomod.json"), "--product", "reports");
        Assert.Equal(0, ingest.ExitCode);

        var json = JsonNode.Parse((await fixture.RunAsync("plan", "--format", "json")).Stdout)!;

        var actions = PlannedAction.Read(json.ToJsonString());
        Assert.Equal(
            [("werkzeug", "0.11", "2.3.8", 2), ("github.com/open-policy-agent/opa", "v0.35.0", "1.4.0", 1), ("golang.org/x/text", "v0.3.6", "0.39.0", 1)],
            actions.Select(a => (a.Name, a.From.Single(), a.To, a.Fixes.Count)));

        // GitLab's GMS id names no advisory of the Go vulndb export.
        var unplanned = Assert.Single(json["unplanned"]!.AsArray())!;
        Assert.Equal(
            ("GMS-2022-20", "github.com/docker/distribution", "no advisory of the package in the knowledge base is this vulnerability: its fixed versions are unknown"),
            ((string)unplanned["vulnerability"]!, (string)unplanned["name"]!, (string)unplanned["reason"]!));
    }
}
