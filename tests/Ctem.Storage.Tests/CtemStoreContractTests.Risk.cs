using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    private static readonly ProductRiskSettings ShopSettings = new(
        new ProductRiskContext("shop", true, Criticality.High, DataSensitivity.Confidential, false, Exposure.InternetFacingProduction, ["eu"]),
        new RiskPolicy(RiskWeights.Default with { NonRuntimeScope = 0.25 }, new PriorityThresholds(80, 60, 30), new RemediationSla(1, 2, 3, 4)));

    private static RiskAssessment Risk(double score, Priority priority) => new(
        score, priority, 30, SsvcOutcome.Attend, [new RiskFactor("cvss", "9.8 CRITICAL", "CVSS 3.1 vector …", 0.98, 0.3, 29.4)], StoreData.T0);

    [SkippableFact]
    public async Task RecordScanAsync_WithRisk_StoresAssessmentSettingsAndIds()
    {
        var store = await OpenStoreAsync();
        var low = StoreData.Finding(Lodash, "CVE-1") with { Risk = Risk(20.5, Priority.Low) };
        var high = StoreData.Finding(Minimist, "CVE-2") with { Risk = Risk(65, Priority.High) };

        var outcome = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [low, high]) with { RiskSettings = ShopSettings }, Ct);
        var current = await store.GetCurrentFindingsAsync("shop", Ct);
        var settings = await store.GetProductRiskSettingsAsync(Ct);

        Assert.Equal(["CVE-2", "CVE-1"], current.Select(f => f.Vulnerability.Id));
        Assert.Equivalent(high.Risk, current[0].Risk, strict: true);
        Assert.Equal(current[0].FirstSeenAt.AddDays(30), current[0].DueAt);
        Assert.Equal(current.Select(f => f.Id).Order(), outcome.Findings.Values.Select(r => r.Id).Order());
        Assert.Equivalent(ShopSettings, settings["shop"], strict: true);
        Assert.Equal([("high", 65.0)], await QueryAsync<(string, double)>(store, "SELECT priority, risk_score FROM findings WHERE vulnerability_id = 'CVE-2'"));
    }

    // A scan without a scope file reads its own product's settings, not every product's (issue 18: once per scan).
    [SkippableFact]
    public async Task GetProductRiskSettingsAsync_OneProduct_ReadsItsOwnOrNull()
    {
        var store = await OpenStoreAsync();
        var other = ShopSettings with { Context = ShopSettings.Context with { Product = "blog", Criticality = Criticality.Low } };
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")]) with { RiskSettings = ShopSettings }, Ct);
        await store.RecordScanAsync(StoreData.Scan("blog", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")]) with { RiskSettings = other }, Ct);
        await store.RecordScanAsync(StoreData.Scan("legacy", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")]), Ct);

        Assert.Equivalent(ShopSettings, await store.GetProductRiskSettingsAsync("shop", Ct), strict: true);
        Assert.Equivalent(other, await store.GetProductRiskSettingsAsync("blog", Ct), strict: true);
        Assert.Null(await store.GetProductRiskSettingsAsync("legacy", Ct));
        Assert.Null(await store.GetProductRiskSettingsAsync("unknown", Ct));
    }

    [SkippableFact]
    public async Task ExploitReferences_RoundTripThroughAdvisoriesAndFindings()
    {
        var store = await OpenStoreAsync();
        string[] references = ["https://www.exploit-db.com/exploits/1"];
        await ImportAsync(store, StoreData.Advisory("GHSA-x", StoreData.T0, [StoreData.Npm("lodash")]) with { ExploitReferences = references, Cwes = ["CWE-79"] });
        var finding = StoreData.Finding(Lodash, "CVE-1");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [finding with { Vulnerability = finding.Vulnerability with { ExploitReferences = references } }]), Ct);

        var candidate = Assert.Single((await store.FindAdvisoriesAsync([new PackageKey("npm", "lodash")], Ct))[new PackageKey("npm", "lodash")]);
        var stored = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));

        Assert.Equal(references, candidate.ExploitReferences);
        Assert.Equal(["CWE-79"], candidate.Cwes);
        Assert.Equal(references, stored.Vulnerability.ExploitReferences);
    }

    [SkippableFact]
    public async Task Cwes_RoundTripThroughFindings()
    {
        var store = await OpenStoreAsync();
        var finding = StoreData.Finding(Lodash, "zap:10020");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [finding with { Vulnerability = finding.Vulnerability with { Cwes = ["CWE-1021", "CWE-79"] } }]), Ct);

        Assert.Equal(["CWE-1021", "CWE-79"], Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct)).Vulnerability.Cwes);
    }

    [SkippableFact]
    public async Task UpdateRiskAsync_ReplacesAssessmentsInOneGo()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1") with { Risk = Risk(20, Priority.Low) }]), Ct);
        var id = (await store.GetCurrentFindingsAsync("shop", Ct))[0].Id;

        await store.UpdateRiskAsync([(id, Risk(90, Priority.Critical)), (id + 1000, Risk(1, Priority.Low))], Ct);

        var updated = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));
        Assert.Equal((90.0, Priority.Critical), (updated.Risk!.Score, updated.Risk.Priority));
    }
}
