using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Xunit;

namespace Ctem.Storage.Tests;

/// <summary>Runs of thousands of findings, written set-based: new, continued and reopened findings in one run.</summary>
public abstract partial class CtemStoreContractTests
{
    private const int ManyFindings = 2_500;

    [SkippableFact]
    public async Task RecordScanAsync_ThousandsOfNewFindingsBesideContinuedAndReopenedOnes_EachGetsItsOwnRowSourceAndEvent()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1"), StoreData.Finding(Minimist, "CVE-2")]), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [StoreData.Finding(Lodash, "CVE-1")]), Ct);
        var many = Enumerable.Range(0, ManyFindings).Select(i => StoreData.Finding($"pkg:npm/bulk-{i:D5}@1.0.0", $"CVE-{1000 + i}")).ToList();

        // The known findings in the middle: new ids must not be handed out around them.
        var outcome = await store.RecordScanAsync(
            StoreData.Scan("shop", StoreData.T0.AddDays(2), [.. many.Take(1000), StoreData.Finding(Minimist, "CVE-2"), StoreData.Finding(Lodash, "CVE-1"), .. many.Skip(1000)]), Ct);

        Assert.Equal((ManyFindings, 1, 1, 0), (outcome.New, outcome.Reopened, outcome.StillOpen, outcome.Resolved));
        var rows = await QueryAsync<(long Id, string FindingKey, string ProductName, long FirstRunId, long ReopenCount)>(
            store, "SELECT id, finding_key, product_name, first_run_id, reopen_count FROM findings ORDER BY id");
        Assert.Equal(ManyFindings + 2, rows.Count);
        Assert.All(rows, r => Assert.Equal("shop", r.ProductName));
        Assert.Equal(outcome.Findings.Select(f => (f.Value.Id, f.Key)).Order(), rows.Select(r => (r.Id, r.FindingKey)));
        Assert.Equal(1, rows.Single(r => r.FindingKey == FindingKey.Of(Minimist, "CVE-2")).ReopenCount);
        Assert.Equal(ManyFindings, rows.Count(r => r.FirstRunId == outcome.RunId));

        var events = await QueryAsync<(long FindingId, string Kind)>(
            store, "SELECT finding_id, kind FROM finding_events WHERE run_id = @RunId ORDER BY id", new { outcome.RunId });
        var opened = events.Where(e => e.Kind == "opened").Select(e => e.FindingId).ToList();
        Assert.Equal(rows.Where(r => r.FirstRunId == outcome.RunId).Select(r => r.Id), opened);
        Assert.Equal([(outcome.Findings[FindingKey.Of(Minimist, "CVE-2")].Id, "reopened")], events.Where(e => e.Kind != "opened"));
        var sources = await QueryAsync<long>(store, "SELECT COUNT(*) FROM finding_sources WHERE last_run_id = @RunId AND active = @Active", new { outcome.RunId, Active = true });
        Assert.Equal(ManyFindings + 2, Assert.Single(sources));
    }

    [SkippableFact]
    public async Task RecordScanAsync_SameThousandsAgain_ContinuesEveryFindingAndAddsNone()
    {
        var store = await OpenStoreAsync();
        var many = Enumerable.Range(0, ManyFindings).Select(i => StoreData.Finding($"pkg:npm/bulk-{i:D5}@1.0.0", $"CVE-{1000 + i}")).ToList();
        var first = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, many), Ct);

        var again = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), many), Ct);

        Assert.Equal((ManyFindings, 0), (first.New, first.StillOpen));
        Assert.Equal((0, ManyFindings, 0), (again.New, again.StillOpen, again.Resolved));
        Assert.Equal(first.Findings.Select(f => (f.Key, f.Value.Id)).Order(), again.Findings.Select(f => (f.Key, f.Value.Id)).Order());
        var seen = await QueryAsync<long>(store, "SELECT COUNT(*) FROM findings WHERE last_run_id = @RunId", new { again.RunId });
        Assert.Equal(ManyFindings, Assert.Single(seen));
    }

    // A continued finding's indexed columns are rewritten only when they differ (bug guard for that shortcut): a risk
    // score that rose, one that went away, one that came, and one unchanged must each end as observed.
    [SkippableFact]
    public async Task RecordScanAsync_ContinuedFindingsWithChangedAndUnchangedScores_StoreEachAsObserved()
    {
        var store = await OpenStoreAsync();
        var many = Enumerable.Range(0, ManyFindings).Select(i => StoreData.Finding($"pkg:npm/bulk-{i:D5}@1.0.0", $"CVE-{1000 + i}") with { Risk = Risk(40, Priority.Medium) }).ToList();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [.. many.Take(ManyFindings - 1), many[^1] with { Risk = null }]), Ct);
        List<ObservedFinding> next = [many[0] with { Risk = Risk(90, Priority.Critical) }, many[1] with { Risk = null }, many[^1], .. many.Skip(2).SkipLast(1)];

        var again = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), next), Ct);

        var rows = (await QueryAsync<(string FindingKey, double? RiskScore, string? Priority, long LastRunId, string Status)>(
            store, "SELECT finding_key, risk_score, priority, last_run_id, status FROM findings")).ToDictionary(r => r.FindingKey);
        Assert.Equal(ManyFindings, rows.Count);
        Assert.All(next, f => Assert.Equal((f.Risk?.Score, again.RunId, "open"), (rows[f.Key].RiskScore, rows[f.Key].LastRunId, rows[f.Key].Status)));
        Assert.Equal((90d, "critical"), (rows[many[0].Key].RiskScore, rows[many[0].Key].Priority));
        Assert.Equal((null, null), (rows[many[1].Key].RiskScore, rows[many[1].Key].Priority));
        Assert.Equal((40d, "medium"), (rows[many[^1].Key].RiskScore, rows[many[^1].Key].Priority));
        Assert.Equal(1, again.PriorityChanged);
    }
}
