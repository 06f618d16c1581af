using Ctem.Core.Model;
using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    private const string Lodash = "pkg:npm/lodash@4.17.20";
    private const string Minimist = "pkg:npm/minimist@1.2.0";

    /// <summary>
    /// Scans of one product, one per element, each a list of "purl|vulnerability"; the outcome of the last scan,
    /// and the findings open after it.
    /// </summary>
    public static TheoryData<string, string[][], int[], string[]> ReconciliationCases => new()
    {
        { "first scan opens", [[$"{Lodash}|CVE-1", $"{Minimist}|CVE-2"]], [2, 0, 0, 0], [$"{Lodash}|CVE-1", $"{Minimist}|CVE-2"] },
        { "same scan again stays open", [[$"{Lodash}|CVE-1"], [$"{Lodash}|CVE-1"]], [0, 0, 1, 0], [$"{Lodash}|CVE-1"] },
        { "component removed resolves", [[$"{Lodash}|CVE-1", $"{Minimist}|CVE-2"], [$"{Lodash}|CVE-1"]], [0, 0, 1, 1], [$"{Lodash}|CVE-1"] },
        { "component returns reopens", [[$"{Lodash}|CVE-1"], [], [$"{Lodash}|CVE-1"]], [0, 1, 0, 0], [$"{Lodash}|CVE-1"] },
        { "empty scan resolves all", [[$"{Lodash}|CVE-1", $"{Minimist}|CVE-2"], []], [0, 0, 0, 2], [] },
        { "duplicates merge", [[$"{Lodash}|CVE-1", $"{Lodash}|CVE-1"]], [1, 0, 0, 0], [$"{Lodash}|CVE-1"] },
        { "upgrade is new and resolved", [[$"{Lodash}|CVE-1"], ["pkg:npm/lodash@4.17.21|CVE-1"]], [1, 0, 0, 1], ["pkg:npm/lodash@4.17.21|CVE-1"] },
    };

    [SkippableTheory]
    [MemberData(nameof(ReconciliationCases))]
    public async Task RecordScanAsync_ScanSequence_ReconcilesFindings(string name, string[][] scans, int[] expected, string[] open)
    {
        Assert.NotEmpty(name);
        var store = await OpenStoreAsync();
        RunOutcome? outcome = null;
        for (var i = 0; i < scans.Length; i++)
        {
            var findings = scans[i].Select(Parse).ToList();
            outcome = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(i), findings), Ct);
        }

        Assert.NotNull(outcome);
        Assert.Equal(expected, new[] { outcome.New, outcome.Reopened, outcome.StillOpen, outcome.Resolved });
        var current = await store.GetCurrentFindingsAsync("shop", Ct);
        Assert.Equal(open.Order(StringComparer.Ordinal), current.Select(f => FindingKey.Of(f.ComponentPurl, f.Vulnerability.Id)));
        var stored = await QueryAsync<(long New, long Reopened, long Resolved)>(
            store, "SELECT new_count, reopened_count, resolved_count FROM runs WHERE id = @Id", new { Id = outcome.RunId });
        Assert.Equal(((long)expected[0], (long)expected[1], (long)expected[3]), Assert.Single(stored));

        static ObservedFinding Parse(string spec)
        {
            var parts = spec.Split('|');
            return StoreData.Finding(parts[0], parts[1]);
        }
    }

    /// <summary>Regression: a distribution advisory id shared by two CVEs made the second CVE take over the first's row.</summary>
    [SkippableFact]
    public async Task RecordScanAsync_TwoVulnerabilitiesSharingAnAlias_StayTwoFindings()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1", "DSA-1")]), Ct);
        var first = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));

        var outcome = await store.RecordScanAsync(
            StoreData.Scan("shop", StoreData.T0.AddDays(1), [StoreData.Finding(Lodash, "CVE-2", "DSA-1"), StoreData.Finding(Lodash, "CVE-1", "DSA-1")]), Ct);
        var current = await store.GetCurrentFindingsAsync("shop", Ct);

        Assert.Equal((1, 1), (outcome.New, outcome.StillOpen));
        Assert.Equal(["CVE-1", "CVE-2"], current.Select(f => f.Vulnerability.Id).Order(StringComparer.Ordinal));
        Assert.Equal(first.Id, current.Single(f => f.Vulnerability.Id == "CVE-1").Id);
    }

    /// <summary>Regression: across runs, a CVE sharing only a distribution advisory with a stored one took over its row.</summary>
    [SkippableFact]
    public async Task RecordScanAsync_LaterRunWithAnotherCveSharingOnlyAnAlias_IsANewFinding()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1", "DSA-1")]), Ct);

        var outcome = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [StoreData.Finding(Lodash, "CVE-2", "DSA-1")]), Ct);

        Assert.Equal((1, 0, 1), (outcome.New, outcome.StillOpen, outcome.Resolved));
        Assert.Equal(["CVE-2"], (await store.GetCurrentFindingsAsync("shop", Ct)).Select(f => f.Vulnerability.Id));
    }

    /// <summary>Regression: the alias fallback gave up at a row another observation had claimed, and the finding lost its identity.</summary>
    [SkippableFact]
    public async Task RecordScanAsync_NewPreferredIdWhileAnotherFindingSharesAnAlias_KeepsItsRow()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1", "DSA-1"), StoreData.Finding(Lodash, "GHSA-y")]), Ct);
        var before = (await store.GetCurrentFindingsAsync("shop", Ct)).Single(f => f.Vulnerability.Id == "GHSA-y").Id;

        var outcome = await store.RecordScanAsync(
            StoreData.Scan("shop", StoreData.T0.AddDays(1), [StoreData.Finding(Lodash, "CVE-1", "DSA-1"), StoreData.Finding(Lodash, "CVE-2", "DSA-1", "GHSA-y")]), Ct);

        Assert.Equal((0, 2, 0), (outcome.New, outcome.StillOpen, outcome.Resolved));
        Assert.Equal(before, (await store.GetCurrentFindingsAsync("shop", Ct)).Single(f => f.Vulnerability.Id == "CVE-2").Id);
    }

    /// <summary>Regression: a source knowing only the GHSA id renamed a CVE finding, and the name flipped with every report.</summary>
    [SkippableFact]
    public async Task RecordScanAsync_SourceKnowingFewerNames_KeepsThePreferredIdAndEveryName()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1", "GHSA-a")], source: "grype"), Ct);

        var outcome = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [StoreData.Finding(Lodash, "GHSA-a")], source: "osv-scanner"), Ct);
        var finding = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));

        Assert.Equal((0, 1), (outcome.New, outcome.StillOpen));
        Assert.Equal("CVE-1", finding.Vulnerability.Id);
        Assert.Equal(["GHSA-a"], finding.Vulnerability.Aliases);
    }

    [SkippableFact]
    public async Task RecordScanAsync_RemovedThenReturned_RecordsHistoryWithoutDuplicates()
    {
        var store = await OpenStoreAsync();
        var finding = StoreData.Finding(Lodash, "CVE-1", "GHSA-aaaa");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [finding]), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [finding]), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(2), []), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(3), [finding]), Ct);

        var events = await QueryAsync<string>(store, "SELECT kind FROM finding_events ORDER BY id");
        Assert.Equal(["opened", "resolved", "reopened"], events);
        Assert.Equal([1L], await QueryAsync<long>(store, "SELECT COUNT(*) FROM findings"));
        var resolvedAt = await QueryAsync<DateTimeOffset>(store, "SELECT at FROM finding_events WHERE kind = 'resolved'");
        Assert.Equal(StoreData.T0.AddDays(2).AddSeconds(5), Assert.Single(resolvedAt));
        var stored = Assert.Single(await store.GetCurrentFindingsAsync(null, Ct));
        Assert.Equal(StoreData.T0.AddSeconds(5), stored.FirstSeenAt);
        Assert.Equal(StoreData.T0.AddDays(3).AddSeconds(5), stored.LastSeenAt);
    }

    [SkippableFact]
    public async Task RecordScanAsync_OtherSourceStillReports_KeepsFindingOpen()
    {
        var store = await OpenStoreAsync();
        var finding = StoreData.Finding(Lodash, "CVE-1");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [finding], source: "sbom"), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [finding], source: "lockfile"), Ct);

        var outcome = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [], source: "sbom"), Ct);

        Assert.Equal(0, outcome.Resolved);
        var stored = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));
        Assert.Equal(["lockfile"], stored.Sources);

        var last = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(2), [], source: "lockfile"), Ct);
        Assert.Equal(1, last.Resolved);
        Assert.Empty(await store.GetCurrentFindingsAsync("shop", Ct));
    }

    [SkippableFact]
    public async Task GetCurrentFindingsAsync_ProductGiven_ReturnsOnlyThatProductWithVulnerability()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1", "GHSA-x")]), Ct);
        await store.RecordScanAsync(StoreData.Scan("blog", StoreData.T0, [StoreData.Finding(Minimist, "CVE-2")]), Ct);

        var shop = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));
        var all = await store.GetCurrentFindingsAsync(null, Ct);

        Assert.Equal(
            new { Product = "shop", Ecosystem = (string?)"npm", PackageName = "lodash", Version = (string?)"4.17.20", Status = FindingStatus.Open },
            new { shop.Product, shop.Ecosystem, shop.PackageName, shop.Version, shop.Status });
        Assert.Equal("CVE-1", shop.Vulnerability.Id);
        Assert.Equal(["GHSA-x"], shop.Vulnerability.Aliases);
        Assert.Equal(["GHSA-CVE-1"], shop.Vulnerability.AdvisoryIds);
        Assert.Equal("summary of CVE-1", shop.Vulnerability.Summary);
        Assert.Equal("HIGH", shop.Vulnerability.Severity);
        Assert.Equal(["2.0.0"], shop.FixedVersions);
        Assert.Equal(["sbom"], shop.Sources);
        Assert.Equal(["blog", "shop"], all.Select(f => f.Product));
        Assert.Empty(await store.GetCurrentFindingsAsync("nobody", Ct));
    }

    [SkippableFact]
    public async Task ListProductsAsync_TwoProducts_ReturnsOpenCountsAndLastScan()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1"), StoreData.Finding(Minimist, "CVE-2")]), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [StoreData.Finding(Lodash, "CVE-1")]), Ct);
        await store.RecordScanAsync(StoreData.Scan("blog", StoreData.T0, []), Ct);

        var products = await store.ListProductsAsync(Ct);

        Assert.Equal(
            [
                new ProductSummary("blog", 0, StoreData.T0.AddSeconds(5)),
                new ProductSummary("shop", 1, StoreData.T0.AddDays(1).AddSeconds(5)),
            ],
            products);
    }

    [SkippableFact]
    public async Task RecordScanAsync_ThousandsOfComponents_StoresEveryComponent()
    {
        var store = await OpenStoreAsync();
        var components = Enumerable.Range(0, 3000).Select(i => StoreData.Component($"pkg:npm/pkg-{i}@1.0.{i}")).ToList();
        var scan = StoreData.Scan("big", StoreData.T0, []) with { Components = components };

        await store.RecordScanAsync(scan, Ct);

        Assert.Equal([3000L], await QueryAsync<long>(store, "SELECT COUNT(*) FROM run_components"));
        Assert.Equal([3000L], await QueryAsync<long>(store, "SELECT component_count FROM runs"));
    }
}
