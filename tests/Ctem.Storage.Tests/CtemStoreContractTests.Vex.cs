using Ctem.Core.Model;
using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    private static NewVexStatement Vex(string vulnerability, VexState state, DateTimeOffset at, int ordinal = 0, string digest = "doc-1") =>
        new(new VexStatement(vulnerability, ["GHSA-alias"], [new VexTarget("pkg:npm/lodash", "vers:npm/<4.17.21")], state)
        {
            Justification = state == VexState.NotAffected ? VexJustification.VulnerableCodeNotInExecutePath : VexJustification.Unspecified,
            Detail = "the template function is never called",
            ActionStatement = state == VexState.Affected ? "upgrade to 4.17.21" : null,
            Responses = ["will_not_fix"],
            Evidence = ["seen only in dev scope"],
            Author = "Vendor PSIRT",
            Location = $"/statements/{ordinal}",
        }, "vex/lodash.openvex.json", "openvex", digest, ordinal, at)
        {
            Product = "shop",
            DocumentId = "https://example.com/vex/1",
        };

    [SkippableFact]
    public async Task AddVexStatementsAsync_Statements_RoundTripEveryField()
    {
        var store = await OpenStoreAsync();
        var added = Vex("CVE-1", VexState.Affected, StoreData.T0);

        var outcome = await store.AddVexStatementsAsync([added], Ct);
        var stored = Assert.Single(await store.GetVexStatementsAsync(null, Ct));

        Assert.Equal(outcome.Added, [stored.Id]);
        Assert.Equal(added.Statement with { Product = "shop", Timestamp = StoreData.T0 }, stored.Statement with { Aliases = added.Statement.Aliases, Targets = added.Statement.Targets, Responses = added.Statement.Responses, Evidence = added.Statement.Evidence });
        Assert.Equal(["GHSA-alias"], stored.Statement.Aliases);
        Assert.Equal([new VexTarget("pkg:npm/lodash", "vers:npm/<4.17.21")], stored.Statement.Targets);
        Assert.Equal(["will_not_fix"], stored.Statement.Responses);
        Assert.Equal(["seen only in dev scope"], stored.Statement.Evidence);
        Assert.Equal(("vex/lodash.openvex.json", "openvex", "shop", "https://example.com/vex/1"), (stored.Source, stored.Format, stored.Product, stored.DocumentId));
        Assert.Equal(StoreData.T0, stored.At);
        Assert.Equal(Time.GetUtcNow(), stored.ImportedAt);
    }

    [SkippableFact]
    public async Task AddVexStatementsAsync_SameDocumentAgain_WritesNothing()
    {
        var store = await OpenStoreAsync();
        await store.AddVexStatementsAsync([Vex("CVE-1", VexState.Affected, StoreData.T0), Vex("CVE-2", VexState.Fixed, StoreData.T0, ordinal: 1)], Ct);

        var again = await store.AddVexStatementsAsync([Vex("CVE-1", VexState.Affected, StoreData.T0), Vex("CVE-2", VexState.Fixed, StoreData.T0, ordinal: 1)], Ct);

        Assert.Empty(again.Added);
        Assert.Equal(2, again.Unchanged);
        Assert.Equal(2, (await store.GetVexStatementsAsync(null, Ct)).Count);
    }

    [SkippableFact]
    public async Task ReplaceVexLinksAsync_LatestTimestampWins_AndClosedFindingsLeaveTheOpenList()
    {
        var store = await OpenStoreAsync();
        var run = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1"), StoreData.Finding(Lodash, "CVE-2")]), Ct);
        var cve1 = run.Findings.Values.Select(f => f.Id).Min();
        var added = await store.AddVexStatementsAsync(
        [
            Vex("CVE-1", VexState.NotAffected, StoreData.T0.AddDays(2)),
            Vex("CVE-1", VexState.Affected, StoreData.T0.AddDays(1), ordinal: 1),
        ], Ct);

        var outcome = await store.ReplaceVexLinksAsync("shop", [new VexLink(cve1, added.Added[0]), new VexLink(cve1, added.Added[1])], StoreData.T0.AddDays(3), Ct);

        Assert.Equal(new VexLinkOutcome(1, 1), outcome);
        var open = await store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.Open), Ct);
        var closed = Assert.Single(await store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.Resolved), Ct));
        Assert.Equal("CVE-2", Assert.Single(open).Vulnerability.Id);
        Assert.Equal((cve1, VexState.NotAffected, added.Added[0], "Vendor PSIRT"), (closed.Id, closed.Vex!.State, closed.Vex.StatementId, closed.Vex.Author));
        Assert.Equal(2, (await store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.All), Ct)).Count);
        Assert.Equal(2, (await store.GetCurrentFindingFactsAsync("shop", Ct)).Count);
        Assert.Equal(1, Assert.Single(await store.ListProductsAsync(Ct)).OpenFindings);
        Assert.Equal(added.Added, (await store.GetFindingVexStatementsAsync(cve1, Ct)).Select(s => s.Id));
    }

    [SkippableFact]
    public async Task ReplaceVexLinksAsync_StateChanges_AreHistoryEvents()
    {
        var store = await OpenStoreAsync();
        var run = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")]), Ct);
        var id = run.Findings.Values.Single().Id;
        var added = await store.AddVexStatementsAsync([Vex("CVE-1", VexState.FalsePositive, StoreData.T0)], Ct);

        await store.ReplaceVexLinksAsync("shop", [new VexLink(id, added.Added[0])], StoreData.T0.AddHours(1), Ct);
        var unchanged = await store.ReplaceVexLinksAsync("shop", [new VexLink(id, added.Added[0])], StoreData.T0.AddHours(2), Ct);
        await store.ReplaceVexLinksAsync("shop", [], StoreData.T0.AddHours(3), Ct);

        Assert.Equal(0, unchanged.Changed);
        var events = (await store.GetFindingEventsAsync("shop", 0, long.MaxValue, Ct)).Where(e => e.Kind == FindingEventKind.Vex).ToList();
        Assert.Equal([("false_positive", (long?)added.Added[0]), (null, null)], events.Select(e => (e.VexState, e.VexStatementId)));
        Assert.Equal([StoreData.T0.AddHours(1), StoreData.T0.AddHours(3)], events.Select(e => e.At));
        Assert.Null(Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct)).Vex);
    }

    [SkippableFact]
    public async Task ReplaceVexLinksAsync_AnotherProductsFinding_IsIgnored()
    {
        var store = await OpenStoreAsync();
        var other = await store.RecordScanAsync(StoreData.Scan("other", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")]), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")]), Ct);
        var added = await store.AddVexStatementsAsync([Vex("CVE-1", VexState.Fixed, StoreData.T0)], Ct);

        var outcome = await store.ReplaceVexLinksAsync("shop", [new VexLink(other.Findings.Values.Single().Id, added.Added[0])], StoreData.T0, Ct);

        Assert.Equal(new VexLinkOutcome(0, 0), outcome);
        Assert.All(await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All), Ct), f => Assert.Null(f.Vex));
    }
}
