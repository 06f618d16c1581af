using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task RecordValidationAsync_KeepsEveryOutcomeWithAnEvent_AndSkipsUnknownFindings()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1"), StoreData.Finding("pkg:npm/through@2.3.8", "CVE-2")]), Ct);
        await store.RecordScanAsync(StoreData.Scan("blog", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")]), Ct);
        var shop = await store.GetCurrentFindingsAsync("shop", Ct);
        var lodash = shop.Single(f => f.Vulnerability.Id == "CVE-1").Id;
        var through = shop.Single(f => f.Vulnerability.Id == "CVE-2").Id;

        var stored = await store.RecordValidationAsync(
        [
            new NewValidationEvidence(lodash, "git-config", ValidationOutcome.Validated, StoreData.T0.AddHours(1), "http://127.0.0.1:8080", "matched: status 200", "GET http://127.0.0.1:8080/.git/config\nHTTP/1.1 200 OK"),
            new NewValidationEvidence(through, "redis-unauth", ValidationOutcome.Error, StoreData.T0.AddHours(1), "127.0.0.1:6379", "no answer", null),
            new NewValidationEvidence(lodash + through + 1000, "git-config", ValidationOutcome.Validated, StoreData.T0, "x", "y", null),
        ], Ct);
        await store.RecordValidationAsync([new NewValidationEvidence(lodash, "git-config", ValidationOutcome.NotReproduced, StoreData.T0.AddDays(2), "http://127.0.0.1:8080", "no matcher matched", null) { Retest = true }], Ct);
        var evidence = await store.GetValidationEvidenceAsync("shop", null, Ct);
        var ofLodash = await store.GetValidationEvidenceAsync(null, [lodash], Ct);
        var events = (await store.GetFindingEventsAsync("shop", 0, long.MaxValue, Ct)).Where(e => e.Kind == FindingEventKind.Validation).ToList();

        Assert.Equal([(lodash, "shop", ValidationOutcome.Validated), (through, "shop", ValidationOutcome.Error)], stored.Select(e => (e.FindingId, e.Product, e.Outcome)));
        Assert.Equal(
            [("git-config", ValidationOutcome.Validated, false, "GET http://127.0.0.1:8080/.git/config\nHTTP/1.1 200 OK"), ("redis-unauth", ValidationOutcome.Error, false, null), ("git-config", ValidationOutcome.NotReproduced, true, null)],
            evidence.Select(e => (e.CheckId, e.Outcome, e.Retest, e.Excerpt)));
        Assert.Equal([StoreData.T0.AddHours(1), StoreData.T0.AddDays(2)], ofLodash.Select(e => e.At));
        Assert.Empty(await store.GetValidationEvidenceAsync("blog", null, Ct));
        Assert.Equal(
            [(lodash, "validated", "check git-config on http://127.0.0.1:8080"), (through, "error", "check redis-unauth on 127.0.0.1:6379"), (lodash, "not-reproduced", "check git-config on http://127.0.0.1:8080")],
            events.Select(e => (e.FindingId, e.To, e.Reason)));
    }
}
