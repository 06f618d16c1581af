using Ctem.Core.Model;
using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    private static readonly KevCatalog Kev = new("2025.08.25", StoreData.T0, [
        new KevEntry("CVE-2021-44228", "Apache", "Log4j2", "Log4Shell", new DateOnly(2021, 12, 10), new DateOnly(2021, 12, 24), "Apply updates", "Known"),
        new KevEntry("CVE-2021-45046", "Apache", "Log4j2", null, new DateOnly(2023, 5, 1), null, null, null),
    ]);

    private static readonly EpssSnapshot Epss = new("v2025.03.14", StoreData.T0.AddDays(1), [
        new EpssScore("CVE-2021-44228", 0.94433, 0.99998),
        new EpssScore("CVE-2020-0001", 0.001, 0.1),
    ]);

    [SkippableFact]
    public async Task ReplaceFeedAsync_NewThenSameThenOther_ReturnsOutcomes()
    {
        var store = await OpenStoreAsync();

        var first = await ReplaceAsync(store, Kev, "a");
        var same = await ReplaceAsync(store, Kev, "a");
        var other = await ReplaceAsync(store, Kev with { Entries = Kev.Entries.Take(1).ToList() }, "b");

        Assert.Equal((UpsertOutcome.Inserted, UpsertOutcome.Unchanged, UpsertOutcome.Updated), (first, same, other));
        var status = Assert.Single(await store.GetFeedStatusAsync(Ct));
        Assert.Equal(("KEV", "2025.08.25", 1, StoreData.T0), (status.Source, status.Version, status.Records, status.PublishedAt));
        Assert.DoesNotContain("CVE-2021-45046", (await store.GetExploitationAsync(["CVE-2021-45046"], Ct)).Keys);
    }

    [SkippableFact]
    public async Task GetExploitationAsync_BothFeeds_ReturnsFactsWithDates()
    {
        var store = await OpenStoreAsync();
        await ReplaceAsync(store, Kev, "a");
        await ReplaceAsync(store, Epss, "b");

        var facts = await store.GetExploitationAsync(["CVE-2021-44228", "CVE-2021-45046", "CVE-2020-0001", "CVE-1999-9999"], Ct);

        Assert.Equal(["CVE-2020-0001", "CVE-2021-44228", "CVE-2021-45046"], facts.Keys.Order(StringComparer.Ordinal));
        var log4shell = facts["CVE-2021-44228"];
        Assert.Equal(Kev.Entries[0], log4shell.Kev);
        Assert.Equal("2025.08.25", log4shell.KevCatalogVersion);
        Assert.Equal(Epss.Scores[0], log4shell.Epss);
        Assert.Equal(StoreData.T0.AddDays(1), log4shell.EpssDate);
        Assert.Null(facts["CVE-2021-45046"].Epss);
        Assert.Null(facts["CVE-2020-0001"].Kev);
    }

    [SkippableFact]
    public async Task ReplaceFeedAsync_NotCommitted_LeavesNothing()
    {
        var store = await OpenStoreAsync();
        await using (var import = await store.BeginKnowledgeImportAsync(Ct))
        {
            await import.ReplaceFeedAsync(Epss, "a", Ct);
        }

        Assert.Empty(await store.GetFeedStatusAsync(Ct));
        Assert.Empty(await store.GetExploitationAsync(["CVE-2021-44228"], Ct));
    }

    private static async Task<UpsertOutcome> ReplaceAsync(ICtemStore store, KnowledgeFeed feed, string digest)
    {
        await using var import = await store.BeginKnowledgeImportAsync(Ct);
        var outcome = await import.ReplaceFeedAsync(feed, digest, Ct);
        await import.CommitAsync(Ct);
        return outcome;
    }
}
