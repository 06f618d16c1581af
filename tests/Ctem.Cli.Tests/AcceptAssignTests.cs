using System.Globalization;
using System.Text.Json.Nodes;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Issue 13: <c>ctem assign</c> overrides the scope file's owner, <c>ctem accept</c> takes a finding out of the open list
/// and <c>--fail-on</c> until its date, after which it comes back by itself with an event; each change is in the history.
/// </summary>
public sealed class AcceptAssignTests
{
    private const string Product = "github.com/elastic/harp";

    [Fact]
    public async Task Accept_UntilADate_LeavesTheListAndFailOnThenComesBackByItself()
    {
        using var fixture = await ScannedAsync();
        var before = await OpenAsync(fixture, CliRun.Now);
        var id = (long)before[0]["id"]!;

        var accepted = await fixture.RunAtAsync(CliRun.Now, "accept", Id(id), "--reason", "internal tool, not reachable", "--until", "2026-12-15", "--by", "alice");
        var during = await OpenAsync(fixture, CliRun.Now.AddDays(10));
        var all = await fixture.RunAtAsync(CliRun.Now.AddDays(10), "findings", "--status", "all", "--format", "json");
        var rescanned = await fixture.RunAtAsync(CliRun.Now.AddDays(10), "scan", CliFixture.DemoSbom, "--product", Product, "--scope", Scope);
        var failOn = await fixture.RunAtAsync(CliRun.Now.AddDays(10), "findings", "--fail-on", "priority>=low");
        var after = await fixture.RunAtAsync(CliRun.Now.AddDays(50), "findings", "--format", "json");

        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal($"Finding {id} ({Product}): risk accepted by alice until 2026-12-15: internal tool, not reachable. It leaves the open list and --fail-on until then.\n", accepted.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(before.Count - 1, during.Count);
        Assert.DoesNotContain(during, f => (long)f["id"]! == id);
        var held = JsonNode.Parse(all.Stdout)!["findings"]!.AsArray().Single(f => (long)f!["id"]! == id)!["acceptance"]!;
        Assert.Equal(("internal tool, not reachable", "2026-12-15T00:00:00.000Z", "alice"), ((string)held["reason"]!, (string)held["until"]!, (string)held["by"]!));
        Assert.Contains("1 more finding(s) with an accepted risk (ctem accept)", rescanned.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, failOn.ExitCode);
        Assert.Contains($"{during.Count} finding(s) meet 'priority>=low'", failOn.Stderr, StringComparison.Ordinal);
        Assert.Contains($"ctem: the accepted risk of finding {id} ({Product}) ended on 2026-12-15; it is open again", after.Stderr, StringComparison.Ordinal);
        Assert.Contains(JsonNode.Parse(after.Stdout)!["findings"]!.AsArray(), f => (long)f!["id"]! == id && f["acceptance"] is null);
    }

    /// <summary>Cases: the accept arguments after the finding id → the refusal (exit 2, nothing recorded).</summary>
    public static TheoryData<string[], string> Refusals => new()
    {
        { ["--until", "2026-12-01"], "ctem: an acceptance needs --reason: why the risk is accepted; nothing was recorded" },
        { ["--reason", "later"], "ctem: an acceptance needs --until DATE: when the finding comes back; nothing was recorded" },
        { ["--reason", "  ", "--until", "2026-12-01"], "ctem: an acceptance needs --reason: why the risk is accepted; nothing was recorded" },
        { ["--reason", "old", "--until", "2026-10-01"], "ctem: --until 2026-10-01 is not in the future; nothing was recorded" },
        // The demo's scope file sets no policy: 90 days from 2026-11-01 is 2027-01-30.
        { ["--reason", "long", "--until", "2027-06-01"], "ctem: --until 2027-06-01 is past the policy's maximum of 90 days (acceptance.maxDays in the scope file): at most 2027-01-30; nothing was recorded" },
        { ["--reason", "x", "--until", "next week"], "ctem: --until 'next week' is not a date (YYYY-MM-DD) or a time (ISO 8601)" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Accept_WithoutReasonOrDateOrPastThePolicy_IsRefused(string[] arguments, string error)
    {
        using var fixture = await ScannedAsync();
        var id = (long)(await OpenAsync(fixture, CliRun.Now))[0]["id"]!;

        var result = await fixture.RunAtAsync(CliRun.Now, ["accept", Id(id), .. arguments, "--by", "alice", "--scope", Scope]);

        Assert.Equal((2, error + "\n"), (result.ExitCode, result.Stderr.ReplaceLineEndings("\n")));
        Assert.Equal(Count(await OpenAsync(fixture, CliRun.Now)), Count(await OpenAsync(fixture, CliRun.Now.AddDays(1))));
    }

    [Fact]
    public async Task Accept_PolicyMaximumFromTheScopeFile_AllowsLonger()
    {
        using var fixture = await ScannedAsync();
        var id = (long)(await OpenAsync(fixture, CliRun.Now))[0]["id"]!;
        var scope = fixture.File("long.yaml", "products: []\nacceptance:\n  maxDays: 365\n");

        var result = await fixture.RunAtAsync(CliRun.Now, "accept", Id(id), "--reason", "vendor fix due", "--until", "2027-06-01", "--by", "alice", "--scope", scope);

        Assert.Equal(0, result.ExitCode);
    }

    // Regression: under --status all a finding that is not open looked open in the table.
    [Fact]
    public async Task FindingsTable_StatusAll_SaysWhyAFindingIsNotOpen()
    {
        using var fixture = await ScannedAsync();
        var ids = (await OpenAsync(fixture, CliRun.Now)).Select(f => (long)f["id"]!).Take(2).ToList();
        await fixture.RunAtAsync(CliRun.Now, "accept", Id(ids[0]), "--reason", "internal", "--until", "2026-12-15", "--by", "alice");
        await fixture.RunAtAsync(CliRun.Now, "triage", Id(ids[1]), "--state", "false_positive", "--detail", "wrong module", "--by", "alice");

        var table = await CliRun.RunAtWidthAsync(200, "findings", "--status", "all", "--db", fixture.Database);

        var rows = table.Stdout.Split('\n').Where(l => l.StartsWith('│')).ToList();
        Assert.Contains("│ State ", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Split('│')[1].Trim() == Id(ids[0]) && r.Contains("│ accepted ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Split('│')[1].Trim() == Id(ids[1]) && r.Contains("│ false_positive ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assign_OverridesTheRulesAcrossRescansAndIsExplained()
    {
        using var fixture = await ScannedAsync();
        var id = (long)(await OpenAsync(fixture, CliRun.Now))[0]["id"]!;

        var assigned = await fixture.RunAtAsync(CliRun.Now, "assign", Id(id), "--to", "payments", "--by", "alice", "--format", "json");
        await fixture.RunAtAsync(CliRun.Now.AddDays(1), "scan", CliFixture.DemoSbom, "--product", Product, "--scope", Scope);
        var owned = await fixture.RunAtAsync(CliRun.Now.AddDays(1), "findings", "--owner", "payments", "--format", "json");
        var explained = await fixture.RunAtAsync(CliRun.Now.AddDays(1), "findings", "--explain", Id(id));
        var unknown = await fixture.RunAtAsync(CliRun.Now, "assign", "999999", "--to", "payments", "--by", "alice");

        var change = JsonNode.Parse(assigned.Stdout)!;
        Assert.Equal(("platform", "payments", "alice"), ((string?)change["from"], (string?)change["to"], (string?)change["by"]));
        Assert.Equal([id], JsonNode.Parse(owned.Stdout)!["findings"]!.AsArray().Select(f => (long)f!["id"]!));
        Assert.Contains("Owner: payments (assigned by alice)", explained.Stdout, StringComparison.Ordinal);
        Assert.Equal((2, "ctem: no finding has the ID 999999 (see 'ctem findings')\n"), (unknown.ExitCode, unknown.Stderr.ReplaceLineEndings("\n")));
    }

    private static string Scope => Path.Combine(RepoPaths.Samples, "demo", "ctem.yaml");

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static int Count(List<JsonNode> findings) => findings.Count;

    private static async Task<CliFixture> ScannedAsync()
    {
        var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        await fixture.RunAtAsync(CliRun.Now, "scan", CliFixture.DemoSbom, "--product", Product, "--scope", Scope);
        return fixture;
    }

    private static async Task<List<JsonNode>> OpenAsync(CliFixture fixture, DateTimeOffset now)
    {
        var listed = await fixture.RunAtAsync(now, "findings", "--format", "json");
        return [.. JsonNode.Parse(listed.Stdout)!["findings"]!.AsArray().Select(f => f!)];
    }
}
