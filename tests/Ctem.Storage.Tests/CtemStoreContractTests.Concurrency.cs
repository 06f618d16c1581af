using Ctem.Core.Model;
using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    public static TheoryData<bool, bool> ImportContents => new()
    {
        { true, false },
        { false, true },
        { true, true },
    };

    // Two imports at once failed on PostgreSQL with a duplicate key (23505) on advisories and on kev_entries: both had
    // read the store before either committed, and both inserted the same rows.
    [SkippableTheory]
    [MemberData(nameof(ImportContents))]
    public async Task BeginKnowledgeImportAsync_TwoImportsAtOnce_BothCommitAndTheNewestWins(bool advisories, bool kev)
    {
        IReadOnlyList<ICtemStore> stores = [await OpenStoreAsync(), await OpenStoreAsync()];
        Advisory[][] batches =
        [
            [StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("left-pad")], summary: "older"), StoreData.Advisory("GHSA-2", StoreData.T0, [StoreData.Npm("is-odd")])],
            [StoreData.Advisory("GHSA-1", StoreData.T0.AddDays(1), [StoreData.Npm("left-pad")], summary: "newer"), StoreData.Advisory("GHSA-2", StoreData.T0, [StoreData.Npm("is-odd")])],
        ];
        using var bothWritten = new CountdownEvent(stores.Count);

        var outcomes = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
        {
            await using var import = await store.BeginKnowledgeImportAsync(Ct);
            var outcomes = new List<UpsertOutcome>();
            foreach (var advisory in advisories ? batches[i] : [])
            {
                outcomes.Add(await import.UpsertAsync(advisory, Ct));
            }

            if (kev)
            {
                outcomes.Add(await import.ReplaceFeedAsync(Kev, "a", Ct));
            }

            // Holds the transaction open until the other import has written too, as two unlucky imports would; one that
            // waits for this import to commit first never gets here, so the wait is bounded.
            bothWritten.Signal();
            bothWritten.Wait(TimeSpan.FromSeconds(2));
            await import.CommitAsync(Ct);
            return outcomes;
        })));

        // Whichever committed first inserted everything; the other found GHSA-1 newer or older, the rest unchanged.
        var (first, second) = outcomes[0].All(o => o == UpsertOutcome.Inserted) ? (outcomes[0], outcomes[1]) : (outcomes[1], outcomes[0]);
        Assert.All(first, o => Assert.Equal(UpsertOutcome.Inserted, o));
        if (advisories)
        {
            Assert.Equal(second == outcomes[1] ? UpsertOutcome.Updated : UpsertOutcome.Older, second[0]);
            Assert.Equal(UpsertOutcome.Unchanged, second[1]);
            Assert.Equal("newer", Assert.Single((await stores[0].FindAdvisoriesAsync([LeftPad], Ct))[LeftPad]).Summary);
        }

        Assert.Equal(advisories ? 2 : 0, await CountAsync(stores[0], "advisories"));
        if (kev)
        {
            Assert.Equal(UpsertOutcome.Unchanged, second[^1]);
        }

        Assert.Equal(kev ? Kev.Entries.Count : 0, await CountAsync(stores[0], "kev_entries"));
    }

    // Opening a database brought its schema up to date in a write transaction, so on SQLite it waited for a running
    // import (and failed after the busy timeout); readers must not wait for writers.
    [SkippableFact]
    public async Task OpenAndRead_DuringAnImport_DoNotWaitForIt()
    {
        var store = await OpenStoreAsync();
        await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("left-pad")]));
        await using var import = await store.BeginKnowledgeImportAsync(Ct);
        await import.UpsertAsync(StoreData.Advisory("GHSA-2", StoreData.T0, [StoreData.Npm("is-odd")]), Ct);

        var reader = await OpenStoreAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var status = await reader.GetKnowledgeStatusAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, Assert.Single(status).Advisories);
    }

    private static async Task<long> CountAsync(ICtemStore store, string table) =>
        Assert.Single(await QueryAsync<long>(store, $"SELECT COUNT(*) FROM {table}"));
}
