using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Runs per source, history and diffs, and re-analysis after advisory imports, on the demo's real data (the harp SBOM
/// and Go vulndb records) and a real Trivy report.
/// </summary>
public sealed class HistoryTests
{
    private const string Product = "github.com/elastic/harp";

    private static readonly string Trivy = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Reports", "Trivy", "testdata", "npm.json");

    private const string EmptyTrivy = """{"SchemaVersion": 2, "ArtifactName": "testdata/fixtures/repo/npm", "Results": []}""";

    // The same product with none of its vulnerable modules: what the backend job reports after an upgrade.
    private const string CleanSbom = """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "metadata": {"component": {"type": "application", "name": "github.com/elastic/harp"}},
         "components": [{"type": "library", "name": "github.com/example/safe", "version": "v1.0.0", "purl": "pkg:golang/github.com/example/safe@v1.0.0"}]}
        """;

    [Fact]
    public async Task TwoSourcesOneProduct_EachRerunResolvesOnlyItsOwn()
    {
        using var fixture = await ImportedAsync();
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");
        await fixture.RunAsync("ingest", Trivy, "--product", Product, "--source", "image");

        var imageAgain = Json(await fixture.RunAsync("ingest", fixture.File("trivy-empty.json", EmptyTrivy), "--product", Product, "--source", "image", "--format", "json"));
        var afterImage = Statuses(await fixture.RunAsync("findings", "--status", "all", "--format", "json"));
        var backendAgain = Json(await fixture.RunAsync("scan", fixture.File("clean.cdx.json", CleanSbom), "--source", "backend", "--format", "json"));
        var afterBackend = Statuses(await fixture.RunAsync("findings", "--status", "all", "--format", "json"));

        Assert.Equal(1, Run(imageAgain).GetProperty("resolved").GetInt32());
        Assert.Equal("CVE-2019-11358", Run(imageAgain).GetProperty("resolvedFindings")[0].GetProperty("vulnerability").GetString());
        Assert.Equal((91, 1), (afterImage.Count(s => s == "open"), afterImage.Count(s => s == "resolved")));
        Assert.Equal(91, backendAgain.GetProperty("run").GetProperty("resolved").GetInt32());
        Assert.Equal((0, 92), (afterBackend.Count(s => s == "open"), afterBackend.Count(s => s == "resolved")));
    }

    [Fact]
    public async Task ScanWithoutSource_SourceIsTheGivenPaths_OtherPathsResolveNothing()
    {
        using var fixture = await ImportedAsync();
        var first = Json(await fixture.RunAsync("scan", CliFixture.DemoSbom, "--format", "json"));

        var other = Json(await fixture.RunAsync("scan", fixture.File("clean.cdx.json", CleanSbom), "--product", Product, "--format", "json"));

        Assert.Equal(CliFixture.DemoSbom, first.GetProperty("run").GetProperty("source").GetString());
        Assert.Equal(0, other.GetProperty("run").GetProperty("resolved").GetInt32());
        Assert.Equal(91, Statuses(await fixture.RunAsync("findings", "--format", "json")).Count);
    }

    [Fact]
    public async Task SummaryLine_NamesTenResolvedFindingsThenCountsTheRest()
    {
        using var fixture = await ImportedAsync();
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");

        var result = await fixture.RunAsync("scan", fixture.File("clean.cdx.json", CleanSbom), "--source", "backend");

        var line = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("Resolved: ", StringComparison.Ordinal));
        Assert.Equal(10, line.Split(" in pkg:golang/").Length - 1);
        Assert.EndsWith(", …and 81 more.", line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindingsJson_CarriesLifecycleFields_ReopenCounted()
    {
        using var fixture = await ImportedAsync();
        await fixture.RunAsync("ingest", Trivy, "--product", "web", "--source", "image");
        await fixture.RunAsync("ingest", fixture.File("trivy-empty.json", EmptyTrivy), "--product", "web", "--source", "image");

        var resolved = Finding(await fixture.RunAsync("findings", "--status", "resolved", "--format", "json"));
        var open = await fixture.RunAsync("findings", "--format", "json");
        await fixture.RunAsync("ingest", Trivy, "--product", "web", "--source", "image");
        var reopened = Finding(await fixture.RunAsync("findings", "--format", "json"));

        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, resolved.GetProperty("resolvedAt").ValueKind);
        Assert.Equal(JsonValueKind.String, resolved.GetProperty("firstSeenAt").ValueKind);
        Assert.Equal(JsonValueKind.String, resolved.GetProperty("lastSeenAt").ValueKind);
        Assert.Equal(0, resolved.GetProperty("reopenCount").GetInt32());
        Assert.Empty(Json(open).GetProperty("findings").EnumerateArray());
        Assert.Equal(("open", JsonValueKind.Null, 1), (reopened.GetProperty("status").GetString(), reopened.GetProperty("resolvedAt").ValueKind, reopened.GetProperty("reopenCount").GetInt32()));
    }

    [Fact]
    public async Task History_ListsRunsWithSourceInputsAndCounts()
    {
        using var fixture = await ImportedAsync();
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");
        await fixture.RunAsync("ingest", Trivy, "--product", Product, "--source", "image");
        await fixture.RunAsync("ingest", fixture.File("trivy-empty.json", EmptyTrivy), "--product", Product, "--source", "image");

        var json = Json(await fixture.RunAsync("history", "--product", Product, "--format", "json"));
        var table = await fixture.RunAsync("history", "--product", Product);

        var runs = json.GetProperty("runs").EnumerateArray().Select(r => (
            r.GetProperty("kind").GetString(), r.GetProperty("source").GetString(), r.GetProperty("tool").GetString(),
            r.GetProperty("new").GetInt32(), r.GetProperty("resolved").GetInt32(), r.GetProperty("reopened").GetInt32())).ToList();
        Assert.Equal(
            [("scan", "backend", "ctem-scan", 91, 0, 0), ("ingest", "image", "trivy", 1, 0, 0), ("ingest", "image", "trivy", 0, 1, 0)],
            runs);
        Assert.EndsWith("harp-darwin-amd64.sbom.json", json.GetProperty("runs")[0].GetProperty("inputs")[0].GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("3 run(s) from 2 source(s)", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Default_EachSourcesLastRunAgainstTheOneBefore()
    {
        using var fixture = await ImportedAsync();
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");
        await fixture.RunAsync("ingest", Trivy, "--product", Product, "--source", "image");
        await fixture.RunAsync("ingest", fixture.File("trivy-empty.json", EmptyTrivy), "--product", Product, "--source", "image");
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");

        var json = Json(await fixture.RunAsync("diff", "--product", Product, "--format", "json"));
        var markdown = await fixture.RunAsync("diff", "--product", Product, "--format", "markdown");

        // The backend's second scan changed nothing; the image's second report resolved jquery.
        Assert.Equal((0, 1, 0, 0), Counts(json));
        Assert.Equal("CVE-2019-11358", Assert.Single(json.GetProperty("changes").EnumerateArray()).GetProperty("finding").GetProperty("vulnerability").GetProperty("id").GetString());
        Golden.Verify(fixture.Redact(markdown.Stdout), "diff-default.md");
    }

    [Fact]
    public async Task Diff_FromTo_NetChangesOverSeveralRuns()
    {
        using var fixture = await ImportedAsync();
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");
        await fixture.RunAsync("scan", fixture.File("clean.cdx.json", CleanSbom), "--source", "backend");
        await fixture.RunAsync("ingest", Trivy, "--product", Product, "--source", "image");
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");

        var fromFirst = Json(await fixture.RunAsync("diff", "--product", Product, "--from", "1", "--to", "4", "--format", "json"));
        var fromSecond = Json(await fixture.RunAsync("diff", "--product", Product, "--from", "2", "--to", "4", "--format", "json"));
        var table = await fixture.RunAsync("diff", "--product", Product, "--from", "1", "--to", "2");
        var wrong = await fixture.RunAsync("diff", "--product", Product, "--from", "4", "--to", "2");
        var unknown = await fixture.RunAsync("diff", "--product", Product, "--to", "99");

        // Resolved then back: between run 1 and 4 the harp findings are unchanged, jquery is new.
        Assert.Equal((1, 0, 0, 0), Counts(fromFirst));
        Assert.Equal((1, 0, 91, 0), Counts(fromSecond));
        Assert.Contains("0 new, 91 resolved, 0 reopened, 0 priority changed", table.Stdout, StringComparison.Ordinal);
        Assert.Equal((2, 2), (wrong.ExitCode, unknown.ExitCode));
        Assert.Contains("is not a run of product", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_PriorityChangedByAFeedUpdate_ListedWithBeforeAndAfter()
    {
        using var fixture = new CliFixture();
        // The demo's scope makes harp a crown jewel: KEV then lifts CVE-2022-23648 from medium to high.
        var scope = Path.Combine(RepoPaths.Samples, "demo", "ctem.yaml");
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend", "--scope", scope);
        var kev = fixture.File("kev.json", """
            {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2099.01.01", "dateReleased": "2099-01-01T00:00:00.000Z", "count": 1,
             "vulnerabilities": [{"cveID": "CVE-2022-23648", "vendorProject": "Linux Foundation", "product": "containerd", "vulnerabilityName": "containerd path traversal",
               "dateAdded": "2099-01-01", "shortDescription": "x", "requiredAction": "Apply updates.", "dueDate": "2099-01-22", "knownRansomwareCampaignUse": "Unknown", "notes": ""}]}
            """);
        await fixture.RunAsync("db", "import", kev);
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend", "--scope", scope);

        var json = Json(await fixture.RunAsync("diff", "--product", Product, "--from", "1", "--to", "2", "--format", "json"));

        var change = Assert.Single(json.GetProperty("changes").EnumerateArray());
        Assert.Equal("priorityChanged", change.GetProperty("change").GetString());
        Assert.Equal(("medium", "high"), (change.GetProperty("previousPriority").GetString(), change.GetProperty("priority").GetString()));
        Assert.Equal("CVE-2022-23648", change.GetProperty("finding").GetProperty("vulnerability").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Import_AfterScan_ReanalysesStoredInventoryWithoutRescanning()
    {
        using var fixture = new CliFixture();
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");

        var import = await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        var importJson = Json(await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories, "--format", "json"));
        var open = Statuses(await fixture.RunAsync("findings", "--format", "json"));
        var history = Json(await fixture.RunAsync("history", "--product", Product, "--format", "json"));

        Assert.Contains("91 finding(s) changed in 1 product(s) (91 new,", import.Stdout, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, importJson.GetProperty("reanalyzed").ValueKind);
        Assert.Equal(91, open.Count);
        var reanalysis = history.GetProperty("runs")[1];
        Assert.Equal(("reanalysis", "backend", 91), (reanalysis.GetProperty("kind").GetString(), reanalysis.GetProperty("source").GetString(), reanalysis.GetProperty("new").GetInt32()));
    }

    [Fact]
    public async Task Import_WithdrawnAdvisory_ResolvesItsFindingsWithoutRescanning()
    {
        using var fixture = await ImportedAsync();
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");
        var withdrawn = fixture.File("GO-2022-0344.json", Withdrawn("GO-2022-0344.json"));

        var import = Json(await fixture.RunAsync("db", "import", withdrawn, "--format", "json"));
        var findings = Json(await fixture.RunAsync("findings", "--format", "json")).GetProperty("findings");

        var reanalyzed = import.GetProperty("reanalyzed");
        Assert.Equal((1, 1, 0), (reanalyzed.GetProperty("products").GetInt32(), reanalyzed.GetProperty("resolved").GetInt32(), reanalyzed.GetProperty("new").GetInt32()));
        Assert.Equal(90, findings.GetArrayLength());
        Assert.DoesNotContain(findings.EnumerateArray(), f => f.GetProperty("vulnerability").GetProperty("id").GetString() == "CVE-2022-23648");
    }

    // Found by looking: at 80 columns the history and diff tables folded every cell onto several lines.
    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task HistoryAndDiffTables_AtWidth_OneLinePerRowWithinTheWidth(int columns)
    {
        using var fixture = await ImportedAsync();
        await fixture.RunAsync("scan", CliFixture.DemoSbom, "--source", "backend");
        await fixture.RunAsync("ingest", Trivy, "--product", Product, "--source", "image");

        var history = await CliRun.RunAtWidthAsync(columns, "history", "--product", Product, "--db", fixture.Database);
        var diff = await CliRun.RunAtWidthAsync(columns, "diff", "--product", Product, "--db", fixture.Database);

        var historyRows = history.Stdout.Split('\n').Where(l => l.StartsWith('│')).ToList();
        var diffRows = diff.Stdout.Split('\n').Where(l => l.StartsWith('│')).ToList();
        Assert.Equal(1 + 2, historyRows.Count);
        Assert.Equal(1 + 92, diffRows.Count);
        Assert.All(historyRows.Concat(diffRows), l => Assert.True(l.TrimEnd('\r').Length <= columns, l));
        Assert.Contains(historyRows, l => l.Contains("backend", StringComparison.Ordinal));
        Assert.Contains(diffRows, l => l.Contains("CVE-2019-11358", StringComparison.Ordinal));
    }

    private static async Task<CliFixture> ImportedAsync()
    {
        var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories);
        return fixture;
    }

    private static string Withdrawn(string entry)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(CliFixture.DemoAdvisories, "go-vulndb-harp-subset.zip"));
        using var stream = zip.GetEntry(entry)!.Open();
        var record = JsonNode.Parse(stream)!.AsObject();
        record["withdrawn"] = "2099-01-01T00:00:00Z";
        return record.ToJsonString();
    }

    private static (int New, int Resolved, int Reopened, int PriorityChanged) Counts(JsonElement diff)
    {
        var counts = diff.GetProperty("counts");
        return (counts.GetProperty("new").GetInt32(), counts.GetProperty("resolved").GetInt32(), counts.GetProperty("reopened").GetInt32(), counts.GetProperty("priorityChanged").GetInt32());
    }

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private static JsonElement Run(JsonElement ingest) => Assert.Single(ingest.GetProperty("runs").EnumerateArray());

    private static JsonElement Finding(CliResult result) => Assert.Single(Json(result).GetProperty("findings").EnumerateArray());

    private static List<string> Statuses(CliResult result) =>
        Json(result).GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("status").GetString()!).ToList();
}
