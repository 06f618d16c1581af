using Ctem.Core.Model;
using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

/// <summary>Runs per (product, source, tool), the package index of current inventories, and finding history.</summary>
public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task RecordScanAsync_TwoSources_EachResolvesOnlyItsOwn_SharedFindingStaysOpen()
    {
        var store = await OpenStoreAsync();
        var shared = StoreData.Finding(Lodash, "CVE-1");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [shared, StoreData.Finding(Minimist, "CVE-2")], source: "backend"), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(1), [shared], source: "image"), Ct);

        var backendAgain = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(2), [], source: "backend"), Ct);
        var open = await store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.Open), Ct);
        var imageAgain = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(3), [], source: "image"), Ct);
        var resolved = await store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.Resolved), Ct);

        Assert.Equal(["CVE-2"], backendAgain.ResolvedFindings.Select(f => f.VulnerabilityId));
        Assert.Equal([Lodash], open.Select(f => f.ComponentPurl));
        Assert.Equal(["CVE-1"], imageAgain.ResolvedFindings.Select(f => f.VulnerabilityId));
        Assert.All(resolved, f => Assert.NotNull(f.ResolvedAt));
        Assert.Equal(2, resolved.Count);
    }

    [SkippableFact]
    public async Task RecordScanAsync_SameSourceTwoTools_ResolveApart()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")], source: "ci") with { Tool = "trivy", Kind = RunKind.Ingest }, Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Minimist, "CVE-2")], source: "ci") with { Tool = "grype", Kind = RunKind.Ingest }, Ct);

        var trivyAgain = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(1), [], source: "ci") with { Tool = "trivy", Kind = RunKind.Ingest }, Ct);

        Assert.Equal(["CVE-1"], trivyAgain.ResolvedFindings.Select(f => f.VulnerabilityId));
        Assert.Equal([Minimist], (await store.GetCurrentFindingsAsync("shop", Ct)).Select(f => f.ComponentPurl));
    }

    [SkippableFact]
    public async Task FindInventoriesWithAsync_OnlyEachSourcesLatestScan_NotIngests()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")], source: "backend"), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(1), [StoreData.Finding(Minimist, "CVE-2")], source: "backend"), Ct);
        await store.RecordScanAsync(StoreData.Scan("blog", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")], source: "web"), Ct);
        await store.RecordScanAsync(StoreData.Scan("wiki", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")], source: "trivy") with { Tool = "trivy", Kind = RunKind.Ingest }, Ct);

        var lodash = await store.FindInventoriesWithAsync([new PackageKey("npm", "lodash")], Ct);
        var minimist = await store.FindInventoriesWithAsync([new PackageKey("npm", "minimist")], Ct);

        // The shop's backend no longer holds lodash; the wiki's findings came from a report, not an inventory.
        var blog = Assert.Single(lodash);
        Assert.Equal(("blog", "web", Lodash), (blog.Product, blog.Source, Assert.Single(blog.Components).Purl!.ToCoordinates()));
        Assert.Equal(("shop", "backend"), (Assert.Single(minimist).Product, minimist[0].Source));
    }

    [SkippableFact]
    public async Task RecordScanAsync_ReanalysisChangingNothing_LeavesNoRun()
    {
        var store = await OpenStoreAsync();
        var finding = StoreData.Finding(Lodash, "CVE-1");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [finding], source: "backend"), Ct);

        var same = await store.RecordScanAsync(
            StoreData.Scan("shop", StoreData.T0.AddHours(1), [finding], source: "backend") with { Kind = RunKind.Reanalysis, ResolveOnly = new HashSet<string> { Lodash } }, Ct);
        var gone = await store.RecordScanAsync(
            StoreData.Scan("shop", StoreData.T0.AddHours(2), [], source: "backend") with { Kind = RunKind.Reanalysis, ResolveOnly = new HashSet<string> { Minimist } }, Ct);

        Assert.Equal(0, same.RunId);
        Assert.Equal(0, gone.RunId);
        Assert.Single(await store.GetRunsAsync("shop", Ct));
        Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));
    }

    [SkippableFact]
    public async Task History_EventsCarryPriorities_AndRunsTheirPointInIt()
    {
        var store = await OpenStoreAsync();
        var medium = StoreData.Finding(Lodash, "CVE-1") with { Risk = Risk(Core.Scoring.Risk.Priority.Medium) };
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [medium], source: "backend"), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(1), [medium with { Risk = Risk(Core.Scoring.Risk.Priority.High) }], source: "backend"), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(2), [], source: "backend"), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(3), [medium], source: "backend"), Ct);

        var runs = await store.GetRunsAsync("shop", Ct);
        var events = await store.GetFindingEventsAsync("shop", 0, runs[^1].LastEventId, Ct);
        var reopened = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));

        Assert.Equal(
            [(FindingEventKind.Opened, "medium", (string?)null), (FindingEventKind.Priority, "high", "medium"), (FindingEventKind.Resolved, null, null), (FindingEventKind.Reopened, "medium", "high")],
            events.Select(e => (e.Kind, e.Priority, e.PreviousPriority)));
        Assert.Equal(events.Select(e => e.RunId), runs.Select(r => (long?)r.Id));
        Assert.True(runs.Zip(runs.Skip(1)).All(p => p.First.LastEventId < p.Second.LastEventId));
        Assert.Equal(1, reopened.ReopenCount);
    }

    private static Core.Scoring.Risk.RiskAssessment Risk(Core.Scoring.Risk.Priority priority) =>
        new(50, priority, 30, Core.Scoring.Ssvc.SsvcOutcome.Track, [], AssessedAt);

    private static readonly DateTimeOffset AssessedAt = StoreData.T0;
}
