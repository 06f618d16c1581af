using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task SaveTicketAsync_SameGroupingKeyAgain_UpdatesTheOneTicketAndReplacesItsFindings()
    {
        var store = await OpenStoreAsync();
        var ids = await TicketFindingsAsync(store, "CVE-1", "CVE-2", "CVE-3");
        var ticket = new TicketWrite("github", "acme/security", "action:npm/lodash@4.17.21", "12", "https://github.com/acme/security/issues/12", "open", "aa", StoreData.T0);

        var first = await store.SaveTicketAsync(ticket, [ids[0], ids[1]], Ct);
        var again = await store.SaveTicketAsync(ticket with { ContentSha256 = "bb", SyncedAt = StoreData.T0.AddDays(1) }, [ids[1], ids[2]], Ct);
        await store.SaveTicketAsync(ticket with { Tracker = "jira", Project = "SEC", ExternalKey = "SEC-1" }, [ids[0]], Ct);

        var tickets = await store.GetTicketsAsync(Ct);
        Assert.Equal(first, again);
        Assert.Equal(2, tickets.Count);
        var stored = tickets[0];
        Assert.Equal(("github", "acme/security", "12", "open", "bb", StoreData.T0, StoreData.T0.AddDays(1)), (stored.Tracker, stored.Project, stored.ExternalKey, stored.State, stored.ContentSha256, stored.CreatedAt, stored.SyncedAt));
        Assert.Equal([ids[1], ids[2]], stored.Findings.Select(l => l.FindingId));
    }

    [SkippableFact]
    public async Task ClaimFixAsync_ThenVerifiedAndPosted_ClaimHeldForResolvedClearedForStillPresent()
    {
        var store = await OpenStoreAsync();
        var ids = await TicketFindingsAsync(store, "CVE-1", "CVE-2");
        var id = await store.SaveTicketAsync(new TicketWrite("github", "acme/security", "action:npm/lodash@4.17.21", "12", "u", "open", "aa", StoreData.T0), ids, Ct);

        await store.ClaimFixAsync(id, StoreData.T0.AddDays(1), Ct);
        var claims = await store.GetUnverifiedFixClaimsAsync("shop", Ct);
        var elsewhere = await store.GetUnverifiedFixClaimsAsync("blog", Ct);
        await store.RecordFixVerificationsAsync([new(id, ids[0], FixVerification.Resolved), new(id, ids[1], FixVerification.StillPresent)], StoreData.T0.AddDays(2), Ct);
        var pending = Assert.Single(await store.GetTicketsAsync(Ct));
        await store.MarkVerificationsPostedAsync(id, reopened: true, StoreData.T0.AddDays(3), Ct);
        var posted = Assert.Single(await store.GetTicketsAsync(Ct));

        Assert.Equal([(id, ids[0], StoreData.T0.AddDays(1)), (id, ids[1], StoreData.T0.AddDays(1))], claims.Select(c => (c.TicketId, c.FindingId, c.ClaimedAt)));
        Assert.Empty(elsewhere);
        Assert.Equal("closed", pending.State);
        Assert.All(pending.Findings, l => Assert.True(l.VerificationPending));
        Assert.Equal("open", posted.State);
        Assert.Equal((FixVerification.Resolved, StoreData.T0.AddDays(3)), (posted.Findings[0].Verification, posted.Findings[0].VerificationPostedAt));
        Assert.Equal((null, FixVerification.Unspecified), (posted.Findings[1].FixClaimedAt, posted.Findings[1].Verification));
        Assert.Empty(await store.GetUnverifiedFixClaimsAsync("shop", Ct));
    }

    [SkippableFact]
    public async Task MarkAcceptanceNotedAsync_KeptOnTheLink()
    {
        var store = await OpenStoreAsync();
        var ids = await TicketFindingsAsync(store, "CVE-1");
        var id = await store.SaveTicketAsync(new TicketWrite("jira", "SEC", "finding:1", "SEC-7", "u", "open", "aa", StoreData.T0), ids, Ct);

        await store.MarkAcceptanceNotedAsync(id, ids[0], "acceptance-3", Ct);

        Assert.Equal("acceptance-3", Assert.Single(Assert.Single(await store.GetTicketsAsync(Ct)).Findings).AcceptanceNoted);
    }

    private static async Task<List<long>> TicketFindingsAsync(ICtemStore store, params string[] vulnerabilities)
    {
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [.. vulnerabilities.Select(v => StoreData.Finding(Lodash, v))]), Ct);
        return [.. (await store.GetCurrentFindingsAsync("shop", Ct)).Select(f => f.Id).Order()];
    }
}
